import { TZDate } from "@date-fns/tz";
import type { AbsenceKind, SickReportReason } from "@/lib/generated/prisma/enums";
import { SCHOOL_TIME_ZONE, dutchToday } from "@/lib/domain/calendar/dates";
// One definition of a school day (Mon–Fri, not in a holiday) for the whole app.
import { isSchoolDay, type Holiday } from "@/lib/domain/attendance/school-weeks";
// The form's choices live apart so the client form can import them without this module's dependencies.
import { SICK_REPORT_MODES, SICK_REPORT_REASONS, type SickReportMode } from "@/lib/domain/sick-reports/fields";

export { isSchoolDay, type Holiday };
export { SICK_REPORT_MODES, SICK_REPORT_REASONS, type SickReportMode };

const DAY_MS = 86_400_000;

/**
 * A parent reports whole days, so each day becomes one record of a full school
 * day: six lessons of 50 minutes. The school corrects it per lesson if needed.
 */
export const FULL_SCHOOL_DAY_MINUTES = 300;

/** The school's default (schema default) when the stored time is unreadable. */
const DEFAULT_DEADLINE = "08:30";

/** Being sick is "sick"; anything else the parent reports is authorised until the school decides otherwise. */
export function absenceKindFor(reason: SickReportReason): AbsenceKind {
  return reason === "SICK" ? "SICK" : "AUTHORISED";
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** A calendar day as `YYYY-MM-DD` (how date inputs and @db.Date columns speak). */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Every school day from `from` to `to`, both inclusive, oldest first. */
export function schoolDaysBetween(from: Date, to: Date, holidays: readonly Holiday[]): Date[] {
  const days: Date[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isSchoolDay(day, holidays)) days.push(day);
  return days;
}

/** The first school day on or after `from`; null if none within a year (a calendar error). */
export function firstSchoolDayFrom(from: Date, holidays: readonly Holiday[]): Date | null {
  for (let i = 0; i < 366; i++) {
    const day = addDays(from, i);
    if (isSchoolDay(day, holidays)) return day;
  }
  return null;
}

export type SchoolRules = { sickReportDeadline: string; sickReportMaxDaysAhead: number; holidays: readonly Holiday[] };

export type ReportWindow = {
  today: Date;
  todayIsSchoolDay: boolean;
  /** False only on a school day after the deadline: then the parent calls the school. */
  todayAllowed: boolean;
  /** The first day a report may start: today, or tomorrow once today is closed. */
  firstDay: Date;
  /** The last day a report may cover: today + maxDaysAhead. */
  latestDay: Date;
  deadline: string;
  maxDaysAhead: number;
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

/** What a parent may report at `now`, by the school's rules. A report at 08:30 counts for an 08:30 deadline; 08:31 does not. */
export function reportWindow(school: SchoolRules, now: Date): ReportWindow {
  const today = dutchToday(now);
  const local = new TZDate(now.getTime(), SCHOOL_TIME_ZONE);
  const todayIsSchoolDay = isSchoolDay(today, school.holidays);
  const deadline = TIME.test(school.sickReportDeadline) ? school.sickReportDeadline : DEFAULT_DEADLINE;
  const todayAllowed = !todayIsSchoolDay || local.getHours() * 60 + local.getMinutes() <= minutesOf(deadline);
  const maxDaysAhead = Math.max(0, school.sickReportMaxDaysAhead);
  return {
    today,
    todayIsSchoolDay,
    todayAllowed,
    firstDay: todayAllowed ? today : addDays(today, 1),
    latestDay: addDays(today, maxDaysAhead),
    deadline,
    maxDaysAhead,
  };
}

export type ReportRequest = { mode: SickReportMode; from: Date | null; to: Date | null };
export type ResolvedReport = { startsOn: Date; endsOn: Date | null; days: Date[] };
export type Resolution = { ok: true; report: ResolvedReport } | { ok: false; errors: Record<string, string> };

/**
 * The school days that get an absence record when the report is made. An
 * open-ended report covers its first school day at once (on a Saturday "from
 * today until better" marks Monday) and is extended day by day after that.
 */
export function absenceDays(report: { startsOn: Date; endsOn: Date | null }, today: Date, holidays: readonly Holiday[]): Date[] {
  if (report.endsOn) return schoolDaysBetween(report.startsOn, report.endsOn, holidays);
  const first = firstSchoolDayFrom(report.startsOn, holidays);
  if (!first) return [];
  return schoolDaysBetween(report.startsOn, first > today ? first : today, holidays);
}

/**
 * Checks a request against the school's rules and works out its period and
 * days. Errors are catalogue keys per form field ("_form" for the whole form).
 */
export function resolveReport(request: ReportRequest, window: ReportWindow, holidays: readonly Holiday[]): Resolution {
  const { today, latestDay } = window;
  const errors: Record<string, string> = {};
  let startsOn: Date;
  let endsOn: Date | null;
  if (request.mode === "TODAY") {
    if (!window.todayIsSchoolDay) return { ok: false, errors: { mode: "sickReportErrors.noSchoolToday" } };
    if (!window.todayAllowed) return { ok: false, errors: { mode: "sickReportErrors.todayClosed" } };
    startsOn = today;
    endsOn = today;
  } else {
    const from = request.from ?? (request.mode === "UNTIL_BETTER" ? today : null);
    const to = request.mode === "RANGE" ? request.to : null;
    if (!from) errors.from = "sickReportErrors.fromRequired";
    else if (from < today) errors.from = "sickReportErrors.inPast";
    else if (from > latestDay) errors.from = "sickReportErrors.tooFarAhead";
    else if (from.getTime() === today.getTime() && !window.todayAllowed) errors.from = "sickReportErrors.todayClosed";
    if (request.mode === "RANGE") {
      if (!to) errors.to = "sickReportErrors.toRequired";
      else if (from && to < from) errors.to = "sickReportErrors.endBeforeStart";
      else if (to > latestDay) errors.to = "sickReportErrors.tooFarAhead";
    }
    if (!from || Object.keys(errors).length) return { ok: false, errors };
    startsOn = from;
    endsOn = to;
  }
  const days = absenceDays({ startsOn, endsOn }, today, holidays);
  if (days.length === 0) return { ok: false, errors: { _form: "sickReportErrors.noSchoolDays" } };
  return { ok: true, report: { startsOn, endsOn, days } };
}

export type ReportStatus = "ACTIVE" | "UPCOMING" | "ENDED" | "CANCELLED";

/**
 * Where a report stands on `today`. A report withdrawn before its first day
 * is stored with its end the day before its start: it covers no day at all.
 */
export function statusOf(report: { startsOn: Date; endsOn: Date | null }, today: Date): ReportStatus {
  if (report.endsOn && report.endsOn < report.startsOn) return "CANCELLED";
  if (report.startsOn > today) return "UPCOMING";
  if (report.endsOn && report.endsOn < today) return "ENDED";
  return "ACTIVE";
}

/** Whether two periods (null end = until reported better) share a day. Withdrawn reports share none. */
export function periodsOverlap(a: { startsOn: Date; endsOn: Date | null }, b: { startsOn: Date; endsOn: Date | null }): boolean {
  const empty = (p: { startsOn: Date; endsOn: Date | null }) => p.endsOn !== null && p.endsOn < p.startsOn;
  if (empty(a) || empty(b)) return false;
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}

/**
 * The end a report gets when the child is reported better on `today`: today
 * (today's record stays), or — when it had not started yet — the day before
 * its start, which withdraws it.
 */
export function endOnRecovery(report: { startsOn: Date; endsOn: Date | null }, today: Date): Date {
  if (report.startsOn > today) return addDays(report.startsOn, -1);
  return report.endsOn && report.endsOn < today ? report.endsOn : today;
}

/**
 * What the guardian who made a report with an end (a day or a date range) may
 * still change on `today` (open-ended reports end with "better" instead):
 * withdraw it while it has not started; make it shorter while days of it lie
 * ahead — the end earlier (not before today), and the start later only while
 * it has not started. Past days are history and stay.
 */
export type ChangeOptions = { withdraw: boolean; shorten: boolean; moveStart: boolean; earliestEnd: Date | null };

export function changeOptions(report: { startsOn: Date; endsOn: Date | null }, today: Date): ChangeOptions {
  const none: ChangeOptions = { withdraw: false, shorten: false, moveStart: false, earliestEnd: null };
  if (report.endsOn === null || statusOf(report, today) === "CANCELLED") return none;
  const notStarted = report.startsOn > today;
  const earliestEnd = notStarted ? report.startsOn : today;
  const shorten = report.endsOn > earliestEnd;
  return { withdraw: notStarted, shorten, moveStart: notStarted && shorten, earliestEnd: shorten ? earliestEnd : null };
}

export type ReportChange = { change: "WITHDRAW" } | { change: "SHORTEN"; from: Date | null; to: Date };
export type ChangeResolution =
  | { ok: true; startsOn: Date; endsOn: Date; withdrawn: boolean; unchanged: boolean }
  | { ok: false; errors: Record<string, string> };

/**
 * Checks a change against the report as it stands on `today`. A change that
 * is already in place (a double submit) is `unchanged`, not an error.
 * Errors are catalogue keys per form field ("_form" for the whole form).
 */
export function resolveChange(
  report: { startsOn: Date; endsOn: Date | null },
  request: ReportChange,
  today: Date,
  holidays: readonly Holiday[],
): ChangeResolution {
  const cancelled = statusOf(report, today) === "CANCELLED";
  if (request.change === "WITHDRAW") {
    if (cancelled) return { ok: true, startsOn: report.startsOn, endsOn: report.endsOn!, withdrawn: true, unchanged: true };
    if (report.startsOn <= today) return { ok: false, errors: { _form: "sickReportErrors.alreadyStarted" } };
    return { ok: true, startsOn: report.startsOn, endsOn: addDays(report.startsOn, -1), withdrawn: true, unchanged: false };
  }
  if (report.endsOn === null || cancelled || report.endsOn < today) return { ok: false, errors: { _form: "sickReportErrors.notChangeable" } };
  const from = request.from ?? report.startsOn;
  const to = request.to;
  const errors: Record<string, string> = {};
  if (from.getTime() !== report.startsOn.getTime() && report.startsOn <= today) errors.from = "sickReportErrors.startAlreadyBegun";
  else if (from < report.startsOn) errors.from = "sickReportErrors.onlyShorter";
  if (to > report.endsOn) errors.to = "sickReportErrors.onlyShorter";
  else if (to < from) errors.to = "sickReportErrors.endBeforeStart";
  else if (to < today) errors.to = "sickReportErrors.inPast";
  if (Object.keys(errors).length) return { ok: false, errors };
  const unchanged = from.getTime() === report.startsOn.getTime() && to.getTime() === report.endsOn.getTime();
  // What is left of a report that has not started must still be about school; one that has started may end on any day from today.
  if (!unchanged && from > today && schoolDaysBetween(from, to, holidays).length === 0) return { ok: false, errors: { _form: "sickReportErrors.shortenNoSchoolDays" } };
  return { ok: true, startsOn: from, endsOn: to, withdrawn: false, unchanged };
}
