import { describe, expect, it } from "vitest";
import {
  absenceDays,
  absenceKindFor,
  changeOptions,
  endOnRecovery,
  isSchoolDay,
  isoDay,
  periodsOverlap,
  reportWindow,
  resolveChange,
  resolveReport,
  schoolDaysBetween,
  statusOf,
  type ReportRequest,
} from "@/lib/domain/sick-reports/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const days = (list: Date[]) => list.map(isoDay);
/** A Dutch wall-clock moment (winter time, UTC+1). */
const amsterdam = (iso: string, time: string) => new Date(`${iso}T${time}:00+01:00`);

// Autumn holiday Mon 19 – Fri 23 October 2026; 2026-11-23 is a Monday, 2026-11-28 a Saturday.
const holidays = [{ startsOn: d("2026-10-19"), endsOn: d("2026-10-23") }];
const school = { sickReportDeadline: "08:30", sickReportMaxDaysAhead: 60, holidays };

describe("school days", () => {
  it.each([
    ["2026-11-27", true, "a Friday"],
    ["2026-11-28", false, "a Saturday"],
    ["2026-11-29", false, "a Sunday"],
    ["2026-10-19", false, "the first day of a holiday"],
    ["2026-10-23", false, "the last day of a holiday (inclusive)"],
    ["2026-10-26", true, "the Monday after"],
  ])("%s is %s (%s)", (day, expected) => {
    expect(isSchoolDay(d(day), holidays)).toBe(expected);
  });

  it("lists the school days of a range, skipping weekends and holidays", () => {
    expect(days(schoolDaysBetween(d("2026-10-15"), d("2026-10-27"), holidays))).toEqual(["2026-10-15", "2026-10-16", "2026-10-26", "2026-10-27"]);
    expect(schoolDaysBetween(d("2026-11-28"), d("2026-11-29"), holidays)).toEqual([]);
    expect(schoolDaysBetween(d("2026-11-27"), d("2026-11-26"), [])).toEqual([]);
  });
});

describe("the report window", () => {
  it("allows today on a school day up to and including the deadline minute", () => {
    expect(reportWindow(school, amsterdam("2026-11-23", "08:30"))).toMatchObject({ todayAllowed: true, todayIsSchoolDay: true, firstDay: d("2026-11-23") });
    const late = reportWindow(school, amsterdam("2026-11-23", "08:31"));
    expect(late).toMatchObject({ todayAllowed: false, firstDay: d("2026-11-24"), deadline: "08:30" });
  });

  it("uses Dutch local time, also in summer time", () => {
    // 06:15 UTC is 08:15 in Amsterdam in June: before the deadline.
    expect(reportWindow(school, new Date("2026-06-15T06:15:00Z")).todayAllowed).toBe(true);
    expect(reportWindow(school, new Date("2026-06-15T06:45:00Z")).todayAllowed).toBe(false);
  });

  it("keeps today open on weekends and holidays, after the deadline too", () => {
    expect(reportWindow(school, amsterdam("2026-11-28", "10:00"))).toMatchObject({ todayAllowed: true, todayIsSchoolDay: false });
    expect(reportWindow(school, amsterdam("2026-10-20", "12:00"))).toMatchObject({ todayAllowed: true, todayIsSchoolDay: false });
  });

  it("reaches maxDaysAhead days past today, and follows the school's settings", () => {
    expect(reportWindow(school, amsterdam("2026-11-23", "07:00")).latestDay).toEqual(d("2027-01-22"));
    const strict = reportWindow({ ...school, sickReportDeadline: "07:45", sickReportMaxDaysAhead: 7 }, amsterdam("2026-11-23", "08:00"));
    expect(strict).toMatchObject({ todayAllowed: false, latestDay: d("2026-11-30"), deadline: "07:45" });
  });

  it("falls back to 08:30 when the stored deadline is unreadable", () => {
    expect(reportWindow({ ...school, sickReportDeadline: "half negen" }, amsterdam("2026-11-23", "08:29"))).toMatchObject({ deadline: "08:30", todayAllowed: true });
  });
});

