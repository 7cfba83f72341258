import { answerUnavailable, isDatabaseUnavailable } from "@/lib/http/database-away";

/** The catalogue key a form shows when it could not be saved because the database is away. */
export const NOT_SAVED = "errors.notSaved";

/**
 * For a server action's catch: when `error` means the database is away, the
 * form-level error key ("not saved — try again in a minute"), and the server
 * sends the action's answer as 503 with Retry-After (scripts/unavailable-status.cjs).
 * The action returns it with the submitted values, so the form keeps what was typed.
 * Any other error: null (the action handles or rethrows it).
 */
export function notSavedError(error: unknown): typeof NOT_SAVED | null {
  if (!isDatabaseUnavailable(error)) return null;
  answerUnavailable();
  return NOT_SAVED;
}
