"use server";

import { revalidatePath } from "next/cache";
import { commandErrors, issuesToErrors, type AdminFormState } from "@/lib/domain/admin/form-state";
import { RetentionInput } from "@/lib/domain/retention/schemas";
import { updateRetention } from "@/lib/domain/retention/commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED } from "@/lib/forms/unavailable";

export type RetentionFormState = AdminFormState<Record<string, string>>;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function updateRetentionAction(previous: RetentionFormState, form: FormData): Promise<RetentionFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const values = Object.fromEntries(["results", "contacts", "absences", "audit"].map((name) => [name, text(formData, name).trim()]));
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = RetentionInput.safeParse({ schoolId: text(formData, "schoolId"), ...values });
  if (!parsed.success) return { errors: issuesToErrors(parsed.error.issues, "retentionErrors"), ...echo };
  try {
    await updateRetention(actor, parsed.data);
  } catch (error) {
    return { errors: commandErrors(error), ...echo };
  }
  revalidatePath(`/admin/schools/${parsed.data.schoolId}/retention`);
  return { saved: true, attempt: echo.attempt, values };
}
