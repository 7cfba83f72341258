import { TZDate } from "@date-fns/tz";
import type { AlertChannel, AlertTiming } from "@/lib/generated/prisma/enums";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";

// When a queued message may go out. Pure, so the rules are unit-tested.

/** Records registered within this window after the first one travel in the same message. */
export const DEFAULT_COALESCE_SECONDS = 20;
/** No text messages between 21:00 and 07:30 (Dutch time); e-mail is not delayed. */
export const QUIET_FROM_MINUTES = 21 * 60;
export const QUIET_UNTIL_MINUTES = 7 * 60 + 30;
/** Guardians who chose a daily digest hear about the day at 18:00. */
export const DIGEST_AT_MINUTES = 18 * 60;

export function coalesceSeconds(): number {
  const value = Number(process.env.ALERT_COALESCE_SECONDS);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_COALESCE_SECONDS;
}

function local(moment: Date): TZDate {
  return new TZDate(moment.getTime(), SCHOOL_TIME_ZONE);
}

function minutesOfDay(moment: Date): number {
  const t = local(moment);
  return t.getHours() * 60 + t.getMinutes();
}

/** The moment at a Dutch wall-clock time on the same local day as `moment`, plus `addDays`. */
function atLocal(moment: Date, minutes: number, addDays = 0): Date {
  const t = local(moment);
  const target = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + addDays, Math.floor(minutes / 60), minutes % 60, 0, SCHOOL_TIME_ZONE);
  return new Date(target.getTime());
}

/** True when a text message may not be sent at this moment. */
export function inQuietHours(moment: Date): boolean {
  const m = minutesOfDay(moment);
  return m >= QUIET_FROM_MINUTES || m < QUIET_UNTIL_MINUTES;
}

/** The first moment at or after `moment` outside quiet hours. */
export function afterQuietHours(moment: Date): Date {
  if (!inQuietHours(moment)) return moment;
  const m = minutesOfDay(moment);
  return atLocal(moment, QUIET_UNTIL_MINUTES, m >= QUIET_FROM_MINUTES ? 1 : 0);
}

export function sendAfterFor(
  now: Date,
  channel: AlertChannel,
  timing: AlertTiming,
  windowSeconds: number = coalesceSeconds(),
): Date {
  let at = new Date(now.getTime() + windowSeconds * 1000);
  // A digest goes out at 18:00; what is registered later that evening is sent as it comes.
  if (timing === "DAILY_DIGEST" && minutesOfDay(now) < DIGEST_AT_MINUTES) at = atLocal(now, DIGEST_AT_MINUTES);
  if (channel === "SMS") at = afterQuietHours(at);
  return at;
}
