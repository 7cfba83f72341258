import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { DOMAINS, levelChange, type Domain } from "@/lib/domain/self-assessment/model";
import { schoolReachEvidence, type ReachEvidence } from "@/lib/domain/self-assessment/evidence";

export type DomainScore = { domain: Domain; level: number | null; note: string; sentence: string; publishedLevel: number | null; publishedSentence: string | null };
export type YearAssessment = {
  schoolYear: string;
  updatedAt: string | null;
  publishedAt: string | null;
  scores: (DomainScore & { change: number | null })[];
};
export type SelfAssessmentPage = {
  current: YearAssessment;
  /** Earlier school years, newest first, read-only; `change` is against the year before each. */
  history: YearAssessment[];
  /** A draft differs from what the public profile shows (or nothing is published yet). */
  unpublishedChanges: boolean;
  evidence: ReachEvidence;
};

const emptyScores = (): DomainScore[] =>
  DOMAINS.map((domain) => ({ domain, level: null, note: "", sentence: "", publishedLevel: null, publishedSentence: null }));

/**
 * The leader's self-assessment page: every school year's scores of the
 * leader's own school (one statement) and the reach evidence (one statement,
 * in parallel). School-level data, no pupil named: nothing to audit.
 */
export async function getSelfAssessmentPage(actor: Actor, now: Date): Promise<SelfAssessmentPage> {
  assertCan(actor, "selfAssessment:manage");
  const schoolId = actor.schoolId;
  if (!schoolId) throw new AppError("forbidden");
  const thisYear = schoolYearOf(dutchToday(now)).name;
  const [rows, evidence] = await Promise.all([
    db.selfAssessment.findMany({
      where: { schoolId, schoolYear: { name: { lte: thisYear } } },
      orderBy: { schoolYear: { name: "desc" } },
      select: {
        updatedAt: true, publishedAt: true, schoolYear: { select: { name: true } },
        scores: { select: { domain: true, level: true, note: true, sentence: true, publishedLevel: true, publishedSentence: true } },
      },
    }),
    schoolReachEvidence(actor, now),
  ]);
  const years: YearAssessment[] = rows.map((row) => ({
    schoolYear: row.schoolYear.name,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    scores: emptyScores().map((empty) => ({ ...empty, ...row.scores.find((s) => s.domain === empty.domain), domain: empty.domain, change: null })),
  }));
  if (years[0]?.schoolYear !== thisYear) years.unshift({ schoolYear: thisYear, updatedAt: null, publishedAt: null, scores: emptyScores().map((s) => ({ ...s, change: null })) });
  // Change per domain against the year before (the next row: newest first).
  years.forEach((year, i) => {
    const before = years[i + 1];
    year.scores = year.scores.map((s) => ({ ...s, change: levelChange(s.level, before?.scores.find((b) => b.domain === s.domain)?.level) }));
  });
  const [current, ...history] = years;
  const unpublishedChanges = !current.publishedAt || current.scores.some((s) => s.level !== s.publishedLevel || s.sentence !== (s.publishedSentence ?? ""));
  return { current, history, unpublishedChanges, evidence };
}
