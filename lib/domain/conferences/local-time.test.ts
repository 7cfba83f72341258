import { describe, expect, it } from "vitest";
import { amsterdamDateTime, amsterdamInstant, amsterdamParts } from "@/lib/domain/conferences/local-time";

describe("Amsterdam wall-clock times", () => {
  it("turns winter and summer times into the right instants", () => {
    expect(amsterdamInstant("2026-12-10", "19:00")?.toISOString()).toBe("2026-12-10T18:00:00.000Z");
    expect(amsterdamInstant("2026-06-10", "19:00")?.toISOString()).toBe("2026-06-10T17:00:00.000Z");
    expect(amsterdamDateTime("2026-10-25T20:30")?.toISOString()).toBe("2026-10-25T19:30:00.000Z");
  });
  it("refuses days and times that do not exist", () => {
    expect(amsterdamInstant("2026-02-31", "19:00")).toBeNull();
    expect(amsterdamInstant("2026-12-10", "24:00")).toBeNull();
    expect(amsterdamInstant("2026-03-29", "02:30")).toBeNull();
    expect(amsterdamInstant("10-12-2026", "19:00")).toBeNull();
    expect(amsterdamDateTime("garbage")).toBeNull();
  });
  it("reads an instant back as the wall clock", () => {
    expect(amsterdamParts(new Date("2026-12-10T18:05:00Z"))).toEqual({ day: "2026-12-10", time: "19:05" });
  });
});
