"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ConsentChange } from "@/lib/domain/consent/schemas";
import { setGuardianConsent } from "@/lib/domain/consent/commands";

export type ConsentState = { error?: string; attempt?: number } | undefined;

/** The confirmed change (the confirmation step on /pupil posts here); back to /pupil with a status line. */
export async function changeGuardianConsent(previous: ConsentState, formData: FormData): Promise<ConsentState> {
  const attempt = (previous?.attempt ?? 0) + 1;
  const actor = await getActor();
  if (!actor) return { error: "errors.forbidden", attempt };
  const parsed = ConsentChange.safeParse({ linkId: formData.get("linkId"), change: formData.get("change") });
  if (!parsed.success) return { error: "errors.invalidInput", attempt };
  try {
    await setGuardianConsent(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { error: `errors.${error.code}`, attempt };
    throw error;
  }
  revalidatePath("/pupil");
  redirect(`/pupil?done=${parsed.data.change}&guardian=${encodeURIComponent(parsed.data.linkId)}`);
}
