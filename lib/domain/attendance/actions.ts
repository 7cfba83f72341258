"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { AbsenceInput, absenceFormValues } from "@/lib/domain/attendance/schemas";
import { AbsenceValidationError, registerAbsence, type AbsenceRegistration } from "@/lib/domain/attendance/commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type AbsenceFormValues = { date: string; fromLesson: string; toLesson: string; kind: string; minutes: string; reason: string; pupilReason: string };

export type AbsenceFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a form with errors shows it again (React resets forms after an action). */
  values?: AbsenceFormValues;
  attempt?: number;
  /** After a successful registration: the day, records written and messages queued for guardians. */
  saved?: { date: string; written: number; alertsQueued: number };
};

function echo(formData: FormData, previous: AbsenceFormState): Pick<AbsenceFormState, "values" | "attempt"> {
  const v = absenceFormValues(formData);
  return {
    attempt: nextAttempt(previous),
    values: {
      date: v.date ?? "", fromLesson: v.fromLesson ?? "", toLesson: v.toLesson ?? "", kind: v.kind ?? "", minutes: v.minutes ?? "", reason: v.reason ?? "",
      pupilReason: v.pupilReason ?? "",
    },
  };
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("absenceErrors.") || issue.message.startsWith("pupilReasons.") ? issue.message : "absenceErrors.invalid";
  }
  return errors;
}

export async function registerAbsenceAction(previous: AbsenceFormState, form: FormData): Promise<AbsenceFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const parsed = AbsenceInput.safeParse(absenceFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  let result: AbsenceRegistration;
  try {
    result = await registerAbsence(actor, parsed.data);
  } catch (error) {
    if (error instanceof AbsenceValidationError) return { errors: error.fieldErrors, ...echo(formData, previous) };
    if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, ...echo(formData, previous) };
    const notSaved = notSavedError(error);
    if (notSaved) return { errors: { _form: notSaved }, ...echo(formData, previous) };
    // notFound() (out of scope) and unexpected failures go to Next's error handling.
    throw error;
  }
  // The two pages that show the form and the day list for this pupil.
  const pupilId = encodeURIComponent(parsed.data.pupilId);
  revalidatePath(`/mentor/pupils/${pupilId}`);
  revalidatePath(`/attendance/pupils/${pupilId}`);
  return {
    attempt: nextAttempt(previous),
    saved: { date: parsed.data.date.toISOString().slice(0, 10), written: result.written, alertsQueued: result.alertsQueued },
  };
}
