import { TZDate } from "@date-fns/tz";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";
import type { EventAudience } from "@/lib/domain/events/fields";

// Pure rules of the events area: who an event is for, and the school's local
// time as an instant. The SQL (events-sql.ts) and Prisma (queries.ts) forms of
// `reachesPupil` are compared by tests/integration/hot-path-sql.test.ts.

export type EventAudienceFacts = {
  schoolId: string;
  schoolYearId: string;
  audience: EventAudience;
  audienceYears: number[];
  classIds: string[];
  endsAt: Date;
};

export type PupilPlace = { schoolId: string; schoolYearId: string; classGroupId: string; year: number };

/** Whether the event is for this pupil: their school and school year, and the whole school, their leerjaar or their class. */
export function reachesPupil(event: EventAudienceFacts, pupil: PupilPlace): boolean {
  if (event.schoolId !== pupil.schoolId || event.schoolYearId !== pupil.schoolYearId) return false;
  switch (event.audience) {
    case "SCHOOL":
      return true;
    case "YEARS":
      return event.audienceYears.includes(pupil.year);
    case "CLASSES":
      return event.classIds.includes(pupil.classGroupId);
  }
}

/** Upcoming: not ended yet at `now` (an evening that has begun is still shown). */
export function isUpcoming(event: Pick<EventAudienceFacts, "endsAt">, now: Date): boolean {
  return event.endsAt > now;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A wall-clock time in the Netherlands ("2026-10-24T19:30", what a
 * datetime-local field sends) as an instant; null when it is no real time.
 * In the hour the clocks go back (02:00–03:00 twice) winter time is taken;
 * a time that does not exist (02:30 on the last Sunday of March) is refused.
 */
export function amsterdamInstant(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [year, month, date, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const local = new TZDate(year, month - 1, date, hour, minute, SCHOOL_TIME_ZONE);
  // Round trip: an impossible day (31 April) or a skipped hour comes back different.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== date || local.getHours() !== hour || local.getMinutes() !== minute) {
    return null;
  }
  return new Date(local.getTime());
}

/** An instant as the value of a datetime-local field in the Netherlands ("2026-10-24T19:30"). */
export function amsterdamInputValue(instant: Date): string {
  const local = new TZDate(instant.getTime(), SCHOOL_TIME_ZONE);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}T${two(local.getHours())}:${two(local.getMinutes())}`;
}
