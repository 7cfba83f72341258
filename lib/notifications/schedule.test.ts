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

describe("a school's own quiet hours", () => {
  const early = { start: "20:00", end: "08:00" };
  const lunch = { start: "12:00", end: "13:30" };
  const none = { start: "07:00", end: "07:00" };

  it.each([
    [early, "19:59", false], [early, "20:00", true], [early, "07:59", true], [early, "08:00", false],
    [lunch, "11:59", false], [lunch, "12:00", true], [lunch, "13:29", true], [lunch, "13:30", false], [lunch, "23:00", false],
    [none, "07:00", false], [none, "23:30", false], [none, "03:00", false],
  ])("%o at %s quiet: %s", (quiet, hhmm, expected) => expect(inQuietHours(winter(hhmm), quiet)).toBe(expected));

  it("waits for the end of a window across midnight: the next morning from the evening, the same morning at night", () => {
    expect(iso(afterQuietHours(winter("20:30"), early))).toBe(iso(winter("08:00", 24)));
    expect(iso(afterQuietHours(winter("06:00"), early))).toBe(iso(winter("08:00")));
  });

  it("waits for the end of a window within one day on the same day", () => {
    expect(iso(afterQuietHours(winter("12:10"), lunch))).toBe(iso(winter("13:30")));
    expect(iso(afterQuietHours(winter("13:30"), lunch))).toBe(iso(winter("13:30")));
  });

  it("never delays when start and end are the same (no quiet hours)", () => {
    expect(iso(sendAfterFor(winter("23:00"), "SMS", "IMMEDIATE", 20, none))).toBe(iso(new Date(winter("23:00").getTime() + 20_000)));
  });

  it("applies the school's window to text messages only, the digest included", () => {
    expect(iso(sendAfterFor(winter("20:15"), "SMS", "IMMEDIATE", 20, early))).toBe(iso(winter("08:00", 24)));
    expect(iso(sendAfterFor(winter("20:15"), "EMAIL", "IMMEDIATE", 20, early))).toBe(iso(new Date(winter("20:15").getTime() + 20_000)));
    expect(iso(sendAfterFor(winter("09:00"), "SMS", "DAILY_DIGEST", 20, { start: "17:00", end: "07:30" }))).toBe(iso(winter("07:30", 24)));
  });

  it("falls back to 21:00–07:30 when a stored time is unreadable", () => {
    expect(inQuietHours(winter("22:00"), { start: "9 uur", end: "07:30" })).toBe(true);
    expect(inQuietHours(winter("12:00"), { start: "25:00", end: "07:30" })).toBe(false);
  });

  it("follows summer time", () => {
    expect(afterQuietHours(new Date("2026-06-10T20:30:00+02:00"), early).toISOString()).toBe("2026-06-11T06:00:00.000Z");
  });
});
