/** A school holiday: calendar dates as UTC-midnight Dates, both ends inclusive. */
export type Holiday = { startsOn: Date; endsOn: Date };

/**
 * An ISO week (Monday–Sunday) with at least one school day in the requested range.
 * `schoolDayKeys` lists those days (`YYYY-MM-DD`) so that callers can place a record in
 * its week without the holiday list: a record on any other day belongs to no school week.
 */
export type SchoolWeek = { monday: Date; key: string; schoolDays: number; schoolDayKeys: readonly string[] };

const DAY_MS = 86_400_000;

function utcMidnight(day: Date): number {
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
}

/** A calendar date as `YYYY-MM-DD` (UTC, how @db.Date columns come back). */
export function dayKey(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The ISO week a calendar date falls in, named after its Monday as `YYYY-MM-DD`. */
export function weekKey(day: Date): string {
  return dayKey(new Date(mondayOf(utcMidnight(day))));
}

function mondayOf(time: number): number {
  const daysSinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return time - daysSinceMonday * DAY_MS;
}

function isWeekday(time: number): boolean {
  const weekday = new Date(time).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function isHoliday(time: number, holidays: readonly Holiday[]): boolean {
  return holidays.some((h) => utcMidnight(h.startsOn) <= time && time <= utcMidnight(h.endsOn));
}

/** Monday to Friday and not inside any of the school's holidays. */
export function isSchoolDay(day: Date, holidays: readonly Holiday[]): boolean {
  const time = utcMidnight(day);
  return isWeekday(time) && !isHoliday(time, holidays);
}

/**
 * The school weeks between `from` and `to` (inclusive), oldest first. Only school days inside
 * the range count, so a range starting on a Wednesday gives a first week of at most three days.
 * Weeks without any school day (a full holiday week) are left out: "consecutive school weeks"
 * in the Leerplichtwet skip holidays.
 */
export function schoolWeeks(from: Date, to: Date, holidays: readonly Holiday[]): SchoolWeek[] {
  const weeks: { monday: number; days: string[] }[] = [];
  const last = utcMidnight(to);
  for (let time = utcMidnight(from); time <= last; time += DAY_MS) {
    if (!isWeekday(time) || isHoliday(time, holidays)) continue;
    const monday = mondayOf(time);
    const current = weeks.at(-1);
    if (current?.monday === monday) current.days.push(dayKey(new Date(time)));
    else weeks.push({ monday, days: [dayKey(new Date(time))] });
  }
  return weeks.map(({ monday, days }) => {
    const mondayDate = new Date(monday);
    return { monday: mondayDate, key: dayKey(mondayDate), schoolDays: days.length, schoolDayKeys: days };
  });
}
