import { describe, expect, it } from "vitest";
import { AbsenceInput, LESSON_MINUTES, absenceFormValues, lessonRange, lastSchoolDay, requestedAbsenceDay } from "@/lib/domain/attendance/schemas";
import { dutchToday } from "@/lib/domain/calendar/dates";

// 2026-11-23 is a Monday.
const valid = { pupilId: "p1", date: "2026-11-23", fromLesson: "3", toLesson: "5", kind: "UNAUTHORISED", minutes: "", reason: "" };

function errorOf(overrides: Record<string, unknown>, field: string) {
  const result = AbsenceInput.safeParse({ ...valid, ...overrides });
  expect(result.success).toBe(false);
  return result.error?.issues.find((i) => i.path[0] === field)?.message;
}

describe("AbsenceInput", () => {
  it("reads a form: whole lessons count 50 minutes, an empty reason is null", () => {
    const result = AbsenceInput.parse(valid);
    expect(result).toEqual({
      pupilId: "p1", date: new Date("2026-11-23T00:00:00Z"), fromLesson: 3, toLesson: 5, kind: "UNAUTHORISED", minutes: LESSON_MINUTES, reason: null, pupilReason: null,
    });
  });

  it("keeps the pupil's own reason in its own field, trimmed, at most 200 characters (decision 0023)", () => {
    expect(AbsenceInput.parse({ ...valid, reason: "Niet verschenen", pupilReason: "  bus gemist " })).toMatchObject({ reason: "Niet verschenen", pupilReason: "bus gemist" });
    const tooLong = AbsenceInput.safeParse({ ...valid, pupilReason: "x".repeat(201) });
    expect(tooLong.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["pupilReason", "pupilReasons.tooLong"]]);
  });

  it("late arrival keeps the minutes late; other kinds ignore a minutes field", () => {
    expect(AbsenceInput.parse({ ...valid, kind: "LATE", fromLesson: "1", toLesson: "1", minutes: "12" }).minutes).toBe(12);
    expect(AbsenceInput.parse({ ...valid, kind: "SICK", minutes: "12" }).minutes).toBe(LESSON_MINUTES);
  });

  it("trims the reason", () => {
    expect(AbsenceInput.parse({ ...valid, reason: "  tandarts  " }).reason).toBe("tandarts");
    expect(AbsenceInput.parse({ ...valid, reason: "   " }).reason).toBeNull();
  });

  it("accepts every kind, including removed from class", () => {
    for (const kind of ["SICK", "AUTHORISED", "UNAUTHORISED", "REMOVED"]) expect(AbsenceInput.safeParse({ ...valid, kind }).success).toBe(true);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ["an unknown kind", { kind: "HOLIDAY" }, "kind", "absenceErrors.kind"],
    ["no kind", { kind: undefined }, "kind", "absenceErrors.kind"],
    ["a reversed lesson range", { fromLesson: "5", toLesson: "3" }, "toLesson", "absenceErrors.lessonRange"],
    ["lesson 0", { fromLesson: "0" }, "fromLesson", "absenceErrors.lesson"],
    ["lesson 11", { toLesson: "11" }, "toLesson", "absenceErrors.lesson"],
    ["a lesson that is not a number", { fromLesson: "derde" }, "fromLesson", "absenceErrors.lesson"],
    ["no lesson", { fromLesson: "" }, "fromLesson", "absenceErrors.lesson"],
    ["late without minutes", { kind: "LATE", fromLesson: "1", toLesson: "1", minutes: "" }, "minutes", "absenceErrors.minutesRequired"],
    ["late 0 minutes", { kind: "LATE", fromLesson: "1", toLesson: "1", minutes: "0" }, "minutes", "absenceErrors.minutes"],
    ["late 51 minutes", { kind: "LATE", fromLesson: "1", toLesson: "1", minutes: "51" }, "minutes", "absenceErrors.minutes"],
    ["late in half minutes", { kind: "LATE", fromLesson: "1", toLesson: "1", minutes: "2.5" }, "minutes", "absenceErrors.minutes"],
    ["late over several lessons", { kind: "LATE", fromLesson: "1", toLesson: "2", minutes: "10" }, "toLesson", "absenceErrors.lateOneLesson"],
    ["a reason over 200 characters", { reason: "x".repeat(201) }, "reason", "absenceErrors.reasonTooLong"],
    ["a malformed date", { date: "23-11-2026" }, "date", "absenceErrors.date"],
    ["a day that does not exist", { date: "2026-02-30" }, "date", "absenceErrors.date"],
    ["a Saturday", { date: "2026-11-21" }, "date", "absenceErrors.weekend"],
    ["a Sunday", { date: "2026-11-22" }, "date", "absenceErrors.weekend"],
    ["no pupil", { pupilId: "" }, "pupilId", "absenceErrors.invalid"],
  ];
  for (const [name, overrides, field, key] of cases) {
    it(`rejects ${name} with ${key}`, () => {
      expect(errorOf(overrides, field)).toBe(key);
    });
  }

  it("accepts a reason of exactly 200 characters and late by 50 minutes", () => {
    expect(AbsenceInput.safeParse({ ...valid, reason: "x".repeat(200) }).success).toBe(true);
    expect(AbsenceInput.safeParse({ ...valid, kind: "LATE", fromLesson: "2", toLesson: "2", minutes: "50" }).success).toBe(true);
  });

  it("reports several problems at once", () => {
    const result = AbsenceInput.safeParse({ ...valid, fromLesson: "6", toLesson: "2", reason: "x".repeat(201) });
    const messages = result.error?.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["absenceErrors.lessonRange", "absenceErrors.reasonTooLong"]));
  });
});

