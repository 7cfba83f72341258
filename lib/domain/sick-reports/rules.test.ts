import { describe, expect, it } from "vitest";
import {
  absenceDays,
  absenceKindFor,
  endOnRecovery,
  isSchoolDay,
  isoDay,
  periodsOverlap,
  reportWindow,
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
