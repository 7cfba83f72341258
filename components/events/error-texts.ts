import { fastTranslations } from "@/lib/i18n/fast-messages";
import nl from "@/lib/i18n/messages/events/nl.json";

const APP_ERRORS = ["forbidden", "notFound", "invalidInput", "conflict", "twoFactorRequired"] as const;

/** Every message an events form can show, translated on the server for the client component. */
export async function eventErrorTexts(locale: string): Promise<Record<string, string>> {
  const [t, tErrors] = await Promise.all([fastTranslations(locale, "eventErrors"), fastTranslations(locale, "errors")]);
  const texts: Record<string, string> = {};
  for (const key of Object.keys(nl.eventErrors) as (keyof typeof nl.eventErrors)[]) texts[`eventErrors.${key}`] = t(key);
  for (const key of APP_ERRORS) texts[`errors.${key}`] = tErrors(key);
  return texts;
}
