import { dateFormat } from "@/lib/i18n/fast-format";
import { dutchToday } from "@/lib/domain/calendar/dates";

/** Start and end of an event in Europe/Amsterdam in the reader's language; the end as a time only when it is the same day. */
export function eventTimes(locale: string, startsAt: Date, endsAt: Date): { start: string; end: string } {
  const sameDay = dutchToday(startsAt).getTime() === dutchToday(endsAt).getTime();
  return {
    start: dateFormat(locale, "eventStart").format(startsAt),
    end: dateFormat(locale, sameDay ? "time" : "eventStart").format(endsAt),
  };
}

/** The calendar file of one child's events, or one of them, or of all children. */
export function calendarHref(pupilId?: string, eventId?: string): string {
  const query = new URLSearchParams();
  if (pupilId) query.set("pupil", pupilId);
  if (eventId) query.set("event", eventId);
  const text = query.toString();
  return `/api/events/calendar${text ? `?${text}` : ""}`;
}
