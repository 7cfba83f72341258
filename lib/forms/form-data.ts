/** A text field of a submitted form; undefined when absent or a file. */
export function formText(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

// A server action receives whatever the request carried: Next decodes the
// arguments from it, and a crafted request can send anything — null for the
// previous state, a string instead of the form, a NUL byte in a field (which
// PostgreSQL refuses, so the write would fail with a 500). These two turn that
// into what the action expects, or a refusal it can answer, before anything runs.

/** The submitted form, or null when the argument is not a form or a text field holds a NUL byte (no keyboard types one). */
export function submittedForm(input: unknown): FormData | null {
  if (!(input instanceof FormData)) return null;
  for (const [, value] of input) if (typeof value === "string" && value.includes("\u0000")) return null;
  return input;
}

/** The previous state's attempt counter plus one, whatever the client sent back as that state (null, a string…). */
export function nextAttempt(previous: unknown): number {
  const attempt = typeof previous === "object" && previous !== null ? (previous as { attempt?: unknown }).attempt : undefined;
  return typeof attempt === "number" && Number.isSafeInteger(attempt) && attempt >= 0 ? attempt + 1 : 1;
}
