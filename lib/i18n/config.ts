export const LOCALES = ["nl", "en", "ar", "tr", "pl", "uk"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "nl";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** The language tag each locale formats dates, numbers and lists with outside next-intl (British English, Dutch of the Netherlands, …). */
export const INTL_TAGS: Record<AppLocale, string> = { nl: "nl-NL", en: "en-GB", ar: "ar", tr: "tr-TR", pl: "pl-PL", uk: "uk-UA" };

/** INTL_TAGS for any string: an unknown locale formats as Dutch. */
export function intlTag(locale: string): string {
  return isLocale(locale) ? INTL_TAGS[locale] : INTL_TAGS[DEFAULT_LOCALE];
}

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: AppLocale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/**
 * `lang` and `dir` for a text written in another language than the page's (a
 * message queued in Arabic, read after the parent switched to Dutch), so
 * screen readers pronounce it and it runs in its own direction; nothing when
 * it is the page's language or unknown.
 */
export function ownLanguage(textLocale: string | null | undefined, pageLocale: string): { lang?: AppLocale; dir?: "rtl" | "ltr" } {
  if (!isLocale(textLocale) || textLocale === pageLocale) return {};
  return { lang: textLocale, dir: directionOf(textLocale) };
}

/** The best supported locale for an Accept-Language header, or null. */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.base && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLocale) ?? null;
}

/** A visitor's language without a profile: the chosen one (cookie), else the browser's, else Dutch. */
export function visitorLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): AppLocale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
