import { AppError } from "@/lib/errors";
import { notSavedError } from "@/lib/forms/unavailable";

/** What an administration form's action answers. Errors are catalogue keys per field ("_form" for the whole form). */
export type AdminFormState<Values = Record<string, string | string[]>> = {
  errors?: Record<string, string>;
  /** What was submitted, so a rejected form shows it again (React resets a form after its action). */
  values?: Values;
  /** Changes with every submit, so the error summary takes focus again. */
  attempt?: number;
  saved?: boolean;
};

/** An expected, field-level refusal from a command (a taken BRIN, an overlapping holiday). */
export class AdminValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

/** zod issues → one catalogue key per field; anything not in `namespace` becomes its `invalid` key. */
export function issuesToErrors(issues: { path: PropertyKey[]; message: string }[], namespace: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith(`${namespace}.`) ? issue.message : `${namespace}.invalid`;
  }
  return errors;
}

/** A command's expected failure as form errors; anything else is rethrown (a real fault). */
export function commandErrors(error: unknown): Record<string, string> {
  if (error instanceof AdminValidationError) return error.fieldErrors;
  if (error instanceof AppError) return { _form: `errors.${error.code}` };
  // The database is away: "not saved" (answered 503); the caller echoes what was typed.
  const notSaved = notSavedError(error);
  if (notSaved) return { _form: notSaved };
  throw error;
}