describe("resolving a report", () => {
  const monday = reportWindow(school, amsterdam("2026-11-23", "07:30"));
  const mondayLate = reportWindow(school, amsterdam("2026-11-23", "09:00"));
  const saturday = reportWindow(school, amsterdam("2026-11-28", "10:00"));
  const resolve = (request: Partial<ReportRequest>, window = monday) =>
    resolveReport({ mode: "RANGE", from: null, to: null, ...request }, window, holidays);

  it("today: one record, refused after the deadline and on a day without school", () => {
    expect(resolve({ mode: "TODAY" })).toEqual({ ok: true, report: { startsOn: d("2026-11-23"), endsOn: d("2026-11-23"), days: [d("2026-11-23")] } });
    expect(resolve({ mode: "TODAY" }, mondayLate)).toEqual({ ok: false, errors: { mode: "sickReportErrors.todayClosed" } });
    expect(resolve({ mode: "TODAY" }, saturday)).toEqual({ ok: false, errors: { mode: "sickReportErrors.noSchoolToday" } });
  });

  it("until better: from today by default; marks the first school day at once", () => {
    expect(resolve({ mode: "UNTIL_BETTER" })).toMatchObject({ ok: true, report: { startsOn: d("2026-11-23"), endsOn: null, days: [d("2026-11-23")] } });
    const fromSaturday = resolve({ mode: "UNTIL_BETTER" }, saturday);
    expect(fromSaturday).toMatchObject({ ok: true, report: { startsOn: d("2026-11-28"), endsOn: null } });
    expect(fromSaturday.ok && days(fromSaturday.report.days)).toEqual(["2026-11-30"]);
    const later = resolve({ mode: "UNTIL_BETTER", from: d("2026-12-02") });
    expect(later.ok && days(later.report.days)).toEqual(["2026-12-02"]);
  });

  it("a range: every school day in it, weekends skipped", () => {
    const range = resolve({ from: d("2026-11-26"), to: d("2026-12-01") });
    expect(range.ok && days(range.report.days)).toEqual(["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"]);
  });

  it("a range without school days is refused", () => {
    expect(resolve({ from: d("2026-11-29"), to: d("2026-11-29") }, saturday)).toEqual({ ok: false, errors: { _form: "sickReportErrors.noSchoolDays" } });
  });

  it.each<[string, Partial<ReportRequest>, Record<string, string>]>([
    ["a start in the past", { from: d("2026-11-20"), to: d("2026-11-24") }, { from: "sickReportErrors.inPast" }],
    ["an end before the start", { from: d("2026-11-25"), to: d("2026-11-24") }, { to: "sickReportErrors.endBeforeStart" }],
    ["an end past maxDaysAhead", { from: d("2026-11-25"), to: d("2027-01-23") }, { to: "sickReportErrors.tooFarAhead" }],
    ["a start past maxDaysAhead", { mode: "UNTIL_BETTER", from: d("2027-01-23") }, { from: "sickReportErrors.tooFarAhead" }],
    ["no start", { to: d("2026-11-24") }, { from: "sickReportErrors.fromRequired" }],
    ["no end", { from: d("2026-11-24") }, { to: "sickReportErrors.toRequired" }],
  ])("refuses %s", (_, request, errors) => {
    expect(resolve(request)).toEqual({ ok: false, errors });
  });

  it("accepts the last allowed day exactly", () => {
    expect(resolve({ from: d("2027-01-22"), to: d("2027-01-22") })).toMatchObject({ ok: true, report: { days: [d("2027-01-22")] } });
  });

  it("refuses a start today after the deadline, not tomorrow", () => {
    expect(resolve({ mode: "UNTIL_BETTER" }, mondayLate)).toEqual({ ok: false, errors: { from: "sickReportErrors.todayClosed" } });
    expect(resolve({ mode: "UNTIL_BETTER", from: d("2026-11-24") }, mondayLate)).toMatchObject({ ok: true });
  });
});

