import type { SickReportReason } from "@/lib/generated/prisma/enums";

// The sick report form's choices and limits. Kept free of zod and date
// libraries: the form (a client component) imports them, and anything imported
// here ends up in the parent's browser bundle.

export const SICK_REPORT_MODES = ["TODAY", "UNTIL_BETTER", "RANGE"] as const;
export type SickReportMode = (typeof SICK_REPORT_MODES)[number];
export const SICK_REPORT_REASONS = ["SICK", "DOCTOR", "FAMILY", "OTHER"] as const satisfies readonly SickReportReason[];

export const NOTE_MAX = 300;
