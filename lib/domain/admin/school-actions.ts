"use server";

import { redirect } from "next/navigation";
import { revalidatePath, updateTag } from "next/cache";
import { PUBLIC_SCHOOLS_TAG, publicSchoolTag } from "@/lib/domain/schools/cache-tags";
import { commandErrors, issuesToErrors, type AdminFormState } from "@/lib/domain/admin/form-state";
import { SchoolInput, schoolFormValues } from "@/lib/domain/admin/school-schemas";
import type { SchoolFormValues } from "@/lib/domain/admin/school-fields";
import { createSchool, updateSchool } from "@/lib/domain/admin/school-commands";
import { setStaffTwoFactorRequired } from "@/lib/domain/admin/board-commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED } from "@/lib/forms/unavailable";

export type SchoolFormState = AdminFormState<SchoolFormValues>;

/** Public pages show a school's name, address and contact details: expire their cached copies. */
function expirePublicPages(schoolId: string) {
  updateTag(PUBLIC_SCHOOLS_TAG);
  updateTag(publicSchoolTag(schoolId));
}

export async function createSchoolAction(previous: SchoolFormState, form: FormData): Promise<SchoolFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const values = schoolFormValues(formData);
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = SchoolInput.safeParse(values);
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "schoolErrors"), ...echo };
  let id: string;
  try {
    id = await createSchool(actor, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  expirePublicPages(id);
  revalidatePath("/admin");
  redirect(`/admin/schools/${encodeURIComponent(id)}?created=1`);
}

export async function updateSchoolAction(previous: SchoolFormState, form: FormData): Promise<SchoolFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const schoolId = formData.get("schoolId");
  const values = schoolFormValues(formData);
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  if (typeof schoolId !== "string" || !schoolId || schoolId.length > 64) return { errors: { _form: "errors.invalidInput" }, ...echo };
  const parsed = SchoolInput.safeParse(values);
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "schoolErrors"), ...echo };
  try {
    await updateSchool(actor, schoolId, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  expirePublicPages(schoolId);
  revalidatePath("/admin", "layout");
  // Show what was saved, normalised (postal code, phone number, website).
  return { saved: true, attempt: echo.attempt, values: { ...values, ...stringified(parsed.data) } };
}

function stringified(input: SchoolInput): Partial<SchoolFormValues> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v : v === null ? "" : String(v)]));
}

export type BoardFormState = { saved?: boolean; errors?: Record<string, string> };

export async function boardTwoFactorAction(_: BoardFormState, form: FormData): Promise<BoardFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const value = formData.get("requireStaffTwoFactor");
  if (value !== null && value !== "on") return { errors: { _form: "errors.invalidInput" } };
  try {
    await setStaffTwoFactorRequired(actor, value === "on");
  } catch (error) {
    return { errors: commandErrors(error) };
  }
  revalidatePath("/admin");
  return { saved: true };
}
