// The school calendar's rules, pure so they are unit-tested. Dates are calendar
// days as UTC-midnight Dates (how @db.Date columns come back).

export type DayRange = { startsOn: Date; endsOn: Date };

const DAY_MS = 86_400_000;

/** Both ranges share at least one day (ends inclusive). */
export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

export function contains(outer: DayRange, inner: DayRange): boolean {
  return outer.startsOn <= inner.startsOn && inner.endsOn <= outer.endsOn;
}

/**
 * What is wrong with a term (periode) of a school year, as a catalogue key
 * per field, or null: it ends on or after its start, lies inside the school
 * year, and overlaps none of the year's other terms (`others` excludes itself).
 */
export function periodProblem(period: DayRange, year: DayRange, others: readonly DayRange[]): Record<string, string> | null {
  if (period.endsOn < period.startsOn) return { endsOn: "calendarErrors.endBeforeStart" };
  if (!contains(year, period)) return { startsOn: "calendarErrors.periodOutsideYear" };
  if (others.some((o) => rangesOverlap(o, period))) return { startsOn: "calendarErrors.periodOverlap" };
  return null;
}

/** The same for a holiday: inside one school year, no overlap with another holiday, at most 120 days. */
export function holidayProblem(holiday: DayRange, years: readonly DayRange[], others: readonly DayRange[]): Record<string, string> | null {
  if (holiday.endsOn < holiday.startsOn) return { endsOn: "calendarErrors.endBeforeStart" };
  if ((holiday.endsOn.getTime() - holiday.startsOn.getTime()) / DAY_MS >= 120) return { endsOn: "calendarErrors.holidayTooLong" };
  if (!years.some((y) => contains(y, holiday))) return { startsOn: "calendarErrors.holidayOutsideYear" };
  if (others.some((o) => rangesOverlap(o, holiday))) return { startsOn: "calendarErrors.holidayOverlap" };
  return null;
}

/** Term numbers follow the dates: 1, 2, 3… from the earliest, with no gaps. */
export function numberedByDate<T extends DayRange & { id: string }>(periods: readonly T[]): { id: string; number: number }[] {
  return [...periods].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime()).map((p, i) => ({ id: p.id, number: i + 1 }));
}

/** The national school year that starts in `startYear`: 1 August – 31 July. */
export function schoolYearStarting(startYear: number): { name: string; startsOn: Date; endsOn: Date } {
  return { name: `${startYear}-${startYear + 1}`, startsOn: new Date(Date.UTC(startYear, 7, 1)), endsOn: new Date(Date.UTC(startYear + 1, 6, 31)) };
}

/** The days of `range` from `from` on (both inclusive), oldest first. */
export function daysFrom(range: DayRange, from: Date): Date[] {
  const days: Date[] = [];
  const first = range.startsOn > from ? range.startsOn : from;
  for (let t = first.getTime(); t <= range.endsOn.getTime(); t += DAY_MS) days.push(new Date(t));
  return days;
}
