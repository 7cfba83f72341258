import { TZDate } from "@date-fns/tz";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";

export { SCHOOL_TIME_ZONE };

/** Today's calendar date in the Netherlands, as a UTC midnight Date (how @db.Date columns come back). */
export function dutchToday(now: Date = new Date()): Date {
  const local = new TZDate(now.getTime(), SCHOOL_TIME_ZONE);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** The school year (1 August – 31 July) that contains a calendar date. */
export function schoolYearOf(day: Date): { name: string; startsOn: Date; endsOn: Date } {
  const startYear = day.getUTCMonth() >= 7 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return {
    name: `${startYear}-${startYear + 1}`,
    startsOn: new Date(Date.UTC(startYear, 7, 1)),
    endsOn: new Date(Date.UTC(startYear + 1, 6, 31)),
  };
}
