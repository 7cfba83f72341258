"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { ConsentChange } from "@/lib/domain/consent/schemas";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type ConsentState = { error?: string; attempt?: number } | undefined;

/** The confirmed change (the confirmation step on /pupil posts here); back to /pupil with a status line. */
export async function changeGuardianConsent(previous: ConsentState, form: FormData): Promise<ConsentState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { error: "errors.invalidInput", attempt };
  const actor = await actorOrNotSaved();
  if (actor === NOT_SAVED) return { error: actor, attempt };
  if (!actor) return { error: "errors.forbidden", attempt };
  const parsed = ConsentChange.safeParse({ linkId: formData.get("linkId"), change: formData.get("change") });
  if (!parsed.success) return { error: "errors.invalidInput", attempt };
  try {
    await setGuardianConsent(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { error: `errors.${error.code}`, attempt };
    const notSaved = notSavedError(error);
    if (notSaved) return { error: notSaved, attempt };
    throw error;
  }
  revalidatePath("/pupil");
  redirect(`/pupil?done=${parsed.data.change}&guardian=${encodeURIComponent(parsed.data.linkId)}`);
}
