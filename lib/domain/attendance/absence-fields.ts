import type { AbsenceKind } from "@/lib/generated/prisma/enums";

// The absence form's choices and limits. Kept free of zod: the form (a client
// component) imports them, and anything imported here ends up in the browser bundle.

/** Every kind a school registers, in the order the form shows them. */
export const REGISTRABLE_KINDS = ["SICK", "AUTHORISED", "UNAUTHORISED", "LATE", "REMOVED"] as const satisfies readonly AbsenceKind[];

/** A lesson hour counts as this many minutes of absence. */
export const LESSON_MINUTES = 50;
export const FIRST_LESSON = 1;
export const LAST_LESSON = 10;
/** Late arrival is registered in minutes, for one lesson: at most the whole lesson. */
export const LATE_MINUTES_MAX = LESSON_MINUTES;
export const REASON_MAX = 200;

/** The lesson hours from `fromLesson` to `toLesson`, both included. */
export function lessonRange(fromLesson: number, toLesson: number): number[] {
  return Array.from({ length: Math.max(0, toLesson - fromLesson + 1) }, (_, i) => fromLesson + i);
}
