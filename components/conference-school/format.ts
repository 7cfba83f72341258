// Date and time options for the conference pages (Latin digits in every language, decision 0003;
// the time zone is the app's, Europe/Amsterdam).
export const EVENING = { weekday: "long", day: "numeric", month: "long", numberingSystem: "latn" } as const;
export const DATE_TIME = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" } as const;
export const TIME = { hour: "2-digit", minute: "2-digit", numberingSystem: "latn" } as const;

/** An evening's key ("2026-12-10", a Dutch calendar day) as a Date that formats as that day in the school's zone. */
export const eveningDate = (day: string) => new Date(`${day}T12:00:00Z`);

/** The language of an interpreter request (ISO 639-1) in the reader's language. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
