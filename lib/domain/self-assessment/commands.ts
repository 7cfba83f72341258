import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { assertCanFor, writeAudit, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { DOMAINS } from "@/lib/domain/self-assessment/model";
import type { SelfAssessmentInput } from "@/lib/domain/self-assessment/schemas";

const PAGE: AuditContext = { category: "school", route: "/leader/self-assessment" };

async function ownSchool(actor: Actor, action: "selfAssessment:save" | "selfAssessment:publish"): Promise<string> {
  await assertCanFor(actor, "selfAssessment:manage", action, actor.schoolId ?? null, PAGE);
  if (!actor.schoolId) throw new AppError("forbidden");
  return actor.schoolId;
}

/** This school year's row of SchoolYear (national; the administrator adds it), else a translated form error. */
async function currentYear(now: Date): Promise<{ id: string; name: string }> {
  const name = schoolYearOf(dutchToday(now)).name;
  const year = await db.schoolYear.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!year) throw new AdminValidationError({ _form: "selfAssessment.errors.noSchoolYear" });
  return year;
}

/**
 * Saves this school year's self-assessment of the leader's own school: the
 * year's row and its four domain rows in ONE statement (atomic; upserts on the
 * natural keys school + year and assessment + domain, so submitting twice is
 * one assessment). Audited with the levels only, never the notes.
 */
export async function saveSelfAssessment(actor: Actor, input: SelfAssessmentInput, now: Date): Promise<void> {
  const schoolId = await ownSchool(actor, "selfAssessment:save");
  const year = await currentYear(now);
  const levels = DOMAINS.map((d) => input[d].level);
  await db.$executeRaw`
    WITH a AS (
      INSERT INTO "SelfAssessment" (id, "schoolId", "schoolYearId", "updatedAt", "updatedById")
      VALUES (${randomUUID()}, ${schoolId}, ${year.id}, ${now}, ${actor.userId})
      ON CONFLICT ("schoolId", "schoolYearId") DO UPDATE SET "updatedAt" = EXCLUDED."updatedAt", "updatedById" = EXCLUDED."updatedById"
      RETURNING id
    )
    INSERT INTO "SelfAssessmentScore" ("assessmentId", domain, level, note, sentence)
    SELECT a.id, d.domain, d.level, d.note, d.sentence
    FROM a, unnest(${[...DOMAINS]}::text[], ${levels}::int[], ${DOMAINS.map((d) => input[d].note)}::text[], ${DOMAINS.map((d) => input[d].sentence)}::text[])
      AS d(domain, level, note, sentence)
    ON CONFLICT ("assessmentId", domain) DO UPDATE SET level = EXCLUDED.level, note = EXCLUDED.note, sentence = EXCLUDED.sentence`;
  await writeAudit(actor, "selfAssessment:save", "ALLOWED", schoolId,
    { schoolYear: year.name, levels: Object.fromEntries(DOMAINS.map((d, i) => [d, levels[i]])) }, PAGE);
}

/**
 * Publishes this school year's summary (level and sentence per domain) to the
 * public profile: every domain needs a level and a sentence, else translated
 * errors per field and nothing changes. One statement; publishing again
 * publishes the current draft again.
 */
export async function publishSelfAssessment(actor: Actor, now: Date): Promise<{ schoolId: string }> {
  const schoolId = await ownSchool(actor, "selfAssessment:publish");
  const year = await currentYear(now);
  const assessment = await db.selfAssessment.findUnique({
    where: { schoolId_schoolYearId: { schoolId, schoolYearId: year.id } },
    select: { id: true, scores: { select: { domain: true, level: true, sentence: true } } },
  });
  const errors: Record<string, string> = {};
  for (const domain of DOMAINS) {
    const score = assessment?.scores.find((s) => s.domain === domain);
    if (!score?.level) errors[`level-${domain}`] = "selfAssessment.errors.levelNeeded";
    if (!score?.sentence) errors[`sentence-${domain}`] = "selfAssessment.errors.sentenceNeeded";
  }
  if (!assessment || Object.keys(errors).length) throw new AdminValidationError(errors);
  await db.$executeRaw`
    WITH s AS (
      UPDATE "SelfAssessmentScore" SET "publishedLevel" = level, "publishedSentence" = sentence
      WHERE "assessmentId" = ${assessment.id}
    )
    UPDATE "SelfAssessment" SET "publishedAt" = ${now}, "publishedById" = ${actor.userId}
    WHERE id = ${assessment.id}`;
  await writeAudit(actor, "selfAssessment:publish", "ALLOWED", schoolId, { schoolYear: year.name }, PAGE);
  return { schoolId };
}
