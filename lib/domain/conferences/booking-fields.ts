// Fields of the booking forms, free of zod and Prisma so client components can use them.

/**
 * The languages a parent can ask an interpreter for (ISO 639-1): the
 * languages Dutch schools most often arrange interpreters for. The names are
 * in the catalogue (conferences.language.<code>). Anything else is refused.
 */
export const INTERPRETER_LANGUAGES = [
  "ar", "tr", "pl", "uk", "ru", "en", "fr", "de", "es", "pt", "ro", "bg",
  "so", "ti", "am", "fa", "ps", "ku", "zh", "vi", "ur", "hi", "ber",
] as const;
export type InterpreterLanguage = (typeof INTERPRETER_LANGUAGES)[number];

export function isInterpreterLanguage(code: string): code is InterpreterLanguage {
  return (INTERPRETER_LANGUAGES as readonly string[]).includes(code);
}

/** How many free slots a parent who lost a race is offered instead. */
export const NEAREST_OFFERS = 3;
