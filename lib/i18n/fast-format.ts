import { formats } from "@/lib/i18n/formats";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";

// The app's named formats as plain Intl formatters, made once per process and
// language. For lists of hundreds of grades and dates: next-intl's
// `format.number` / `format.dateTime` look up a memoised formatter per call
// (a JSON key per call) and build a new set of formatters per request. The
// output is the same (a test compares them).

const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, name: keyof typeof formats.number): Intl.NumberFormat {
  const key = `${locale}|${name}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, formats.number[name])));
  return format;
}

/** In the school's time zone, as next-intl's configuration has it. */
export function dateFormat(locale: string, name: keyof typeof formats.dateTime): Intl.DateTimeFormat {
  const key = `${locale}|${name}`;
  let format = dates.get(key);
  if (!format) dates.set(key, (format = new Intl.DateTimeFormat(locale, { ...formats.dateTime[name], timeZone: SCHOOL_TIME_ZONE })));
  return format;
}
