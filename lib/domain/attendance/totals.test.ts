import { describe, expect, it } from "vitest";
import { groupByDay, isUnauthorisedAbsence, sumTotals, totalsByKind } from "@/lib/domain/attendance/totals";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const records = [
  { date: d("2026-09-01"), kind: "SICK", minutes: 300 },
  { date: d("2026-09-02"), kind: "SICK", minutes: 50 },
  { date: d("2026-11-10"), kind: "UNAUTHORISED", minutes: 50 },
  { date: d("2026-11-12"), kind: "LATE", minutes: 10 },
  { date: d("2026-11-20"), kind: "AUTHORISED", minutes: 100 },
] as const;

describe("totalsByKind", () => {
  it("counts occurrences and minutes of every kind", () => {
    const totals = totalsByKind(records);
    expect(totals.SICK).toEqual({ count: 2, minutes: 350 });
    expect(totals.LATE).toEqual({ count: 1, minutes: 10 });
    expect(sumTotals(totals)).toEqual({ count: 5, minutes: 510 });
  });

  it("limits to a term, both ends inclusive", () => {
    const term = totalsByKind(records, d("2026-11-10"), d("2026-11-20"));
    expect(term.SICK.count).toBe(0);
    expect(term.UNAUTHORISED).toEqual({ count: 1, minutes: 50 });
    expect(term.AUTHORISED).toEqual({ count: 1, minutes: 100 });
  });

  it("gives zeros for every kind when there is nothing", () => {
    expect(totalsByKind([])).toEqual({
      SICK: { count: 0, minutes: 0 },
      AUTHORISED: { count: 0, minutes: 0 },
      UNAUTHORISED: { count: 0, minutes: 0 },
      LATE: { count: 0, minutes: 0 },
      REMOVED: { count: 0, minutes: 0 },
    });
  });

  it("knows which absences are unauthorised", () => {
    expect(records.filter(isUnauthorisedAbsence)).toHaveLength(1);
  });
});

describe("groupByDay", () => {
  it("folds the lessons of one day and kind into one line, newest first", () => {
    const days = groupByDay([
      { date: d("2026-11-03"), kind: "SICK", minutes: 50 },
      { date: d("2026-11-03"), kind: "SICK", minutes: 50 },
      { date: d("2026-11-03"), kind: "LATE", minutes: 10 },
      { date: d("2026-11-05"), kind: "UNAUTHORISED", minutes: 50 },
    ]);
    expect(days).toEqual([
      { date: d("2026-11-05"), kind: "UNAUTHORISED", lessons: 1, minutes: 50, reason: null, wholeDay: false },
      { date: d("2026-11-03"), kind: "LATE", lessons: 1, minutes: 10, reason: null, wholeDay: false },
      { date: d("2026-11-03"), kind: "SICK", lessons: 2, minutes: 100, reason: null, wholeDay: false },
    ]);
  });

  it("marks a day reported as a whole (no lesson hour) as a whole day, not as one lesson", () => {
    const days = groupByDay([
      { date: d("2026-11-09"), kind: "SICK", minutes: 300, lessonHour: null },
      { date: d("2026-11-10"), kind: "SICK", minutes: 50, lessonHour: 2 },
    ]);
    expect(days.map((day) => [day.wholeDay, day.lessons])).toEqual([[false, 1], [true, 0]]);
  });

  it("keeps each reason the pupil gave that day once, and none where there are none", () => {
    const days = groupByDay([
      { date: d("2026-11-12"), kind: "UNAUTHORISED", minutes: 50, pupilReason: "bus gemist" },
      { date: d("2026-11-12"), kind: "UNAUTHORISED", minutes: 50, pupilReason: "huisarts" },
      { date: d("2026-11-12"), kind: "UNAUTHORISED", minutes: 50, pupilReason: "bus gemist" },
      { date: d("2026-11-12"), kind: "UNAUTHORISED", minutes: 50, pupilReason: null },
      { date: d("2026-11-11"), kind: "LATE", minutes: 5 },
    ]);
    expect(days.map((day) => day.pupilReasons)).toEqual([["bus gemist", "huisarts"], undefined]);
  });
});