describe("helpers", () => {
  it("lessonRange includes both ends", () => {
    expect(lessonRange(3, 5)).toEqual([3, 4, 5]);
    expect(lessonRange(2, 2)).toEqual([2]);
    expect(lessonRange(5, 3)).toEqual([]);
  });

  it("absenceFormValues reads only strings", () => {
    const form = new FormData();
    form.set("pupilId", "p1");
    form.set("kind", "LATE");
    expect(absenceFormValues(form)).toMatchObject({ pupilId: "p1", kind: "LATE", minutes: undefined });
  });

  it("requestedAbsenceDay is a real day up to today, else null (the page then picks the day)", () => {
    const today = new Date("2026-11-25T00:00:00Z");
    expect(requestedAbsenceDay("2026-11-23", today)).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(requestedAbsenceDay("2026-11-25", today)).toEqual(today);
    expect(requestedAbsenceDay(undefined, today)).toBeNull();
    expect(requestedAbsenceDay("gisteren", today)).toBeNull();
    expect(requestedAbsenceDay("2026-11-26", today)).toBeNull();
  });
});

describe("the absence form's day: the last school day", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  /** A Dutch wall-clock moment in winter time (UTC+1); the clock is injected, as the page does with `new Date()`. */
  const at = (iso: string, time: string) => dutchToday(new Date(`${iso}T${time}:00+01:00`));
  // Christmas holiday; Good Friday and Easter Monday 2027 are holidays too (national days are SchoolHoliday rows).
  const holidays = [
    { startsOn: day("2026-12-21"), endsOn: day("2027-01-01") },
    { startsOn: day("2027-03-26"), endsOn: day("2027-03-26") },
    { startsOn: day("2027-03-29"), endsOn: day("2027-03-29") },
  ];

  it.each([
    ["a normal Tuesday: that day", at("2026-12-01", "10:00"), "2026-12-01"],
    ["a Saturday: the Friday before", at("2026-11-28", "10:00"), "2026-11-27"],
    ["just after midnight on Saturday (still Friday in UTC): Friday", at("2026-11-28", "00:30"), "2026-11-27"],
    ["a Sunday: the Friday before", at("2026-11-29", "21:00"), "2026-11-27"],
    ["Easter Monday (a holiday, after Good Friday): the Thursday before", at("2027-03-29", "09:00"), "2027-03-25"],
    ["the Tuesday after Easter: that day", at("2027-03-30", "09:00"), "2027-03-30"],
    ["the first Monday of the Christmas holiday: the Friday before it", at("2026-12-21", "08:00"), "2026-12-18"],
    ["New Year's Day (in the holiday, a Friday): 18 December", at("2027-01-01", "12:00"), "2026-12-18"],
  ])("%s", (_, today, expected) => {
    expect(lastSchoolDay(today, holidays).toISOString().slice(0, 10)).toBe(expected);
  });

  it("is today when there was no school day in the registration window (a long summer holiday)", () => {
    const summer = [{ startsOn: day("2027-07-10"), endsOn: day("2027-08-22") }];
    const today = at("2027-08-20", "10:00");
    expect(lastSchoolDay(today, summer)).toEqual(today);
  });
});
