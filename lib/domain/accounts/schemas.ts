import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";

export const LanguageChoice = z.object({ locale: z.enum(LOCALES, { error: "errors.invalidLanguage" }) });
export type LanguageChoice = z.infer<typeof LanguageChoice>;

/** A path inside this site to go back to after sign-in; anything else is dropped. */
export const LocalPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/);

/** The role switch: one of the user's memberships (checked against the actor's own). */
export const RoleChoice = z.object({ membershipId: z.string().min(1).max(64) });