describe("open reports, status and recovery", () => {
  it("an open report covers its school days up to today", () => {
    expect(days(absenceDays({ startsOn: d("2026-11-26"), endsOn: null }, d("2026-12-01"), holidays))).toEqual(["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"]);
  });

  it("maps the reason to the kind of absence", () => {
    expect(absenceKindFor("SICK")).toBe("SICK");
    for (const reason of ["DOCTOR", "FAMILY", "OTHER"] as const) expect(absenceKindFor(reason)).toBe("AUTHORISED");
  });

  it("knows where a report stands", () => {
    const today = d("2026-11-25");
    expect(statusOf({ startsOn: d("2026-11-24"), endsOn: null }, today)).toBe("ACTIVE");
    expect(statusOf({ startsOn: d("2026-11-26"), endsOn: d("2026-11-27") }, today)).toBe("UPCOMING");
    expect(statusOf({ startsOn: d("2026-11-20"), endsOn: d("2026-11-24") }, today)).toBe("ENDED");
    expect(statusOf({ startsOn: d("2026-11-27"), endsOn: d("2026-11-26") }, today)).toBe("CANCELLED");
  });

  it("ends today on recovery, or withdraws a report that has not started", () => {
    expect(endOnRecovery({ startsOn: d("2026-11-23"), endsOn: null }, d("2026-11-25"))).toEqual(d("2026-11-25"));
    expect(endOnRecovery({ startsOn: d("2026-11-27"), endsOn: null }, d("2026-11-25"))).toEqual(d("2026-11-26"));
    expect(endOnRecovery({ startsOn: d("2026-11-20"), endsOn: d("2026-11-24") }, d("2026-11-25"))).toEqual(d("2026-11-24"));
  });

  it("finds overlapping periods; a withdrawn report overlaps nothing", () => {
    const open = { startsOn: d("2026-11-25"), endsOn: null };
    expect(periodsOverlap(open, { startsOn: d("2026-12-10"), endsOn: d("2026-12-11") })).toBe(true);
    expect(periodsOverlap({ startsOn: d("2026-11-20"), endsOn: d("2026-11-24") }, open)).toBe(false);
    expect(periodsOverlap({ startsOn: d("2026-11-20"), endsOn: d("2026-11-25") }, open)).toBe(true);
    expect(periodsOverlap({ startsOn: d("2026-11-27"), endsOn: d("2026-11-26") }, { startsOn: d("2026-11-23"), endsOn: d("2026-11-30") })).toBe(false);
  });
});

