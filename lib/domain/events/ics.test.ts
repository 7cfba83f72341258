import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { calendarFileName, eventsCalendar } from "@/lib/domain/events/ics";

const base = { description: null, place: null, cancelledAt: null, updatedAt: new Date("2026-10-01T10:00:00Z") };

describe("eventsCalendar", () => {
  it("writes UTC times, the school's text as written, and a cancelled event as CANCELLED", () => {
    const text = eventsCalendar("School van Sanne", [
      { ...base, id: "e1", title: "Ouderavond, klas 2; welkom", place: "Aula", description: "Regel 1\nRegel 2", startsAt: new Date("2026-10-24T17:30:00Z"), endsAt: new Date("2026-10-24T19:00:00Z") },
      { ...base, id: "e2", title: "Open dag", startsAt: new Date("2026-10-26T09:00:00Z"), endsAt: new Date("2026-10-26T13:00:00Z"), cancelledAt: new Date("2026-10-02T08:00:00Z") },
    ], new Date("2026-10-01T10:00:00Z"));
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.summary, e.location, e.description, e.startDate.toJSDate().toISOString(), e.component.getFirstPropertyValue("status")])).toEqual([
      ["Ouderavond, klas 2; welkom", "Aula", "Regel 1\nRegel 2", "2026-10-24T17:30:00.000Z", "CONFIRMED"],
      ["Open dag", null, null, "2026-10-26T09:00:00.000Z", "CANCELLED"],
    ]);
    expect(text).toContain("DTSTART:20261026T090000Z");
  });
});

describe("calendarFileName", () => {
  it("keeps letters and digits only", () => {
    expect(calendarFileName("Ouderavond \"2A\"; rm -rf /")).toBe("ouderavond-2a-rm-rf.ics");
    expect(calendarFileName("schoolkompas-Zoë")).toBe("schoolkompas-zoe.ics");
    expect(calendarFileName("مساء")).toBe("calendar.ics");
  });
});
