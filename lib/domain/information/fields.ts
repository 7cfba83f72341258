import type { InformationCategory } from "@/lib/generated/prisma/enums";

// The request and decision forms' choices and limits (art. 1:377c BW). Kept
// free of zod: the client forms import them.

export const CATEGORIES = ["RESULTS", "ABSENCES"] as const satisfies readonly InformationCategory[];
export const MESSAGE_MAX = 500;
export const REASON_MAX = 1000;
/** A grant runs at most this long (and ends on the pupil's 18th birthday in any case). */
export const UNTIL_MAX_DAYS = 731;
