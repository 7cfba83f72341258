import { TZDate } from "@date-fns/tz";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/dates";

export type GradeReleaseSetting = { gradeReleaseMode: "IMMEDIATE" | "FIXED_TIME"; gradeReleaseTime: string };

/**
 * The moment up to which entered results are visible to parents. With a fixed
 * release time (e.g. 17:00) results entered after the last release moment wait
 * for the next one; release moments fall on school days (Mon–Fri), so a grade
 * entered on Friday evening appears on Monday at 17:00.
 */
export function releaseCutoff(setting: GradeReleaseSetting, now: Date = new Date()): Date {
  if (setting.gradeReleaseMode === "IMMEDIATE") return now;
  const [hours, minutes] = parseTime(setting.gradeReleaseTime);
  const local = new TZDate(now.getTime(), SCHOOL_TIME_ZONE);
  for (let daysBack = 0; daysBack < 8; daysBack++) {
    const candidate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - daysBack, hours, minutes, 0, SCHOOL_TIME_ZONE);
    const weekday = candidate.getDay();
    if (weekday !== 0 && weekday !== 6 && candidate.getTime() <= now.getTime()) return new Date(candidate.getTime());
  }
  return new Date(0);
}

export function isReleased(enteredAt: Date, cutoff: Date): boolean {
  return enteredAt.getTime() <= cutoff.getTime();
}

function parseTime(value: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? [Number(match[1]), Number(match[2])] : [17, 0];
}
