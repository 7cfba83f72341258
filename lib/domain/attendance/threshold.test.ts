import { describe, expect, it } from "vitest";
import { schoolWeeks } from "@/lib/domain/attendance/school-weeks";
import {
  type AbsenceKindName,
  assessPupil,
  countsTowardThreshold,
  type ThresholdRecord,
  thresholdState,
  worstWindow,
} from "@/lib/domain/attendance/threshold";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const absent = (day: string, minutes: number, kind: AbsenceKindName = "UNAUTHORISED"): ThresholdRecord => ({
  date: d(day),
  kind,
  minutes,
});

// School weeks (Mondays): 09-07, 09-14, 09-21, 09-28, 10-05, 10-12, [autumn break 10-19 skipped],
// 10-26, 11-02 (Thursday and Friday off), 11-09.
const holidays = [
  { startsOn: d("2026-10-17"), endsOn: d("2026-10-25") },
  { startsOn: d("2026-11-05"), endsOn: d("2026-11-06") },
];
const term = schoolWeeks(d("2026-09-07"), d("2026-11-13"), holidays);
const window = (minutes: number, first: string, last: string) => ({ minutes, firstWeek: d(first), lastWeek: d(last) });

describe("thresholdState", () => {
  it.each([
    [0, "below"],
    [599, "below"],
    [600, "near"],
    [959, "near"],
    [960, "over"],
    [2400, "over"],
  ] as const)("%i minutes → %s", (minutes, state) => {
    expect(thresholdState(minutes)).toBe(state);
  });
});

describe("countsTowardThreshold", () => {
  it.each([
    ["UNAUTHORISED", true],
    ["LATE", true],
    ["SICK", false],
    ["AUTHORISED", false],
    ["REMOVED", false],
  ] as const)("%s → %s", (kind, counts) => {
    expect(countsTowardThreshold(kind)).toBe(counts);
  });
});

describe("worstWindow", () => {
  it.each([
    ["exactly 960 minutes", [absent("2026-09-07", 480), absent("2026-09-08", 480)], window(960, "2026-09-07", "2026-09-28")],
    ["959 minutes", [absent("2026-09-07", 480), absent("2026-09-08", 479)], window(959, "2026-09-07", "2026-09-28")],
    [
      "Monday of the first and Friday of the fourth week are both inside one window",
      [absent("2026-09-14", 480), absent("2026-10-09", 480)],
      window(960, "2026-09-14", "2026-10-05"),
    ],
    [
      "Monday of week 1 and Monday of week 5 are never in one window",
      [absent("2026-09-07", 480), absent("2026-10-05", 480)],
      window(480, "2026-09-07", "2026-09-28"),
    ],
    [
      "spread over five weeks: only the heaviest four consecutive count",
      ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05"].map((day, i) => absent(day, [100, 250, 250, 250, 250][i])),
      window(1000, "2026-09-14", "2026-10-05"),
    ],
    [
      "the autumn break is skipped, so the weeks around it are consecutive school weeks",
      [absent("2026-10-05", 240), absent("2026-10-12", 240), absent("2026-10-26", 240), absent("2026-11-02", 240)],
      window(960, "2026-10-05", "2026-11-02"),
    ],
    [
      "a partial holiday week is still one school week, and its days off do not count",
      [absent("2026-10-12", 320), absent("2026-10-26", 320), absent("2026-11-04", 320), absent("2026-11-05", 320)],
      window(960, "2026-10-05", "2026-11-02"),
    ],
    [
      "ten-minute late arrivals add up",
      Array.from({ length: 96 }, (_, i) => absent(["2026-09-07", "2026-09-15", "2026-09-23", "2026-10-01"][i % 4], 10, "LATE")),
      window(960, "2026-09-07", "2026-09-28"),
    ],
    [
      "late arrivals and unauthorised absence together",
      [absent("2026-09-07", 900), absent("2026-09-08", 10, "LATE"), absent("2026-09-09", 50, "LATE")],
      window(960, "2026-09-07", "2026-09-28"),
    ],
    [
      "a tie keeps the earliest window",
      [absent("2026-09-07", 500), absent("2026-11-13", 500)],
      window(500, "2026-09-07", "2026-09-28"),
    ],
    [
      "one heavy week sits in several windows; the earliest wins",
      [absent("2026-09-30", 700)],
      window(700, "2026-09-07", "2026-09-28"),
    ],
  ])("%s", (_, records, expected) => {
    expect(worstWindow(records, term)).toEqual(expected);
  });

  it.each([
    ["no records", []],
    ["sickness, authorised leave and removal from class", [absent("2026-09-07", 2000, "SICK"), absent("2026-09-08", 2000, "AUTHORISED"), absent("2026-09-09", 2000, "REMOVED")]],
    ["weekends", [absent("2026-09-12", 600), absent("2026-09-13", 600)]],
    ["the autumn break", [absent("2026-10-19", 600), absent("2026-10-23", 600)]],
    ["days off in a partial week", [absent("2026-11-05", 600), absent("2026-11-06", 600)]],
    ["before and after the range", [absent("2026-09-04", 600), absent("2026-11-16", 600)]],
    ["zero minutes", [absent("2026-09-07", 0)]],
  ])("gives null for %s", (_, records) => {
    expect(worstWindow(records, term)).toBeNull();
  });

  it("ignores the part of a week outside the range", () => {
    const weeks = schoolWeeks(d("2026-09-09"), d("2026-09-29"), holidays);
    const records = [absent("2026-09-07", 400), absent("2026-09-09", 100), absent("2026-09-29", 100), absent("2026-09-30", 400)];
    expect(worstWindow(records, weeks)).toEqual(window(200, "2026-09-07", "2026-09-28"));
  });

  it("uses every week when there are fewer than four", () => {
    const weeks = schoolWeeks(d("2026-10-12"), d("2026-10-30"), holidays);
    expect(weeks).toHaveLength(2);
    expect(worstWindow([absent("2026-10-16", 500), absent("2026-10-26", 500)], weeks)).toEqual(
      window(1000, "2026-10-12", "2026-10-26"),
    );
  });

  it("gives null without school weeks", () => {
    expect(worstWindow([absent("2026-09-07", 960)], [])).toBeNull();
  });
});

describe("assessPupil", () => {
  it.each([
    [[], "below", null],
    [[absent("2026-09-07", 599)], "below", window(599, "2026-09-07", "2026-09-28")],
    [[absent("2026-09-07", 600)], "near", window(600, "2026-09-07", "2026-09-28")],
    [[absent("2026-09-07", 959)], "near", window(959, "2026-09-07", "2026-09-28")],
    [[absent("2026-10-16", 480), absent("2026-11-02", 480)], "over", window(960, "2026-10-05", "2026-11-02")],
    [[absent("2026-09-07", 480), absent("2026-11-02", 480)], "below", window(480, "2026-09-07", "2026-09-28")],
  ] as const)("%j → %s", (records, state, expected) => {
    expect(assessPupil(records, term)).toEqual({ state, window: expected });
  });
});
