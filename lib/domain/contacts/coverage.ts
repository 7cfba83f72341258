import type { Tone } from "@/lib/generated/prisma/enums";
import { dutchToday } from "@/lib/domain/calendar/dates";

const DAY_MS = 86_400_000;

export type MomentLike = { id: string; occurredOn: Date; createdAt: Date; tone: Tone; followUpOn: Date | null };

export type Coverage = {
  last: { occurredOn: Date; tone: Tone } | null;
  daysSinceLast: number | null;
  countThisYear: number;
  lastThreeAllConcern: boolean;
  notReached: boolean;
};

/** Newest first: by the day it happened, then by when it was logged. */
export function newestFirst<T extends Pick<MomentLike, "occurredOn" | "createdAt">>(moments: readonly T[]): T[] {
  return [...moments].sort((a, b) => b.occurredOn.getTime() - a.occurredOn.getTime() || b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * How well a family is reached. `moments` are this school year's contact
 * moments; a family is "not reached" when it has had none, or none for longer
 * than the school's threshold.
 */
export function coverageOf(moments: readonly MomentLike[], today: Date, thresholdWeeks: number): Coverage {
  const sorted = newestFirst(moments);
  const last = sorted[0] ?? null;
  const daysSinceLast = last ? Math.round((today.getTime() - last.occurredOn.getTime()) / DAY_MS) : null;
  const lastThree = sorted.slice(0, 3);
  return {
    last: last ? { occurredOn: last.occurredOn, tone: last.tone } : null,
    daysSinceLast,
    countThisYear: sorted.length,
    lastThreeAllConcern: lastThree.length === 3 && lastThree.every((m) => m.tone === "CONCERN"),
    notReached: daysSinceLast === null || daysSinceLast > thresholdWeeks * 7,
  };
}

/**
 * The open follow-up: the newest moment's follow-up date, if any. Logging a
 * newer contact moment is the follow-up, so older dates no longer count.
 */
export function openFollowUp<T extends MomentLike>(moments: readonly T[]): T | null {
  const newest = newestFirst(moments)[0];
  return newest?.followUpOn ? newest : null;
}

export function isDue(followUpOn: Date, today: Date): boolean {
  return followUpOn.getTime() <= today.getTime();
}

/**
 * A conference the family did not come to counts as a contact attempt
 * (docs/decisions/0028): the school tried. It is not a contact — "not reached"
 * and the count stay as they are — but the list shows the attempt (its Dutch
 * day) while it is newer than the last contact moment.
 */
export function attemptAfter(last: Coverage["last"], lastNoShowAt: Date | null): Date | null {
  if (!lastNoShowAt) return null;
  const day = dutchToday(lastNoShowAt);
  return !last || day.getTime() > last.occurredOn.getTime() ? day : null;
}
