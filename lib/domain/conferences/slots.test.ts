import { describe, expect, it } from "vitest";
import { adjacent, cutSlots } from "@/lib/domain/conferences/slots";

const at = (iso: string) => new Date(iso);

describe("cutSlots", () => {
  it("cuts a block into back-to-back slots and drops a slot that would run past the end", () => {
    const slots = cutSlots({ startsAt: at("2026-11-10T18:00:00Z"), endsAt: at("2026-11-10T18:35:00Z") }, { slotMinutes: 10, breakAfterSlots: null, breakMinutes: null });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-11-10T18:00:00.000Z", "2026-11-10T18:10:00.000Z", "2026-11-10T18:20:00.000Z"]);
    expect(slots[2].endsAt.toISOString()).toBe("2026-11-10T18:30:00.000Z");
  });

  it("puts a break after every n slots", () => {
    const slots = cutSlots({ startsAt: at("2026-11-10T18:00:00Z"), endsAt: at("2026-11-10T19:00:00Z") }, { slotMinutes: 15, breakAfterSlots: 2, breakMinutes: 10 });
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual(["18:00", "18:15", "18:40"]);
  });

  it("counts real minutes across the October clock change", () => {
    // 25 October 2026, 02:00–03:00 CEST→CET: the block holds three 40-minute slots in two real hours.
    const slots = cutSlots({ startsAt: at("2026-10-25T00:00:00Z"), endsAt: at("2026-10-25T02:00:00Z") }, { slotMinutes: 40, breakAfterSlots: null, breakMinutes: null });
    expect(slots).toHaveLength(3);
  });

  it("refuses a slot length that is not a positive whole number", () => {
    expect(() => cutSlots({ startsAt: at("2026-11-10T18:00:00Z"), endsAt: at("2026-11-10T19:00:00Z") }, { slotMinutes: 0, breakAfterSlots: null, breakMinutes: null })).toThrow(RangeError);
  });

  it("knows adjacent slots", () => {
    const [a, b, c] = cutSlots({ startsAt: at("2026-11-10T18:00:00Z"), endsAt: at("2026-11-10T19:00:00Z") }, { slotMinutes: 15, breakAfterSlots: 2, breakMinutes: 5 });
    expect(adjacent(a, b)).toBe(true);
    expect(adjacent(b, c)).toBe(false);
  });
});
