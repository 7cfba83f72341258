import type { ThresholdCaseStatus } from "@/lib/generated/prisma/enums";

// The threshold case form's choices and limits. Kept free of zod and date
// libraries: the form (a client component) imports them.

export const THRESHOLD_STATUSES = ["TO_REPORT", "REPORTED", "NOT_REQUIRED"] as const satisfies readonly ThresholdCaseStatus[];
export const CASE_NOTE_MAX = 300;
