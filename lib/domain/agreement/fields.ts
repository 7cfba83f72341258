// Limits and choices of the agreement forms, apart from zod so client forms can import them.

/** A school text: a few pages; more is refused, not cut. */
export const TEXT_MAX = 20_000;
/** What a guardian adds to "I have a question about this". */
export const QUESTION_NOTE_MAX = 1_500;
export const TEXT_KINDS = ["AGREEMENT", "POLICY"] as const;
/** Dutch is required; the other catalogue languages are optional. */
export const TEXT_LOCALES = ["nl", "en", "ar", "tr", "pl", "uk"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];
export type TextLocale = (typeof TEXT_LOCALES)[number];
