"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor, endSessions } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { LanguageChoice } from "@/lib/domain/accounts/schemas";
import { setPreferredLocale } from "@/lib/domain/accounts/commands";

export type ActionState = { error?: string } | undefined;

/** Stores the chosen language on the profile (when signed in) and in a cookie. */
export async function changeLanguage(_: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = LanguageChoice.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return { error: "errors.invalidLanguage" };
  const actor = await getActor();
  if (actor) await setPreferredLocale(actor, parsed.data.locale);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  return undefined;
}

/** Ends the session everywhere: old cookies stop working, also copies of them. */
export async function signOut(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSessions(actor.userId);
  redirect("/login?signedOut=1");
}
