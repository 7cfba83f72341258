import { z } from "zod";

// The one check for a calendar date someone typed or a file holds. JavaScript's
// Date rolls impossible days over (2026-02-30 becomes 2 March), so a date is
// only accepted when it comes back exactly as written. Bounds that depend on
// the form (not in the future, within a year) are the form's own.

/**
 * Dates typed into the portal's forms lie in these years; anything else is a
 * typo (0226-…). Wide on purpose: a form's own bounds (not in the future,
 * within a year) give the clearer message for a date that is merely far off.
 */
export const FORM_YEARS = { first: 1900, last: 2999 } as const;

/** The day year-month-day as UTC midnight (how @db.Date columns come back), or null when there is no such day. */
export function calendarDay(year: number, month: number, day: number): Date | null {
  if (![year, month, day].every(Number.isSafeInteger)) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC reads the years 0–99 as 1900–1999: set the year separately.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A date field's value ("YYYY-MM-DD") as the day, or null when it is not one, not a real day, or outside FORM_YEARS. */
export function parseFormDay(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split("-").map(Number);
  if (year < FORM_YEARS.first || year > FORM_YEARS.last) return null;
  return calendarDay(year, month, day);
}

/** A required date field: the day, or the issue `message` (a catalogue key) for anything parseFormDay refuses. */
export function formDay(message: string) {
  return z.unknown().transform((value, ctx): Date => {
    const day = parseFormDay(value);
    if (!day) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return day;
  });
}

/** The same day a number of days later (calendar days, UTC). */
export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}
