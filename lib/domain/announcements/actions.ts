"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { AppError } from "@/lib/errors";
import { AnnouncementInput, announcementFormValues } from "@/lib/domain/announcements/schemas";
import { AnnouncementValidationError, announcementsRoute, sendAnnouncement } from "@/lib/domain/announcements/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type AnnouncementFormState = {
  errors?: Record<string, string>;
  values?: { subject: string; body: string; wholeSchool: boolean; classIds: string[] };
  attempt?: number;
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("announcementErrors.") ? issue.message : "announcementErrors.invalid";
  }
  return errors;
}

export async function sendAnnouncementAction(previous: AnnouncementFormState, form: FormData): Promise<AnnouncementFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = announcementFormValues(formData);
  const values = { subject: raw.subject ?? "", body: raw.body ?? "", wholeSchool: raw.wholeSchool, classIds: raw.classIds };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = AnnouncementInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  let id: string;
  try {
    id = (await sendAnnouncement(actor, parsed.data)).id;
  } catch (error) {
    if (error instanceof AnnouncementValidationError) return { errors: error.fieldErrors, values, attempt };
    if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, values, attempt };
    const notSaved = notSavedError(error);
    if (notSaved) return { errors: { _form: notSaved }, values, attempt };
    throw error;
  }
  const route = announcementsRoute(actor);
  revalidatePath(route);
  redirect(`${route}?sent=${encodeURIComponent(id)}`);
}
