import { TZDate } from "@date-fns/tz";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";

// The school types times as they read them on the wall clock in the
// Netherlands; rounds and slots store instants (UTC).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * "2026-12-10" + "19:00" in Europe/Amsterdam → the instant, or null when the
 * day or time is not real (31 February, 25:00) or the time does not exist
 * that day (the hour skipped when the clocks go forward).
 */
export function amsterdamInstant(day: string, time: string): Date | null {
  const d = DAY.exec(day);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, date] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hours, minutes] = [Number(t[1]), Number(t[2])];
  if (year < 2000 || year > 2100) return null;
  const local = new TZDate(year, month - 1, date, hours, minutes, 0, SCHOOL_TIME_ZONE);
  // Roll-over (31 February → 3 March) or a skipped hour comes back different.
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== date || local.getHours() !== hours || local.getMinutes() !== minutes) return null;
  return new Date(local.getTime());
}

/** "2026-12-10T19:00" (a datetime-local input) → the instant in Europe/Amsterdam, or null. */
export function amsterdamDateTime(value: string): Date | null {
  const [day, time] = value.split("T");
  return day && time ? amsterdamInstant(day, time.slice(0, 5)) : null;
}

/** The wall-clock day and time of an instant in Europe/Amsterdam ("2026-12-10", "19:00"), for inputs and grouping. */
export function amsterdamParts(instant: Date): { day: string; time: string } {
  const local = new TZDate(instant.getTime(), SCHOOL_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { day: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`, time: `${pad(local.getHours())}:${pad(local.getMinutes())}` };
}
