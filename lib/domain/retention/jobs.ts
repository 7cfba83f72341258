import "server-only";
import { db } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { retentionCutoffs } from "@/lib/domain/retention/rules";
import { SETTINGS_SELECT, settingsOf } from "@/lib/domain/retention/queries";
import { removeExpired, type RetentionCounts } from "@/lib/domain/retention/store";

/** How long a run's record (counts only) is kept. */
const RUN_HISTORY_DAYS = 400;

/**
 * The nightly job (no actor: it acts for every school by their own terms). Each school
 * in its own transaction: remove what is old enough, and record the counts. Running it
 * twice on one day removes nothing the second time.
 */
export async function unsafeApplyRetention(now: Date = new Date()): Promise<{ schoolId: string; removed: RetentionCounts }[]> {
  const today = dutchToday(now);
  const schools = await db.school.findMany({ select: { id: true, ...SETTINGS_SELECT }, orderBy: { id: "asc" } });
  const done: { schoolId: string; removed: RetentionCounts }[] = [];
  for (const school of schools) {
    const removed = await db.$transaction(async (tx) => {
      const counts = await removeExpired(tx, school.id, retentionCutoffs(today, settingsOf(school)));
      await tx.retentionRun.create({ data: { schoolId: school.id, ranAt: now, removed: counts } });
      return counts;
    });
    done.push({ schoolId: school.id, removed });
  }
  await db.retentionRun.deleteMany({ where: { ranAt: { lt: new Date(now.getTime() - RUN_HISTORY_DAYS * 86_400_000) } } });
  return done;
}
