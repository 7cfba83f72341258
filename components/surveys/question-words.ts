// A question's words in the reader's language: a template question from the
// catalogue, a leader's own question in its translation or else in Dutch
// (then marked lang="nl").

export type QuestionLike = { kind: string; templateKey: string | null; text: string | null; translations: unknown; options: string[] };
type T = (key: string) => string;

export function questionText(q: QuestionLike, locale: string, t: T): { text: string; lang?: string } {
  if (q.templateKey) return { text: t(`template.${q.templateKey}`) };
  const translated = q.translations && typeof q.translations === "object" ? (q.translations as Record<string, unknown>)[locale] : undefined;
  if (typeof translated === "string" && translated) return { text: translated };
  return { text: q.text ?? "", lang: locale === "nl" ? undefined : "nl" };
}

/** The label of answer value `value` (a scale point, or the index of an option). */
export function answerLabel(q: QuestionLike, value: number, t: T): { text: string; lang?: string } {
  if (q.kind === "SCALE_4" || q.kind === "SCALE_10") return { text: String(value) };
  const option = q.options[value];
  if (option === undefined) return { text: String(value) };
  if (q.templateKey) return { text: t(`template.${q.templateKey}Options.${option}`) };
  return { text: option, lang: "nl" };
}

/** The values a question can have, in order. */
export function answerValues(q: QuestionLike): number[] {
  if (q.kind === "SCALE_4") return [1, 2, 3, 4];
  if (q.kind === "SCALE_10") return Array.from({ length: 10 }, (_, i) => i + 1);
  return q.options.map((_, i) => i);
}