describe("changing a report with an end (the guardian who made it)", () => {
  // Today is Monday 23 November 2026.
  const today = d("2026-11-23");
  const coming = { startsOn: d("2026-11-25"), endsOn: d("2026-11-27") }; // Wed–Fri
  const running = { startsOn: d("2026-11-20"), endsOn: d("2026-11-25") }; // Fri–Wed, started
  const past = { startsOn: d("2026-11-16"), endsOn: d("2026-11-20") };
  const withdrawn = { startsOn: d("2026-11-25"), endsOn: d("2026-11-24") };

  it("offers withdrawing before the start, and shortening while days lie ahead", () => {
    expect(changeOptions(coming, today)).toEqual({ withdraw: true, shorten: true, moveStart: true, earliestEnd: d("2026-11-25") });
    expect(changeOptions(running, today)).toEqual({ withdraw: false, shorten: true, moveStart: false, earliestEnd: today });
    expect(changeOptions({ startsOn: d("2026-11-25"), endsOn: d("2026-11-25") }, today)).toEqual({ withdraw: true, shorten: false, moveStart: false, earliestEnd: null });
    // Ends today: nothing left to shorten. Past, withdrawn and open-ended reports: nothing here.
    expect(changeOptions({ startsOn: d("2026-11-20"), endsOn: today }, today)).toMatchObject({ withdraw: false, shorten: false });
    for (const report of [past, withdrawn, { startsOn: d("2026-11-25"), endsOn: null }]) {
      expect(changeOptions(report, today)).toEqual({ withdraw: false, shorten: false, moveStart: false, earliestEnd: null });
    }
  });

  it("withdraws a report that has not started (its end the day before its start); twice is no change", () => {
    expect(resolveChange(coming, { change: "WITHDRAW" }, today, [])).toEqual({ ok: true, startsOn: d("2026-11-25"), endsOn: d("2026-11-24"), withdrawn: true, unchanged: false });
    expect(resolveChange(withdrawn, { change: "WITHDRAW" }, today, [])).toMatchObject({ ok: true, unchanged: true });
  });

  it("refuses to withdraw a report that has started or ended", () => {
    for (const report of [running, past, { startsOn: today, endsOn: d("2026-11-24") }]) {
      expect(resolveChange(report, { change: "WITHDRAW" }, today, [])).toEqual({ ok: false, errors: { _form: "sickReportErrors.alreadyStarted" } });
    }
  });

  it("moves the end earlier or the start later; the same change again is no change", () => {
    expect(resolveChange(coming, { change: "SHORTEN", from: null, to: d("2026-11-25") }, today, [])).toEqual({
      ok: true, startsOn: d("2026-11-25"), endsOn: d("2026-11-25"), withdrawn: false, unchanged: false,
    });
    expect(resolveChange(coming, { change: "SHORTEN", from: d("2026-11-26"), to: d("2026-11-27") }, today, [])).toMatchObject({ ok: true, startsOn: d("2026-11-26"), endsOn: d("2026-11-27") });
    expect(resolveChange(coming, { change: "SHORTEN", from: d("2026-11-25"), to: d("2026-11-27") }, today, [])).toMatchObject({ ok: true, unchanged: true });
    // A running report ends today at the earliest; its start stays.
    expect(resolveChange(running, { change: "SHORTEN", from: null, to: today }, today, [])).toMatchObject({ ok: true, startsOn: d("2026-11-20"), endsOn: today });
    expect(resolveChange(running, { change: "SHORTEN", from: d("2026-11-20"), to: d("2026-11-24") }, today, [])).toMatchObject({ ok: true, endsOn: d("2026-11-24") });
  });

  it.each<[string, { startsOn: Date; endsOn: Date | null }, { from: Date | null; to: Date }, Record<string, string>]>([
    ["a longer report (later end)", coming, { from: null, to: d("2026-11-30") }, { to: "sickReportErrors.onlyShorter" }],
    ["a longer report (earlier start)", coming, { from: d("2026-11-24"), to: d("2026-11-27") }, { from: "sickReportErrors.onlyShorter" }],
    ["an end before the start", coming, { from: d("2026-11-27"), to: d("2026-11-26") }, { to: "sickReportErrors.endBeforeStart" }],
    ["moving the start of a running report", running, { from: d("2026-11-24"), to: d("2026-11-25") }, { from: "sickReportErrors.startAlreadyBegun" }],
    ["an end in the past", running, { from: null, to: d("2026-11-20") }, { to: "sickReportErrors.inPast" }],
    ["a report that has ended", past, { from: null, to: d("2026-11-18") }, { _form: "sickReportErrors.notChangeable" }],
    ["a withdrawn report", withdrawn, { from: null, to: d("2026-11-25") }, { _form: "sickReportErrors.notChangeable" }],
    ["an open-ended report", { startsOn: d("2026-11-25"), endsOn: null }, { from: null, to: d("2026-11-26") }, { _form: "sickReportErrors.notChangeable" }],
  ])("refuses %s", (_, report, change, errors) => {
    expect(resolveChange(report, { change: "SHORTEN", ...change }, today, [])).toEqual({ ok: false, errors });
  });

  it("refuses to leave a coming report without a school day: withdraw it instead", () => {
    const overWeekend = { startsOn: d("2026-11-27"), endsOn: d("2026-11-30") }; // Fri–Mon
    expect(resolveChange(overWeekend, { change: "SHORTEN", from: d("2026-11-28"), to: d("2026-11-29") }, today, [])).toEqual({ ok: false, errors: { _form: "sickReportErrors.shortenNoSchoolDays" } });
    const intoHoliday = { startsOn: d("2026-10-16"), endsOn: d("2026-10-23") };
    expect(resolveChange(intoHoliday, { change: "SHORTEN", from: d("2026-10-19"), to: d("2026-10-23") }, d("2026-10-12"), holidays)).toMatchObject({ ok: false });
    expect(resolveChange(intoHoliday, { change: "SHORTEN", from: null, to: d("2026-10-16") }, d("2026-10-12"), holidays)).toMatchObject({ ok: true });
  });
});
