import { describe, expect, it } from "vitest";
import { afterQuietHours, inQuietHours, sendAfterFor } from "@/lib/notifications/schedule";

// Amsterdam is UTC+1 in winter (November) and UTC+2 in summer.
const winter = (hhmm: string, day = 23) => new Date(`2026-11-${String(day).padStart(2, "0")}T${hhmm}:00+01:00`);
const iso = (d: Date) => d.toISOString();

describe("quiet hours (21:00–07:30 Dutch time)", () => {
  it.each([
    ["20:59", false],
    ["21:00", true],
    ["23:59", true],
    ["00:00", true],
    ["07:29", true],
    ["07:30", false],
    ["12:00", false],
  ])("%s quiet: %s", (hhmm, quiet) => expect(inQuietHours(winter(hhmm))).toBe(quiet));

  it("moves an evening text to 07:30 the next morning and a night text to 07:30 the same morning", () => {
    expect(iso(afterQuietHours(winter("22:15")))).toBe(iso(winter("07:30", 24)));
    expect(iso(afterQuietHours(winter("03:00")))).toBe(iso(winter("07:30")));
    expect(iso(afterQuietHours(winter("10:00")))).toBe(iso(winter("10:00")));
  });

  it("uses summer time in summer", () => {
    expect(afterQuietHours(new Date("2026-06-10T22:00:00+02:00")).toISOString()).toBe("2026-06-11T05:30:00.000Z");
  });
});

describe("sendAfterFor", () => {
  it("waits the coalescing window, then sends e-mail even in quiet hours", () => {
    expect(iso(sendAfterFor(winter("10:00"), "EMAIL", "IMMEDIATE", 20))).toBe(iso(new Date(winter("10:00").getTime() + 20_000)));
    expect(iso(sendAfterFor(winter("22:00"), "EMAIL", "IMMEDIATE", 20))).toBe(iso(new Date(winter("22:00").getTime() + 20_000)));
  });

  it("delays a text message until quiet hours end", () => {
    expect(iso(sendAfterFor(winter("22:00"), "SMS", "IMMEDIATE", 20))).toBe(iso(winter("07:30", 24)));
    expect(iso(sendAfterFor(winter("20:59"), "SMS", "IMMEDIATE", 120))).toBe(iso(winter("07:30", 24)));
    expect(iso(sendAfterFor(winter("09:00"), "SMS", "IMMEDIATE", 0))).toBe(iso(winter("09:00")));
  });

  it("sends a daily digest at 18:00, and what comes in after 18:00 as it comes", () => {
    expect(iso(sendAfterFor(winter("09:12"), "EMAIL", "DAILY_DIGEST", 20))).toBe(iso(winter("18:00")));
    expect(iso(sendAfterFor(winter("09:12"), "SMS", "DAILY_DIGEST", 20))).toBe(iso(winter("18:00")));
    expect(iso(sendAfterFor(winter("19:00"), "EMAIL", "DAILY_DIGEST", 20))).toBe(iso(new Date(winter("19:00").getTime() + 20_000)));
    expect(iso(sendAfterFor(winter("21:30"), "SMS", "DAILY_DIGEST", 20))).toBe(iso(winter("07:30", 24)));
  });
});
