import ical, { ICalEventStatus } from "ical-generator";

// Calendar files (RFC 5545) with ical-generator (decision 0025). Times are
// written in UTC ("…Z"), which every calendar converts to its own zone, so a
// parent evening at 19:30 stays at 19:30 in Amsterdam on both sides of a
// daylight-saving change without shipping a VTIMEZONE.

export type IcsEvent = {
  id: string; title: string; description: string | null; place: string | null;
  startsAt: Date; endsAt: Date; cancelledAt: Date | null; updatedAt: Date;
};

/** A calendar with the events; `name` is the calendar's title in the guardian's language. */
export function eventsCalendar(name: string, events: IcsEvent[], now: Date = new Date()): string {
  const calendar = ical({ name, prodId: { company: "Schoolkompas", product: "events", language: "NL" } });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.id}@schoolkompas`,
      start: event.startsAt,
      end: event.endsAt,
      stamp: now,
      lastModified: event.updatedAt,
      summary: event.title,
      description: event.description ?? undefined,
      location: event.place ?? undefined,
      status: event.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A file name without anything a header could trip over: letters, digits and dashes. */
export function calendarFileName(base: string): string {
  const safe = base.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
  return `${safe || "calendar"}.ics`;
}
