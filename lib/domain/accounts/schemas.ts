import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";

export const LanguageChoice = z.object({ locale: z.enum(LOCALES, { error: "errors.invalidLanguage" }) });
export type LanguageChoice = z.infer<typeof LanguageChoice>;

/** A path inside this site to go back to after sign-in; anything else is dropped. */
export const LocalPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/);
