import { describe, expect, it } from "vitest";
import { amsterdamInputValue, amsterdamInstant, isUpcoming, reachesPupil, type EventAudienceFacts } from "@/lib/domain/events/audience";

const pupil = { schoolId: "s1", schoolYearId: "y1", classGroupId: "c2a", year: 2 };
const event = (facts: Partial<EventAudienceFacts>): EventAudienceFacts => ({
  schoolId: "s1", schoolYearId: "y1", audience: "SCHOOL", audienceYears: [], classIds: [], endsAt: new Date("2026-10-20T19:00:00Z"), ...facts,
});

describe("reachesPupil", () => {
  it("whole school: every pupil of the school in that school year", () => {
    expect(reachesPupil(event({}), pupil)).toBe(true);
    expect(reachesPupil(event({ schoolId: "s2" }), pupil)).toBe(false);
    expect(reachesPupil(event({ schoolYearId: "y0" }), pupil)).toBe(false);
  });

  it("years and classes: only the chosen ones", () => {
    expect(reachesPupil(event({ audience: "YEARS", audienceYears: [2, 3] }), pupil)).toBe(true);
    expect(reachesPupil(event({ audience: "YEARS", audienceYears: [3] }), pupil)).toBe(false);
    expect(reachesPupil(event({ audience: "CLASSES", classIds: ["c2a"] }), pupil)).toBe(true);
    expect(reachesPupil(event({ audience: "CLASSES", classIds: ["c2b"] }), pupil)).toBe(false);
    // A year list left over from another audience means nothing.
    expect(reachesPupil(event({ audience: "CLASSES", audienceYears: [2], classIds: [] }), pupil)).toBe(false);
    expect(reachesPupil(event({ audience: "CLASSES", classIds: ["c2a"], schoolId: "s2" }), pupil)).toBe(false);
  });
});

describe("isUpcoming", () => {
  it("until the event has ended", () => {
    const e = event({});
    expect(isUpcoming(e, new Date("2026-10-20T18:59:59Z"))).toBe(true);
    expect(isUpcoming(e, new Date("2026-10-20T19:00:00Z"))).toBe(false);
  });
});

describe("amsterdamInstant", () => {
  it("reads Dutch wall-clock time in summer and winter time", () => {
    expect(amsterdamInstant("2026-10-24T19:30")?.toISOString()).toBe("2026-10-24T17:30:00.000Z");
    expect(amsterdamInstant("2026-10-26T19:30")?.toISOString()).toBe("2026-10-26T18:30:00.000Z");
    expect(amsterdamInstant("2027-03-29T19:30")?.toISOString()).toBe("2027-03-29T17:30:00.000Z");
  });

  it("refuses what is no time in the Netherlands", () => {
    for (const value of ["", "2026-10-24", "2026-10-24 19:30", "2026-02-29T10:00", "2026-13-01T10:00", "2026-10-24T24:00", "2026-10-24T19:60", "2026-03-29T02:30", "x2026-10-24T19:30"]) {
      expect({ value, instant: amsterdamInstant(value) }).toEqual({ value, instant: null });
    }
  });

  it("gives the form's value back for a stored instant", () => {
    for (const value of ["2026-10-24T19:30", "2026-10-26T09:05", "2027-01-01T00:00"]) expect(amsterdamInputValue(amsterdamInstant(value)!)).toBe(value);
  });
});
