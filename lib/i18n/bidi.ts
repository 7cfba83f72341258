// Mixed-direction text in plain-text messages (e-mail and SMS bodies).
//
// In a right-to-left message a left-to-right value made of several runs — a
// phone number with spaces ("055-958 26 73"), a web address, a lesson range
// ("3–5"), class codes ("2B, H4a"), times ("8:00-8:20") — is reordered by the
// Unicode bidirectional algorithm: "055-958 26 73" shows as "73 26 958-055".
// Wrapping the value in a left-to-right isolate (U+2066 LRI … U+2069 PDI)
// keeps it in its own order and keeps it from pulling the words around it.
// Left-to-right messages get no invisible characters: they would only make a
// text message longer. (In HTML use components/ui/ltr.tsx instead.)

export const LRI = "\u2066";
export const PDI = "\u2069";

const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur"]);

/** Whether a language (a locale such as "ar" or "ar-MA") is written right to left. */
export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(locale.toLowerCase().split(/[-_]/)[0]);
}

/** The value as a left-to-right isolate in a right-to-left language; as it is otherwise (and when empty). */
export function isolateLtr(locale: string, value: string): string {
  if (!value || !isRightToLeft(locale)) return value;
  return `${LRI}${value}${PDI}`;
}

/** Every value of a message's arguments isolated (see isolateLtr); numbers stay numbers. */
export function isolateEach<T extends Record<string, string>>(locale: string, values: T): T {
  if (!isRightToLeft(locale)) return values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, isolateLtr(locale, value)])) as T;
}
