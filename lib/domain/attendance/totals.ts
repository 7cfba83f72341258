import type { AbsenceKind } from "@/lib/generated/prisma/enums";

export const ABSENCE_KINDS = ["SICK", "AUTHORISED", "UNAUTHORISED", "LATE", "REMOVED"] as const satisfies readonly AbsenceKind[];

export type AbsenceLike = { date: Date; kind: AbsenceKind; minutes: number };
export type AbsenceTotal = { count: number; minutes: number };
export type AbsenceTotals = Record<AbsenceKind, AbsenceTotal>;

export function isUnauthorisedAbsence(record: Pick<AbsenceLike, "kind">): boolean {
  return record.kind === "UNAUTHORISED";
}

/** Occurrences and minutes per kind, for records with from ≤ date ≤ to (calendar days). */
export function totalsByKind(records: readonly AbsenceLike[], from?: Date, to?: Date): AbsenceTotals {
  const totals = Object.fromEntries(ABSENCE_KINDS.map((kind) => [kind, { count: 0, minutes: 0 }])) as AbsenceTotals;
  for (const record of records) {
    if (from && record.date < from) continue;
    if (to && record.date > to) continue;
    totals[record.kind].count += 1;
    totals[record.kind].minutes += record.minutes;
  }
  return totals;
}

export function sumTotals(totals: AbsenceTotals): AbsenceTotal {
  return Object.values(totals).reduce((sum, t) => ({ count: sum.count + t.count, minutes: sum.minutes + t.minutes }), {
    count: 0,
    minutes: 0,
  });
}

/**
 * `wholeDay`: reported for the whole day (a guardian's sick report has no lesson hour).
 * `pupilReasons`: the reasons the pupil gave that day (each once), where the reader may see them (lib/auth/guardian-rights.ts).
 */
export type AbsenceDay = { date: Date; kind: AbsenceKind; lessons: number; minutes: number; reason: string | null; pupilReasons?: string[]; wholeDay: boolean };

/** Lesson-level records folded into one line per day and kind, newest first. */
export function groupByDay(records: readonly (AbsenceLike & { reason?: string | null; pupilReason?: string | null; lessonHour?: number | null })[]): AbsenceDay[] {
  const days = new Map<string, AbsenceDay>();
  for (const r of records) {
    const key = `${r.date.toISOString().slice(0, 10)}|${r.kind}`;
    const day = days.get(key) ?? { date: r.date, kind: r.kind, lessons: 0, minutes: 0, reason: null, wholeDay: false };
    if (r.lessonHour === null) day.wholeDay = true;
    else day.lessons += 1;
    day.minutes += r.minutes;
    day.reason ??= r.reason ?? null;
    // Lessons of one day can carry different reasons of the pupil: keep each.
    if (r.pupilReason) {
      day.pupilReasons ??= [];
      if (!day.pupilReasons.includes(r.pupilReason)) day.pupilReasons.push(r.pupilReason);
    }
    days.set(key, day);
  }
  return [...days.values()].sort((a, b) => b.date.getTime() - a.date.getTime() || a.kind.localeCompare(b.kind));
}
