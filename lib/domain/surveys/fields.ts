// Limits of the survey forms, apart from zod so client forms can import them.
export const TITLE_MAX = 120;
export const QUESTION_MAX = 300;
export const OPTION_MAX = 80;
export const OPTIONS_MAX = 10;
export const OPEN_ANSWER_MAX = 500;
export const QUESTIONS_MAX = 30;
export const TRANSLATION_LOCALES = ["en", "ar", "tr", "pl", "uk"] as const;
