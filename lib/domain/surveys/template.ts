import type { SurveyQuestionKind } from "@/lib/generated/prisma/enums";

// The starting questionnaire (issue 19), after the parent questionnaires in the
// source documents (the Hague thesis: what parents expect of the school, whether
// they feel involved, what would involve them more; the reach research: how
// they want to be contacted, whether they know whom to call). Its texts live in
// the catalogue under surveys.template.<key> (every language); options under
// surveys.template.<key>Options.<option>.

export type TemplateQuestion = { key: string; kind: SurveyQuestionKind; options: readonly string[]; satisfaction?: boolean };

export const TEMPLATE_QUESTIONS: readonly TemplateQuestion[] = [
  { key: "satisfaction", kind: "SCALE_4", options: [], satisfaction: true },
  { key: "involved", kind: "SCALE_4", options: [] },
  { key: "needs", kind: "MULTIPLE", options: ["progress", "wellbeing", "nextSteps", "homeSupport", "rules", "activities"] },
  { key: "channel", kind: "SINGLE", options: ["email", "sms", "phone", "portal", "meeting"] },
  { key: "knowWhom", kind: "SINGLE", options: ["yes", "notSure", "no"] },
  { key: "expectations", kind: "SCALE_10", options: [] },
  { key: "improve", kind: "OPEN", options: [] },
];

export const TEMPLATE_BY_KEY: ReadonlyMap<string, TemplateQuestion> = new Map(TEMPLATE_QUESTIONS.map((q) => [q.key, q]));

/** How many answers a question can have: 4 or 10 scale points, or its options. */
export function valueRange(kind: SurveyQuestionKind, optionCount: number): number {
  if (kind === "SCALE_4") return 4;
  if (kind === "SCALE_10") return 10;
  return optionCount;
}

/** Results are shown only for groups of at least this many respondents (decision 0037). */
export const MIN_GROUP = 5;

/** Vensters: a 4-point mean on the 10-point scale. */
export const tenPoint = (mean4: number) => 3 * mean4 - 2;
