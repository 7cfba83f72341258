"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ConsentChange } from "@/lib/domain/consent/schemas";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { submittedForm } from "@/lib/forms/form-data";

export type ConsentState = { error?: string } | undefined;

export async function changeGuardianConsent(_: ConsentState, form: FormData): Promise<ConsentState> {
  const formData = submittedForm(form);
  if (!formData) return { error: "errors.invalidInput" };
  const actor = await getActor();
  if (!actor) return { error: "errors.forbidden" };
  const parsed = ConsentChange.safeParse({ linkId: formData.get("linkId"), allow: formData.get("allow") });
  if (!parsed.success) return { error: "errors.invalidInput" };
  try {
    await setGuardianConsent(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { error: `errors.${error.code}` };
    throw error;
  }
  revalidatePath("/pupil");
  return undefined;
}
