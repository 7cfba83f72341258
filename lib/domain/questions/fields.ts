// The question form's choices and limits, apart from zod so the client form can import them.

/** A question, or what a call back is about: about a page of text; more is refused, not cut. */
export const QUESTION_MAX = 2000;
export const ANSWER_MAX = 4000;
export const NOTE_MAX = 2000;
export const CALL_TIMES_NOTE_MAX = 200;

export const QUESTION_KINDS = ["QUESTION", "CALL_BACK"] as const;
export const CALL_TIMES = ["MORNING", "AFTERNOON", "EVENING"] as const;

/**
 * "In another language, please": the languages a school is most often asked
 * for (ISO 639-1). Names are shown with Intl.DisplayNames in the reader's language.
 */
export const WANTED_LANGUAGES = ["en", "ar", "tr", "pl", "uk", "ti", "so", "fa", "es", "fr", "de", "zh"] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type CallTime = (typeof CALL_TIMES)[number];
