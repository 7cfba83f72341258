import { describe, expect, it } from "vitest";
import { calendarDay, formDay, parseFormDay } from "@/lib/domain/calendar/day-input";

describe("a typed calendar date", () => {
  it("is accepted only when the day exists", () => {
    expect(parseFormDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(parseFormDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const value of ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"]) expect(parseFormDay(value), value).toBeNull();
  });

  it("refuses other shapes, other types and years no form means", () => {
    for (const value of ["26-02-2026", "2026-2-3", "2026-02-03T00:00", " 2026-02-03", "", "0226-01-01", "1899-12-31", "3000-01-01", "20266-01-01"]) expect(parseFormDay(value), value).toBeNull();
    for (const value of [null, undefined, 20260203, ["2026-02-03"], new Date("2026-02-03")]) expect(parseFormDay(value)).toBeNull();
  });

  it("reads years before 100 as themselves, so they can be told apart from 19xx", () => {
    expect(calendarDay(99, 1, 1)?.getUTCFullYear()).toBe(99);
    expect(calendarDay(1999, 2, 29)).toBeNull();
    expect(calendarDay(2000, 2, 29)?.toISOString()).toBe("2000-02-29T00:00:00.000Z");
  });

  it("gives the form's message as the zod issue", () => {
    const field = formDay("contactErrors.occurredOn");
    expect(field.safeParse("2026-02-30").error?.issues[0].message).toBe("contactErrors.occurredOn");
    expect(field.safeParse(undefined).error?.issues[0].message).toBe("contactErrors.occurredOn");
    expect(field.parse("2026-03-02").toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });
});
