import type { Direction, IndicatorUnit } from "@/lib/generated/prisma/enums";

// The indicator catalogue ("Vensters"). Names, definitions and explanations
// live in the message catalogues under indicators.<CODE>.{name,definition,meaning}.

export type IndicatorDefinition = {
  code: string;
  group: IndicatorGroup;
  unit: IndicatorUnit;
  direction: Direction;
  perSchoolType: boolean;
};

export const INDICATOR_GROUPS = [
  "EXAMS", "PROGRESSION", "DESTINATION", "PUPILS", "SATISFACTION_PUPILS", "SATISFACTION_PARENTS",
  "SAFETY", "TEACHING_TIME", "TEACHERS", "COSTS", "INSPECTION",
] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

const d = (code: string, group: IndicatorGroup, unit: IndicatorUnit, direction: Direction, perSchoolType = false): IndicatorDefinition => ({
  code, group, unit, direction, perSchoolType,
});

/** In display order (sortOrder = index + 1). */
export const INDICATORS: readonly IndicatorDefinition[] = [
  d("EXAM_PASS_RATE", "EXAMS", "PERCENT", "HIGHER", true),
  d("AVG_EXAM_GRADE", "EXAMS", "GRADE", "HIGHER", true),
  d("PROGRESSION_LOWER", "PROGRESSION", "PERCENT", "HIGHER"),
  d("PROGRESSION_UPPER", "PROGRESSION", "PERCENT", "HIGHER", true),
  d("DESTINATION_MBO", "DESTINATION", "PERCENT", "NONE"),
  d("DESTINATION_HBO", "DESTINATION", "PERCENT", "NONE"),
  d("DESTINATION_WO", "DESTINATION", "PERCENT", "NONE"),
  d("DESTINATION_OTHER", "DESTINATION", "PERCENT", "NONE"),
  d("PUPIL_COUNT", "PUPILS", "COUNT", "NONE"),
  d("PUPIL_SATISFACTION", "SATISFACTION_PUPILS", "SCORE", "HIGHER"),
  d("PUPIL_SATISFACTION_RESPONDENTS", "SATISFACTION_PUPILS", "COUNT", "NONE"),
  d("PUPIL_SATISFACTION_RESPONSE_RATE", "SATISFACTION_PUPILS", "PERCENT", "NONE"),
  d("PARENT_SATISFACTION", "SATISFACTION_PARENTS", "SCORE", "HIGHER"),
  d("PARENT_SATISFACTION_RESPONDENTS", "SATISFACTION_PARENTS", "COUNT", "NONE"),
  d("PARENT_SATISFACTION_RESPONSE_RATE", "SATISFACTION_PARENTS", "PERCENT", "NONE"),
  d("SOCIAL_SAFETY", "SAFETY", "PERCENT", "HIGHER"),
  d("ANTI_BULLYING_COORDINATOR", "SAFETY", "BOOLEAN", "HIGHER"),
  d("CONFIDENTIAL_ADVISER", "SAFETY", "BOOLEAN", "HIGHER"),
  d("TEACHING_TIME_PLANNED", "TEACHING_TIME", "HOURS", "NONE"),
  d("TEACHING_TIME_DELIVERED", "TEACHING_TIME", "HOURS", "HIGHER"),
  d("QUALIFIED_LESSONS", "TEACHERS", "PERCENT", "HIGHER"),
  d("COSTS_YEAR_ONE", "COSTS", "EUROS", "LOWER"),
  d("PARENT_CONTRIBUTION", "COSTS", "EUROS", "NONE"),
  d("INSPECTION_JUDGEMENT", "INSPECTION", "JUDGEMENT", "HIGHER"),
];

export const INDICATOR_BY_CODE: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATORS.map((i) => [i.code, i]));

/** The Inspectorate's judgements, stored as 1–5 (higher is better). */
export const JUDGEMENTS = ["ZEER_ZWAK", "ZWAK", "BASIS", "VOLDOENDE", "GOED"] as const;
export type Judgement = (typeof JUDGEMENTS)[number];
export const judgementOf = (value: number): Judgement | null => JUDGEMENTS[value - 1] ?? null;

/** School types a value can be reported for; "ALL" when not per type. */
export const SCHOOL_TYPES = ["ALL", "VMBO_B", "VMBO_K", "VMBO_GT", "HAVO", "VWO", "MBO_1", "MBO_2", "MBO_3", "MBO_4"] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
