"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { Role } from "@/lib/generated/prisma/enums";
import { commandErrors, issuesToErrors, type AdminFormState } from "@/lib/domain/admin/form-state";
import { NewStaffInput, StaffRolesInput, staffFormValues } from "@/lib/domain/admin/staff-schemas";
import type { StaffFormValues } from "@/lib/domain/admin/staff-fields";
import { createStaffAccount, setAccountBlocked, updateStaffRoles } from "@/lib/domain/admin/staff-commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED } from "@/lib/forms/unavailable";

export type StaffFormState = AdminFormState<StaffFormValues> & {
  /** An account with this address exists, of someone with the same name: ask to confirm it is them. */
  confirm?: { name: string; roles: Role[] };
};

const FORBIDDEN: StaffFormState = { errors: { _form: "errors.forbidden" } };
const idOf = (formData: FormData, name: string) => {
  const id = formData.get(name);
  return typeof id === "string" && id && id.length <= 64 ? id : null;
};
const staffPath = (schoolId: string) => `/admin/schools/${encodeURIComponent(schoolId)}/staff`;

export async function createStaffAction(previous: StaffFormState, form: FormData): Promise<StaffFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const schoolId = idOf(formData, "schoolId");
  const { confirmExisting, ...values } = staffFormValues(formData);
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor }, ...echo };
  if (!actor || !schoolId) return FORBIDDEN;
  const parsed = NewStaffInput.safeParse({ ...values, confirmExisting });
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "staffErrors"), ...echo };
  let staffId: string;
  try {
    const result = await createStaffAccount(actor, schoolId, parsed.data);
    if (result.status === "confirm") return { confirm: { name: result.name, roles: result.roles }, ...echo };
    staffId = result.staffId;
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  revalidatePath(staffPath(schoolId));
  redirect(`${staffPath(schoolId)}?created=${encodeURIComponent(staffId)}`);
}

export async function updateStaffAction(previous: StaffFormState, form: FormData): Promise<StaffFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const schoolId = idOf(formData, "schoolId");
  const staffId = idOf(formData, "staffId");
  const { name, email, phone, roles, classIds } = staffFormValues(formData);
  const values = { name, email, phone, roles, classIds };
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor }, ...echo };
  if (!actor || !schoolId || !staffId) return FORBIDDEN;
  const parsed = StaffRolesInput.safeParse(values);
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "staffErrors"), ...echo };
  try {
    await updateStaffRoles(actor, schoolId, staffId, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  revalidatePath(staffPath(schoolId), "layout");
  return { saved: true, ...echo };
}

export async function blockAccountAction(_: StaffFormState, form: FormData): Promise<StaffFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { errors: { _form: actor } };
  const schoolId = idOf(formData, "schoolId");
  const staffId = idOf(formData, "staffId");
  const blocked = formData.get("blocked");
  if (!actor || !schoolId || !staffId) return FORBIDDEN;
  if (blocked !== "true" && blocked !== "false") return { errors: { _form: "errors.invalidInput" } };
  try {
    await setAccountBlocked(actor, schoolId, staffId, blocked === "true");
  } catch (error) {
    return { errors: commandErrors(error) };
  }
  revalidatePath(staffPath(schoolId), "layout");
  return { saved: true };
}
