"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { AlertSettingsInput, alertSettingsValues } from "@/lib/domain/alerts/schemas";
import { markMessagesRead, updateAlertSettings } from "@/lib/domain/alerts/commands";
import { submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type AlertSettingsState = {
  errors?: Record<string, string>;
  saved?: boolean;
  values?: { channel: string; timing: string; phone: string };
};

export async function saveAlertSettingsAction(_previous: AlertSettingsState, form: FormData): Promise<AlertSettingsState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const raw = alertSettingsValues(formData);
  const values = { channel: raw.channel ?? "", timing: raw.timing ?? "", phone: raw.phone ?? "" };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values };
  const parsed = AlertSettingsInput.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message.startsWith("alertErrors.") ? issue.message : "alertErrors.invalid";
    return { errors, values };
  }
  try {
    await updateAlertSettings(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, values };
    const notSaved = notSavedError(error);
    if (notSaved) return { errors: { _form: notSaved }, values };
    throw error;
  }
  revalidatePath("/parent", "layout");
  return { saved: true, values };
}

/** "Mark all as read" on the parent's overview (a plain form: works without JavaScript). */
export async function markMessagesReadAction(): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  await markMessagesRead(actor);
  revalidatePath("/parent");
}
