import { TZDate } from "@date-fns/tz";
import type { AlertChannel, AlertTiming } from "@/lib/generated/prisma/enums";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";

// When a queued message may go out. Pure, so the rules are unit-tested.

/** Records registered within this window after the first one travel in the same message. */
export const DEFAULT_COALESCE_SECONDS = 20;
/**
 * No text messages in a school's quiet hours (Dutch wall-clock "HH:MM", the
 * school's quietHoursStart/End); e-mail is not delayed. A window whose start
 * is later than its end crosses midnight (21:00–07:30); start = end means the
 * school has no quiet hours.
 */
export type QuietHours = { start: string; end: string };
/** The schema's default, for callers that know no school. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "07:30" };
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

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM"; null when unreadable. */
export function minutesOfTime(time: string): number | null {
  const match = HHMM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The window in minutes; an unreadable value falls back to the default, never to "no quiet hours". */
function windowOf(quiet: QuietHours): { from: number; until: number } {
  const from = minutesOfTime(quiet.start);
  const until = minutesOfTime(quiet.end);
  if (from === null || until === null) return windowOf(DEFAULT_QUIET_HOURS);
  return { from, until };
}

/** True when a text message may not be sent at this moment. */
export function inQuietHours(moment: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const { from, until } = windowOf(quiet);
  const m = minutesOfDay(moment);
  if (from === until) return false;
  return from < until ? m >= from && m < until : m >= from || m < until;
}

/** The first moment at or after `moment` outside quiet hours. */
export function afterQuietHours(moment: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!inQuietHours(moment, quiet)) return moment;
  const { until } = windowOf(quiet);
  // Quiet before `until` on the same local day ends today; quiet in the evening part of a window across midnight ends tomorrow.
  return atLocal(moment, until, minutesOfDay(moment) >= until ? 1 : 0);
}

export function sendAfterFor(
  now: Date,
  channel: AlertChannel,
  timing: AlertTiming,
  windowSeconds: number = coalesceSeconds(),
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): Date {
  let at = new Date(now.getTime() + windowSeconds * 1000);
  // A digest goes out at 18:00; what is registered later that evening is sent as it comes.
  if (timing === "DAILY_DIGEST" && minutesOfDay(now) < DIGEST_AT_MINUTES) at = atLocal(now, DIGEST_AT_MINUTES);
  if (channel === "SMS") at = afterQuietHours(at, quiet);
  return at;
}
