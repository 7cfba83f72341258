import { dayKey, type SchoolWeek } from "@/lib/domain/attendance/school-weeks";

/**
 * Leerplichtwet 1969, art. 21a: a school reports a pupil to the leerplichtambtenaar after
 * 16 hours of unauthorised absence within 4 consecutive school weeks.
 */
export const THRESHOLD_MINUTES = 960;
/** Our own early warning at 10 hours, so the mentor can act before the report is due. */
export const NEAR_THRESHOLD_MINUTES = 600;
export const WINDOW_SCHOOL_WEEKS = 4;

// Local on purpose: the generated Prisma enum may lag behind (REMOVED was added later).
export type AbsenceKindName = "SICK" | "AUTHORISED" | "UNAUTHORISED" | "LATE" | "REMOVED";
export type ThresholdRecord = { date: Date; kind: AbsenceKindName; minutes: number };
export type ThresholdState = "below" | "near" | "over";
export type ThresholdWindow = { minutes: number; firstWeek: Date; lastWeek: Date };
export type PupilAssessment = { state: ThresholdState; window: ThresholdWindow | null };

/**
 * Unauthorised absence and late arrivals (with their minutes) count as truancy. Sickness and
 * authorised leave do not, nor does removal from class (uit de les verwijderd): that is a
 * measure taken by the school, not absence by the pupil.
 */
export function countsTowardThreshold(kind: AbsenceKindName): boolean {
  return kind === "UNAUTHORISED" || kind === "LATE";
}

/**
 * The run of (at most) 4 consecutive school weeks with the most counting minutes; the earliest
 * such run on a tie. Records on a day that is no school day of one of `weeks` (weekend, holiday,
 * outside the range) are ignored. `weeks` must be in order, as `schoolWeeks` returns them.
 * Null when no counting minutes fall in any week. O(records + weeks).
 */
export function worstWindow(records: readonly ThresholdRecord[], weeks: readonly SchoolWeek[]): ThresholdWindow | null {
  const weekIndexByDay = new Map<string, number>();
  weeks.forEach((week, index) => {
    for (const day of week.schoolDayKeys) weekIndexByDay.set(day, index);
  });

  const minutesPerWeek = weeks.map(() => 0);
  for (const record of records) {
    if (!countsTowardThreshold(record.kind)) continue;
    const index = weekIndexByDay.get(dayKey(record.date));
    if (index !== undefined) minutesPerWeek[index] += record.minutes;
  }

  const size = Math.min(WINDOW_SCHOOL_WEEKS, weeks.length);
  let sum = 0;
  for (let i = 0; i < size; i++) sum += minutesPerWeek[i];
  let best = { start: 0, minutes: sum };
  for (let end = size; end < weeks.length; end++) {
    sum += minutesPerWeek[end] - minutesPerWeek[end - size];
    // Strictly greater keeps the earliest window on a tie.
    if (sum > best.minutes) best = { start: end - size + 1, minutes: sum };
  }

  if (best.minutes <= 0) return null;
  return { minutes: best.minutes, firstWeek: weeks[best.start].monday, lastWeek: weeks[best.start + size - 1].monday };
}

export function thresholdState(minutes: number): ThresholdState {
  if (minutes >= THRESHOLD_MINUTES) return "over";
  if (minutes >= NEAR_THRESHOLD_MINUTES) return "near";
  return "below";
}

/** Where a pupil stands against the 16-hour rule, and the window that puts them there. */
export function assessPupil(records: readonly ThresholdRecord[], weeks: readonly SchoolWeek[]): PupilAssessment {
  const window = worstWindow(records, weeks);
  return { state: thresholdState(window?.minutes ?? 0), window };
}
