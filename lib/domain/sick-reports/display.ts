// Shared by the parent's and the mentor's views of sick reports; dependency-free (client code uses it).
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";

/** Report days are shown with their weekday: parents report across weekends and holidays. */
export const REPORT_DAY = { weekday: "long", day: "numeric", month: "long", numberingSystem: "latn" } as const;

/** A `YYYY-MM-DD` calendar day as the UTC-midnight Date the formatters expect. */
export function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The texts of the parent's sick-report forms, translated on the server (components/parent/sick-report-panel.tsx). */
export type SickReportTexts = {
  locale: string;
  currentTitle: string;
  betterDone: string;
  newReport: string;
  anotherReport: string;
  modeLegend: string;
  modes: { TODAY: string; UNTIL_BETTER: string; RANGE: string };
  /** Why "only today" cannot be chosen, or null when it can. */
  todayClosed: string | null;
  from: string;
  to: string;
  datesHelp: string;
  reasonLegend: string;
  reasons: Record<string, string>;
  note: string;
  noteHelp: string;
  rulesTitle: string;
  rules: string[];
  /** The rule with the school's phone number as a link: text before, the number, text after. */
  phoneRule: [string, string, string] | null;
  submit: string;
  sending: string;
  savedSeen: string;
  /** With the child's name filled in; SAVED_DAY / SAVED_FROM / SAVED_TO mark where the days go. */
  saved: { day: string; range: string; untilBetter: string };
  /** Every message an action may answer with, by its key. */
  errors: Record<string, string>;
  /** Withdrawing or shortening a report with an end (the guardian who made it). */
  change: { summary: string; shortenHelp: string; shorten: string; withdrawHelp: string; withdraw: string; fixErrors: string; shortened: string; withdrawn: string };
};

/** Placeholders the browser fills with the days the server confirms (private-use characters: never in a name). */
export const SAVED_DAY = "\uE000day\uE000";
export const SAVED_FROM = "\uE000from\uE000";
export const SAVED_TO = "\uE000to\uE000";

const reportDayFormats = new Map<string, Intl.DateTimeFormat>();

/** A report day in the parent's language, as the server writes them (one formatter per language). */
export function reportDayFormat(locale: string): Intl.DateTimeFormat {
  let format = reportDayFormats.get(locale);
  if (!format) reportDayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { ...REPORT_DAY, timeZone: SCHOOL_TIME_ZONE })));
  return format;
}
