import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// The password rule (docs/decisions/0010), after NIST SP 800-63B: long enough,
// no composition rules (any characters, spaces and pasting welcome), not one
// of the commonly used passwords, not mostly the person's own name or e-mail
// address, and not easy to guess by its pattern (zxcvbn's estimate). Checked on
// the server only: the dictionaries (≈ 50,000 passwords) never reach a browser.

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** zxcvbn score 3: more than 10^8 guesses, "safely unguessable" against online guessing and slow hashes. */
const MIN_SCORE = 3;
/** What is left after taking out the person's own words must still be this long. */
const MIN_BEYOND_PERSONAL = 8;

export type PasswordProblem = "required" | "tooShort" | "tooLong" | "common" | "personal" | "guessable";

let estimator: ZxcvbnFactory | null = null;
let common: Set<string> | null = null;

function load() {
  // Levenshtein matching is off: it made a check take up to 0.5 s and changed no verdict in our samples.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: false });
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return { estimator, common };
}

/** Length in characters as a person counts them (code points), not bytes or UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The person's own words: e-mail address, its parts, name parts, and the service's name. */
export function personalWords(person: { email?: string | null; name?: string | null }): string[] {
  const words = new Set<string>(["schoolkompas"]);
  const email = person.email?.trim().toLowerCase();
  if (email) {
    words.add(email);
    const [local, domain] = email.split("@");
    if (local) words.add(local);
    for (const part of `${local ?? ""} ${domain?.split(".")[0] ?? ""}`.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  for (const part of (person.name ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  return [...words].sort((a, b) => b.length - a.length);
}

/** The first problem with a new password, or null when it may be used. */
export function passwordProblem(password: string, person: { email?: string | null; name?: string | null } = {}): PasswordProblem | null {
  const length = passwordLength(password);
  if (length === 0) return "required";
  if (length < PASSWORD_MIN) return "tooShort";
  if (length > PASSWORD_MAX) return "tooLong";
  const { estimator, common } = load();
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.trim())) return "common";
  const words = personalWords(person);
  let rest = lower;
  for (const word of words) rest = rest.split(word).join("");
  if (passwordLength(rest.replace(/[^\p{L}\p{N}]/gu, "")) < MIN_BEYOND_PERSONAL && rest !== lower) return "personal";
  if (estimator.check(password, words).score < MIN_SCORE) return "guessable";
  return null;
}
