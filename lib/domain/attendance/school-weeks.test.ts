import { describe, expect, it } from "vitest";
import { isSchoolDay, schoolWeeks, weekKey } from "@/lib/domain/attendance/school-weeks";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// Autumn break from Saturday to Sunday, and a Thursday–Friday off in the week of 2 November.
const holidays = [
  { startsOn: d("2026-10-17"), endsOn: d("2026-10-25") },
  { startsOn: d("2026-11-05"), endsOn: d("2026-11-06") },
];
const summary = (from: string, to: string) =>
  schoolWeeks(d(from), d(to), holidays).map((week) => `${week.key}:${week.schoolDays}`);

describe("weekKey", () => {
  it.each([
    ["2026-09-28", "2026-09-28", "a Monday is its own week"],
    ["2026-10-02", "2026-09-28", "Friday"],
    ["2026-10-04", "2026-09-28", "Sunday still belongs to the week before"],
    ["2026-10-05", "2026-10-05", "the next Monday starts a new week"],
    ["2026-01-01", "2025-12-29", "across the turn of the year"],
  ])("%s → %s (%s)", (day, monday) => {
    expect(weekKey(d(day))).toBe(monday);
  });

  it("uses the UTC calendar date even late in the day", () => {
    expect(weekKey(new Date("2026-10-04T23:30:00Z"))).toBe("2026-09-28");
  });
});

describe("isSchoolDay", () => {
  it.each([
    ["2026-10-12", true, "Monday"],
    ["2026-10-16", true, "Friday before the break"],
    ["2026-10-10", false, "Saturday"],
    ["2026-10-11", false, "Sunday"],
    ["2026-10-19", false, "Monday in the break"],
    ["2026-10-23", false, "Friday in the break"],
    ["2026-10-26", true, "Monday after the break"],
    ["2026-11-04", true, "Wednesday before the days off"],
    ["2026-11-05", false, "first day of a short holiday"],
    ["2026-11-06", false, "last day of a short holiday (inclusive)"],
  ])("%s → %s (%s)", (day, expected) => {
    expect(isSchoolDay(d(day), holidays)).toBe(expected);
  });

  it("treats a time on the last holiday day as that day", () => {
    expect(isSchoolDay(new Date("2026-11-06T14:00:00Z"), holidays)).toBe(false);
  });

  it("without holidays every weekday is a school day", () => {
    expect(isSchoolDay(d("2026-10-21"), [])).toBe(true);
  });
});

describe("schoolWeeks", () => {
  it("lists ISO weeks in order and skips a full holiday week", () => {
    expect(summary("2026-09-28", "2026-11-13")).toEqual([
      "2026-09-28:5",
      "2026-10-05:5",
      "2026-10-12:5",
      "2026-10-26:5",
      "2026-11-02:3",
      "2026-11-09:5",
    ]);
  });

  it("keeps a partial holiday week as a school week with fewer days", () => {
    const [week] = schoolWeeks(d("2026-11-02"), d("2026-11-08"), holidays);
    expect(week).toEqual({
      monday: d("2026-11-02"),
      key: "2026-11-02",
      schoolDays: 3,
      schoolDayKeys: ["2026-11-02", "2026-11-03", "2026-11-04"],
    });
  });

  it.each([
    ["2026-09-30", "2026-10-06", ["2026-09-28:3", "2026-10-05:2"], "starts on a Wednesday, ends on a Tuesday"],
    ["2026-10-03", "2026-10-04", [], "a weekend only"],
    ["2026-10-17", "2026-10-25", [], "the holiday only"],
    ["2026-10-10", "2026-10-26", ["2026-10-12:5", "2026-10-26:1"], "around the break"],
    ["2026-10-05", "2026-10-05", ["2026-10-05:1"], "a single Monday"],
    ["2026-10-09", "2026-10-05", [], "from after to"],
  ])("%s – %s → %j (%s)", (from, to, expected) => {
    expect(summary(from, to)).toEqual(expected);
  });

  it("counts only the range's days when a holiday crosses its edge", () => {
    expect(schoolWeeks(d("2026-10-01"), d("2026-10-14"), [{ startsOn: d("2026-09-20"), endsOn: d("2026-10-01") }])).toMatchObject([
      { key: "2026-09-28", schoolDays: 1, schoolDayKeys: ["2026-10-02"] },
      { key: "2026-10-05", schoolDays: 5 },
      { key: "2026-10-12", schoolDays: 3 },
    ]);
  });
});
