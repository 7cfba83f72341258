"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { ContactHoursInput, ContactMomentInput, contactFormValues } from "@/lib/domain/contacts/schemas";
import { ContactValidationError, correctContactMoment, logContactMoment, updateContactHours } from "@/lib/domain/contacts/commands";
import { formText, nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type ContactFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  saved?: boolean;
  /** What was submitted, so a form with errors shows it again (React resets forms after an action). */
  values?: ContactFormValues;
  /** The contact-hours form's text as submitted, shown again when it was not saved. */
  contactHours?: string;
  attempt?: number;
};

export type ContactFormValues = {
  occurredOn: string; kind: string; initiatedBy: string; tone: string | null; guardianIds: string[];
  summary: string; internalNote: string; followUpOn: string;
};

function echo(formData: FormData, previous: ContactFormState): Pick<ContactFormState, "values" | "attempt"> {
  const v = contactFormValues(formData);
  return {
    attempt: nextAttempt(previous),
    values: {
      occurredOn: v.occurredOn ?? "", kind: v.kind ?? "", initiatedBy: v.initiatedBy ?? "", tone: v.tone ?? null,
      guardianIds: v.guardianIds, summary: v.summary ?? "", internalNote: v.internalNote ?? "", followUpOn: v.followUpOn ?? "",
    },
  };
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("contactErrors.") ? issue.message : "contactErrors.invalid";
  }
  return errors;
}

function appErrorState(error: unknown): ContactFormState {
  if (error instanceof ContactValidationError) return { errors: error.fieldErrors };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` } };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved } };
  throw error;
}

/** Only back to the mentor's own pages. */
function returnPath(formData: FormData, pupilId: string): string {
  const value = formData.get("returnTo");
  return value === "list" ? `/mentor?logged=${encodeURIComponent(pupilId)}` : `/mentor/pupils/${encodeURIComponent(pupilId)}?logged=1`;
}

export async function logContactAction(previous: ContactFormState, form: FormData): Promise<ContactFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const parsed = ContactMomentInput.safeParse(contactFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  try {
    await logContactMoment(actor, parsed.data);
  } catch (error) {
    return { ...appErrorState(error), ...echo(formData, previous) };
  }
  revalidatePath("/mentor", "layout");
  redirect(returnPath(formData, parsed.data.pupilId));
}

export async function correctContactAction(previous: ContactFormState, form: FormData): Promise<ContactFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const id = formData.get("contactMomentId");
  const parsed = ContactMomentInput.safeParse(contactFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  if (typeof id !== "string" || !id || id.length > 64) return { errors: { _form: "errors.invalidInput" }, ...echo(formData, previous) };
  try {
    await correctContactMoment(actor, id, parsed.data);
  } catch (error) {
    return { ...appErrorState(error), ...echo(formData, previous) };
  }
  revalidatePath("/mentor", "layout");
  redirect(`/mentor/pupils/${encodeURIComponent(parsed.data.pupilId)}?corrected=1`);
}

export async function contactHoursAction(previous: ContactFormState, form: FormData): Promise<ContactFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const kept = { contactHours: formText(formData, "contactHours") ?? "", attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...kept };
  const parsed = ContactHoursInput.safeParse({ contactHours: formData.get("contactHours") ?? "" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...kept };
  try {
    await updateContactHours(actor, parsed.data);
  } catch (error) {
    return { ...appErrorState(error), ...kept };
  }
  revalidatePath("/mentor");
  return { saved: true };
}
