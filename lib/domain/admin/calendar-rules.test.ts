import { describe, expect, it } from "vitest";
import { daysFrom, holidayProblem, numberedByDate, periodProblem, rangesOverlap, schoolYearStarting } from "@/lib/domain/admin/calendar-rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const r = (from: string, to: string) => ({ startsOn: d(from), endsOn: d(to) });
const year = schoolYearStarting(2030);

describe("school year", () => {
  it("runs 1 August – 31 July", () => expect(year).toEqual({ name: "2030-2031", ...r("2030-08-01", "2031-07-31") }));
});

describe("rangesOverlap", () => {
  it("counts a shared end day as overlap, the next day not", () => {
    expect(rangesOverlap(r("2030-10-01", "2030-10-10"), r("2030-10-10", "2030-10-20"))).toBe(true);
    expect(rangesOverlap(r("2030-10-01", "2030-10-10"), r("2030-10-11", "2030-10-20"))).toBe(false);
  });
});

describe("periodProblem", () => {
  const others = [r("2030-08-01", "2030-11-08")];
  it("accepts a term inside the year next to another", () => expect(periodProblem(r("2030-11-09", "2031-01-31"), year, others)).toBeNull());
  it.each([
    [r("2030-12-01", "2030-11-30"), { endsOn: "calendarErrors.endBeforeStart" }],
    [r("2031-06-01", "2031-08-31"), { startsOn: "calendarErrors.periodOutsideYear" }],
    [r("2030-07-31", "2030-09-01"), { startsOn: "calendarErrors.periodOutsideYear" }],
    [r("2030-11-08", "2031-01-31"), { startsOn: "calendarErrors.periodOverlap" }],
  ])("refuses %o", (period, problem) => expect(periodProblem(period, year, others)).toEqual(problem));
});

describe("holidayProblem", () => {
  const others = [r("2030-10-14", "2030-10-18")];
  it("accepts a one-day holiday inside a school year", () => expect(holidayProblem(r("2030-10-21", "2030-10-21"), [year], others)).toBeNull());
  it("accepts the summer holiday up to 31 July", () => expect(holidayProblem(r("2031-07-12", "2031-07-31"), [year], [])).toBeNull());
  it.each([
    [r("2030-10-18", "2030-10-22"), { startsOn: "calendarErrors.holidayOverlap" }],
    [r("2031-07-20", "2031-08-20"), { startsOn: "calendarErrors.holidayOutsideYear" }],
    [r("2030-10-22", "2030-10-21"), { endsOn: "calendarErrors.endBeforeStart" }],
    [r("2030-09-01", "2031-01-01"), { endsOn: "calendarErrors.holidayTooLong" }],
  ])("refuses %o", (holiday, problem) => expect(holidayProblem(holiday, [year], others)).toEqual(problem));
});

describe("numberedByDate", () => {
  it("numbers 1…n from the earliest, whatever the stored numbers", () => {
    const periods = [{ id: "c", ...r("2031-02-01", "2031-07-31") }, { id: "a", ...r("2030-08-01", "2030-11-08") }, { id: "b", ...r("2030-11-09", "2031-01-31") }];
    expect(numberedByDate(periods)).toEqual([{ id: "a", number: 1 }, { id: "b", number: 2 }, { id: "c", number: 3 }]);
  });
});

describe("daysFrom", () => {
  it("gives the days of a range from a day on, both ends inclusive", () => {
    expect(daysFrom(r("2030-11-04", "2030-11-08"), d("2030-11-06")).map((x) => x.toISOString().slice(0, 10))).toEqual(["2030-11-06", "2030-11-07", "2030-11-08"]);
    expect(daysFrom(r("2030-11-04", "2030-11-05"), d("2030-11-06"))).toEqual([]);
  });
});
