// Calendar arithmetic on whole days. A Day is a calendar date (days since
// 1970-01-01), the way @db.Date columns store it; moments are epoch
// milliseconds, derived from a Day and a Dutch wall-clock time.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function partsOf(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  return weekday(day) >= 5;
}

const isoCache = new Map<Day, string>();
export function isoDate(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

function lastSundayOf(year: number, month: number): Day {
  const last = dayOf(year, month + 1, 0);
  return last - ((weekday(last) + 1) % 7);
}

/** Mondays on or before a date. */
export function mondayOf(day: Day): Day {
  return day - weekday(day);
}

// EU summer time runs from the last Sunday of March to the last Sunday of
// October. Seed times are all daytime or evening, so the hour of the switch
// itself does not matter.
const offsetCache = new Map<number, [Day, Day]>();
export function amsterdamOffsetMinutes(day: Day): number {
  const { year } = partsOf(day);
  let range = offsetCache.get(year);
  if (!range) {
    range = [lastSundayOf(year, 3), lastSundayOf(year, 10)];
    offsetCache.set(year, range);
  }
  return day >= range[0] && day < range[1] ? 120 : 60;
}

/** Epoch ms of a Dutch wall-clock time (minutes after midnight) on a day. */
export function momentAt(day: Day, localMinutes: number): number {
  return day * MS_PER_DAY + (localMinutes - amsterdamOffsetMinutes(day)) * 60_000;
}

/** The Dutch calendar date of a moment. */
export function dutchDay(moment: Date): Day {
  const utcDay = Math.floor(moment.getTime() / MS_PER_DAY);
  return Math.floor((moment.getTime() + amsterdamOffsetMinutes(utcDay) * 60_000) / MS_PER_DAY);
}

/** Anonymous Gregorian algorithm. */
function easterOf(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

export type SchoolYearDates = { startYear: number; name: string; startsOn: Day; endsOn: Day };

export function schoolYearStarting(startYear: number): SchoolYearDates {
  return {
    startYear,
    name: `${startYear}-${startYear + 1}`,
    startsOn: dayOf(startYear, 8, 1),
    endsOn: dayOf(startYear + 1, 7, 31),
  };
}

export function schoolYearContaining(day: Day): SchoolYearDates {
  const { year, month } = partsOf(day);
  return schoolYearStarting(month >= 8 ? year : year - 1);
}

/** Four terms; the same boundaries at every school keeps reports comparable. */
export function periodsOf(year: SchoolYearDates): { number: number; startsOn: Day; endsOn: Day }[] {
  const y = year.startYear;
  return [
    { number: 1, startsOn: dayOf(y, 8, 1), endsOn: dayOf(y, 11, 8) },
    { number: 2, startsOn: dayOf(y, 11, 9), endsOn: dayOf(y + 1, 1, 31) },
    { number: 3, startsOn: dayOf(y + 1, 2, 1), endsOn: dayOf(y + 1, 4, 18) },
    { number: 4, startsOn: dayOf(y + 1, 4, 19), endsOn: dayOf(y + 1, 7, 31) },
  ];
}

/** Holiday region (noord, midden, zuid): the holidays are staggered by a week. */
export type Region = 0 | 1 | 2;

export type HolidayRange = { name: string; startsOn: Day; endsOn: Day };

/**
 * The school calendar's days off in a school year (besides weekends), named by
 * catalogue key: the national holidays per region and the public holidays.
 * The summer holiday is covered by teachingTerm().
 */
export function holidayRanges(startYear: number, region: Region): HolidayRange[] {
  const next = startYear + 1;
  const ranges: HolidayRange[] = [];
  const add = (name: string, startsOn: Day, endsOn: Day = startsOn) => ranges.push({ name, startsOn, endsOn });
  const autumn = mondayOf(dayOf(startYear, 10, 19) - (region === 2 ? 7 : 0));
  add("autumn", autumn, autumn + 6);
  const christmasStart = mondayOf(dayOf(startYear, 12, 22));
  const newYear = dayOf(next, 1, 3);
  add("christmas", christmasStart, newYear + ((6 - weekday(newYear)) % 7));
  const spring = mondayOf(dayOf(next, 2, 16) + 7 * (region % 2));
  add("spring", spring, spring + 6);
  const easter = easterOf(next);
  add("goodFriday", easter - 2);
  add("easterMonday", easter + 1);
  add("ascension", easter + 39, easter + 40);
  add("whitMonday", easter + 50);
  const kingsDay = dayOf(next, 4, 27);
  const may = mondayOf(kingsDay);
  add("may", may, may + 13);
  const observed = weekday(kingsDay) === 6 ? kingsDay - 1 : kingsDay;
  if (observed < may || observed > may + 13) add("kingsDay", observed);
  return ranges;
}

function holidaysOf(startYear: number, region: Region): Set<Day> {
  const off = new Set<Day>();
  for (const r of holidayRanges(startYear, region)) for (let d = r.startsOn; d <= r.endsOn; d++) off.add(d);
  return off;
}

/** Holidays as the school calendar stores them, including both summer holidays around the year. */
export function schoolCalendar(startYear: number, region: Region): HolidayRange[] {
  const { first, last } = teachingTerm(startYear, region);
  return [
    { name: "summer", startsOn: dayOf(startYear, 8, 1), endsOn: first - 1 },
    ...holidayRanges(startYear, region),
    { name: "summer", startsOn: last + 1, endsOn: dayOf(startYear + 1, 7, 31) },
  ];
}

/** First and last day of lessons: the summer holiday is staggered per region. */
export function teachingTerm(startYear: number, region: Region): { first: Day; last: Day } {
  const afterSummer = dayOf(startYear, 8, 17) + 7 * region;
  const first = afterSummer + ((7 - weekday(afterSummer)) % 7);
  const summer = dayOf(startYear + 1, 7, 4) + 7 * region;
  const summerStart = summer + ((5 - weekday(summer) + 7) % 7);
  return { first, last: summerStart - 1 };
}

const teachingCache = new Map<string, Day[]>();

/** Lesson days of a school year in a region, from the first day of lessons up to and including `until`. */
export function schoolDays(startYear: number, region: Region, until: Day): Day[] {
  const key = `${startYear}/${region}`;
  let days = teachingCache.get(key);
  if (!days) {
    const off = holidaysOf(startYear, region);
    const { first, last } = teachingTerm(startYear, region);
    days = [];
    for (let d = first; d <= last; d++) if (!isWeekend(d) && !off.has(d)) days.push(d);
    teachingCache.set(key, days);
  }
  return days.filter((d) => d <= until);
}
