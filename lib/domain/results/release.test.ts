import { describe, expect, it } from "vitest";
import { isReleased, releaseCutoff } from "@/lib/domain/results/release";

const fixed = { gradeReleaseMode: "FIXED_TIME", gradeReleaseTime: "17:00" } as const;
// Amsterdam is UTC+1 in winter: 17:00 local = 16:00 UTC.

describe("releaseCutoff", () => {
  it("shows everything at once by default", () => {
    const now = new Date("2026-11-24T21:30:00Z");
    expect(releaseCutoff({ gradeReleaseMode: "IMMEDIATE", gradeReleaseTime: "17:00" }, now)).toEqual(now);
  });

  it("holds a grade entered in the evening until 17:00 the next school day", () => {
    const entered = new Date("2026-11-24T20:00:00Z"); // Tuesday 21:00
    expect(isReleased(entered, releaseCutoff(fixed, new Date("2026-11-24T22:00:00Z")))).toBe(false);
    expect(isReleased(entered, releaseCutoff(fixed, new Date("2026-11-25T15:59:00Z")))).toBe(false);
    expect(isReleased(entered, releaseCutoff(fixed, new Date("2026-11-25T16:00:00Z")))).toBe(true);
  });

  it("releases a morning grade the same day at 17:00", () => {
    const entered = new Date("2026-11-24T09:00:00Z");
    expect(releaseCutoff(fixed, new Date("2026-11-24T16:30:00Z"))).toEqual(new Date("2026-11-24T16:00:00Z"));
    expect(isReleased(entered, releaseCutoff(fixed, new Date("2026-11-24T16:30:00Z")))).toBe(true);
  });

  it("skips the weekend: Friday evening's grade appears on Monday", () => {
    const entered = new Date("2026-11-27T19:00:00Z"); // Friday 20:00
    expect(releaseCutoff(fixed, new Date("2026-11-29T12:00:00Z"))).toEqual(new Date("2026-11-27T16:00:00Z")); // Sunday
    expect(isReleased(entered, releaseCutoff(fixed, new Date("2026-11-30T16:00:00Z")))).toBe(true);
  });

  it("follows daylight saving time (17:00 local is 15:00 UTC in summer)", () => {
    expect(releaseCutoff(fixed, new Date("2026-06-10T15:30:00Z"))).toEqual(new Date("2026-06-10T15:00:00Z"));
  });
});
