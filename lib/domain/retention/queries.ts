import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { retentionCutoffs, type RetentionSettings } from "@/lib/domain/retention/rules";
import { countExpired, type RetentionCounts } from "@/lib/domain/retention/store";

export const settingsOf = (s: { retentionResultsYears: number; retentionContactsYears: number; retentionAbsencesYears: number; retentionAuditYears: number }): RetentionSettings => ({
  results: s.retentionResultsYears, contacts: s.retentionContactsYears, absences: s.retentionAbsencesYears, audit: s.retentionAuditYears,
});

export const SETTINGS_SELECT = { retentionResultsYears: true, retentionContactsYears: true, retentionAbsencesYears: true, retentionAuditYears: true } as const;

/**
 * A school's retention terms for its board administrator, with the dry run: what the
 * nightly job would remove if it ran now, per kind, and its last runs. Counts only.
 */
export async function getRetention(actor: Actor, schoolId: string, now: Date = new Date()) {
  const school = await boardSchool(actor, schoolId, "schools:manage", { category: "retention", route: "/admin/schools/[schoolId]/retention" });
  const today = dutchToday(now);
  const row = await db.school.findUniqueOrThrow({ where: { id: school.id }, select: SETTINGS_SELECT });
  const settings = settingsOf(row);
  const cutoffs = retentionCutoffs(today, settings);
  const [preview, runs] = await Promise.all([
    countExpired(db, school.id, cutoffs),
    db.retentionRun.findMany({ where: { schoolId: school.id }, orderBy: { ranAt: "desc" }, take: 10, select: { id: true, ranAt: true, removed: true } }),
  ]);
  return { school, settings, cutoffs, preview, runs: runs.map((r) => ({ ...r, removed: r.removed as RetentionCounts })) };
}

export type RetentionOverview = Awaited<ReturnType<typeof getRetention>>;
