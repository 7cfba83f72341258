import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";
import { intlTag } from "@/lib/i18n/config";

// Times of conference slots as the page shows them: Dutch wall-clock time,
// Latin digits in every language (decision 0003). Usable on server and client.

export type SlotChoice = { id: string; label: string; nextFree: boolean };
export type EveningChoice = { day: string; label: string; slots: SlotChoice[] };


export function timeLabel(locale: string, moment: Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: SCHOOL_TIME_ZONE, numberingSystem: "latn" }).format(moment);
}

export function dayLabel(locale: string, moment: Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), { weekday: "long", day: "numeric", month: "long", timeZone: SCHOOL_TIME_ZONE, numberingSystem: "latn" }).format(moment);
}

/** "18:30–18:40", with the day in front when asked (offers may lie on another evening). */
export function slotLabel(locale: string, startsAt: Date, endsAt: Date, withDay = false): string {
  const time = `${timeLabel(locale, startsAt)}–${timeLabel(locale, endsAt)}`;
  return withDay ? `${dayLabel(locale, startsAt)} ${time}` : time;
}
