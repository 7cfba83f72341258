import { WANTED_LANGUAGES } from "@/lib/domain/questions/fields";
import { intlTag } from "@/lib/i18n/config";


/** A language's name in the reader's language (Intl.DisplayNames: no catalogue entry per language). */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([intlTag(locale)], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The choices of "in another language, please", named and sorted in the reader's language. */
export function languageChoices(locale: string): [string, string][] {
  const collator = new Intl.Collator(intlTag(locale));
  return WANTED_LANGUAGES.map((code): [string, string] => [code, languageName(locale, code)]).sort((a, b) => collator.compare(a[1], b[1]));
}
