"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { ThresholdCaseInput, thresholdCaseFormValues } from "@/lib/domain/attendance/threshold-schemas";
import { ThresholdValidationError, updateThresholdCase } from "@/lib/domain/attendance/threshold-commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type ThresholdCaseFormValues = { status: string; reportedOn: string; note: string };

export type ThresholdCaseFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  saved?: boolean;
  /** What was submitted: React resets a form after an action, so it is shown again from here. */
  values?: ThresholdCaseFormValues;
  attempt?: number;
};

function echo(formData: FormData, previous: ThresholdCaseFormState): Pick<ThresholdCaseFormState, "values" | "attempt"> {
  const v = thresholdCaseFormValues(formData);
  return { attempt: nextAttempt(previous), values: { status: v.status ?? "", reportedOn: v.reportedOn ?? "", note: v.note ?? "" } };
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("thresholdErrors.") ? issue.message : "thresholdErrors.invalid";
  }
  return errors;
}

export async function updateThresholdCaseAction(previous: ThresholdCaseFormState, form: FormData): Promise<ThresholdCaseFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const parsed = ThresholdCaseInput.safeParse(thresholdCaseFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  try {
    await updateThresholdCase(actor, parsed.data);
  } catch (error) {
    if (error instanceof ThresholdValidationError) return { errors: error.fieldErrors, ...echo(formData, previous) };
    if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, ...echo(formData, previous) };
    const notSaved = notSavedError(error);
    if (notSaved) return { errors: { _form: notSaved }, ...echo(formData, previous) };
    // notFound() from a refused pupil, and anything unexpected, go to Next's handlers.
    throw error;
  }
  revalidatePath("/attendance");
  // What was stored (trimmed note, date only for "reported"), not what was typed.
  const { status, reportedOn, note } = parsed.data;
  return { saved: true, attempt: nextAttempt(previous), values: { status, reportedOn: reportedOn?.toISOString().slice(0, 10) ?? "", note: note ?? "" } };
}
