import { TZDate } from "@date-fns/tz";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";
import { adjacent, type SlotTime } from "@/lib/domain/conferences/slots";
import { afterQuietHours, type QuietHours } from "@/lib/notifications/schedule";
import type { AlertChannel } from "@/lib/generated/prisma/enums";

// The booking rules that need no database: pure, unit-tested.

export type ParentMode = "SHARED" | "SEPARATE";

/**
 * The household a booking belongs to: SHARED rounds have one conversation per
 * child and host (""), SEPARATE rounds one per household as the school's
 * administration names it, or per guardian when it names none.
 */
export function householdKey(mode: ParentMode, link: { household: string | null }, guardianId: string): string {
  if (mode === "SHARED") return "";
  return link.household?.trim() ? `h:${link.household.trim()}` : `g:${guardianId}`;
}

/** Booking, moving and cancelling are open from bookingOpensAt until (not including) bookingClosesAt. */
export function windowOpen(round: { bookingOpensAt: Date; bookingClosesAt: Date }, now: Date): boolean {
  return round.bookingOpensAt <= now && now < round.bookingClosesAt;
}

/** The Dutch calendar day of a moment, "YYYY-MM-DD": slots are grouped per evening by it. */
export function eveningOf(moment: Date): string {
  const t = new TZDate(moment.getTime(), SCHOOL_TIME_ZONE);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}

/** Reminders go the day before the conversation at this Dutch time. */
export const REMINDER_AT = { hour: 18, minute: 0 } as const;

/**
 * When a reminder may go: the Dutch calendar day before the conversation at
 * 18:00, or now when that has passed; a text message never in quiet hours.
 */
export function reminderSendAfter(startsAt: Date, now: Date, channel: AlertChannel, quiet: QuietHours): Date {
  const t = new TZDate(startsAt.getTime(), SCHOOL_TIME_ZONE);
  const dayBefore = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() - 1, REMINDER_AT.hour, REMINDER_AT.minute, 0, SCHOOL_TIME_ZONE);
  let at = new Date(Math.max(dayBefore.getTime(), now.getTime()));
  if (channel === "SMS") at = afterQuietHours(at, quiet);
  return at;
}

/** The free slots nearest to the one that was wanted (by time), at most `count`. */
export function nearestSlots<S extends SlotTime>(free: S[], wanted: Date, count: number): S[] {
  return [...free]
    .sort((a, b) => Math.abs(a.startsAt.getTime() - wanted.getTime()) - Math.abs(b.startsAt.getTime() - wanted.getTime()) || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, count);
}

/** The slot directly after `slot` among `slots` (an interpreter request takes both). */
export function followingSlot<S extends SlotTime>(slot: SlotTime, slots: S[]): S | null {
  return slots.find((s) => adjacent(slot, s)) ?? null;
}

/**
 * Siblings back to back: the earliest pair of free slots, one for each child
 * with that child's host, on the same evening, the second starting when the
 * first ends (either child first). With the same host the two slots follow
 * each other. Null when there is none.
 */
export function backToBack<S extends SlotTime & { id: string }>(first: S[], second: S[]): { first: S; second: S } | null {
  const pairs: { first: S; second: S; at: number }[] = [];
  for (const a of first) {
    for (const b of second) {
      if (a.id === b.id) continue;
      if (adjacent(a, b) || adjacent(b, a)) {
        if (eveningOf(a.startsAt) === eveningOf(b.startsAt)) pairs.push({ first: a, second: b, at: Math.min(a.startsAt.getTime(), b.startsAt.getTime()) });
      }
    }
  }
  pairs.sort((x, y) => x.at - y.at);
  return pairs[0] ? { first: pairs[0].first, second: pairs[0].second } : null;
}
