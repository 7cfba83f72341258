import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { writeAuditForList, type AuditContext } from "@/lib/auth/audit";
import { assertCan } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/db/json-values";
import { mentorClassesSql } from "@/lib/auth/scope";
import { rightsSql } from "@/lib/auth/guardian-rights-forms";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { guardianAgreementSql, toGuardianVersion, type GuardianVersionRow } from "@/lib/domain/agreement/sql";
import { TEXT_KINDS, type TextKind } from "@/lib/domain/agreement/fields";
import type { AgreementResponse, Locale } from "@/lib/generated/prisma/enums";

const MENTOR_HOME: AuditContext = { category: "guardians", route: "/mentor" };
const LATEST = `v.number = (SELECT max(l.number) FROM "SchoolTextVersion" l WHERE l."schoolId" = v."schoolId" AND l.kind = 'AGREEMENT')`;

/** The schools whose newest agreement this guardian has not answered yet (the card on /parent): one statement. */
export async function pendingAgreements(actor: Actor, now: Date = new Date()): Promise<{ versionId: string; schoolName: string }[]> {
  if (actor.role !== "PARENT" || !actor.guardianId) return [];
  const rows = await sqlRows<{ id: string; schoolName: string }>(
    `SELECT q.id, sc.name AS "schoolName" FROM (${guardianAgreementSql(LATEST)}) q
     JOIN "School" sc ON sc.id = q."schoolId"
     WHERE NOT EXISTS (SELECT 1 FROM "AgreementAcknowledgement" a WHERE a."versionId" = q.id AND a."guardianId" = $1)
     ORDER BY sc.name`,
    [actor.guardianId, isoDay(dutchToday(now))],
  );
  return rows.map((r) => ({ versionId: r.id, schoolName: r.schoolName }));
}

export type GuardianAgreement = {
  versionId: string; number: number; publishedAt: Date; schoolName: string;
  /** The text in the reader's language when the school wrote it, else the Dutch. */
  text: string; textLocale: Locale;
  response: AgreementResponse | null; answeredAt: Date | null; questionId: string | null;
  /** The guardian may ask a mentor there (the questions area's rule). */
  mayAsk: boolean;
};

/** The newest agreement of each school where the guardian may see a child, with their answer. */
export async function guardianAgreements(actor: Actor, locale: Locale, now: Date = new Date()): Promise<GuardianAgreement[]> {
  assertCan(actor, "agreement:acknowledge");
  if (!actor.guardianId) return [];
  const rows = await sqlRows<GuardianVersionRow & { schoolName: string; text: string; textLocale: Locale; response: AgreementResponse | null; answeredAt: string | null; questionId: string | null }>(
    `SELECT q.*, sc.name AS "schoolName", t.body AS text, t.locale::text AS "textLocale",
            a.response::text AS response, to_json(a."createdAt")#>>'{}' AS "answeredAt", a."mentorQuestionId" AS "questionId"
     FROM (${guardianAgreementSql(LATEST)}) q
     JOIN "School" sc ON sc.id = q."schoolId"
     JOIN LATERAL (SELECT body, locale FROM "SchoolTextTranslation" WHERE "versionId" = q.id AND locale IN ('nl', $3::"Locale")
                   ORDER BY (locale = $3::"Locale") DESC LIMIT 1) t ON true
     LEFT JOIN "AgreementAcknowledgement" a ON a."versionId" = q.id AND a."guardianId" = $1
     ORDER BY sc.name`,
    [actor.guardianId, isoDay(dutchToday(now)), locale],
  );
  return rows.map((raw) => {
    const row = toGuardianVersion(raw);
    return {
      versionId: row.id, number: row.number, publishedAt: row.publishedAt, schoolName: raw.schoolName, text: raw.text, textLocale: raw.textLocale,
      response: raw.response, answeredAt: raw.answeredAt ? new Date(`${raw.answeredAt}Z`) : null, questionId: raw.questionId, mayAsk: row.pupilId !== null,
    };
  });
}

export type ClassAcknowledgement = { classId: string; className: string; families: number; agreed: number; questions: number; notYet: number };

/**
 * Per class of the school: guardians who may see a child there (once per
 * class, once more in each other class of theirs), and how many answered the
 * newest agreement. One aggregate statement.
 */
export async function acknowledgementsPerClass(actor: Actor, versionId: string, now: Date = new Date()): Promise<ClassAcknowledgement[]> {
  assertCan(actor, "agreement:edit");
  const schoolId = actor.schoolId!;
  const may = rightsSql("gl", "p", "$3");
  const rows = await sqlRows<{ classId: string; className: string; families: number; agreed: number; questions: number }>(
    `WITH fam AS (
       SELECT DISTINCT p."classGroupId", gl."guardianId"
       FROM "Pupil" p JOIN "GuardianLink" gl ON gl."pupilId" = p.id
       WHERE p."schoolId" = $1 AND p."leftOn" IS NULL AND ${may.any}
     )
     SELECT c.id AS "classId", c.name AS "className", count(*)::int AS families,
            count(*) FILTER (WHERE a.response = 'AGREED')::int AS agreed,
            count(*) FILTER (WHERE a.response = 'QUESTION')::int AS questions
     FROM fam JOIN "ClassGroup" c ON c.id = fam."classGroupId"
     LEFT JOIN "AgreementAcknowledgement" a ON a."versionId" = $2 AND a."guardianId" = fam."guardianId"
     GROUP BY c.id, c.name ORDER BY c.name`,
    [schoolId, versionId, isoDay(dutchToday(now))],
  );
  return rows.map((r) => ({ ...r, notYet: r.families - r.agreed - r.questions }));
}

export type TextVersion = { id: string; number: number | null; publishedAt: Date | null; updatedAt: Date; texts: Partial<Record<Locale, string>> };
export type KindOverview = { kind: TextKind; draft: TextVersion | null; published: TextVersion[] };

/** The leader's page: per kind the draft and the published versions (newest first), and the newest agreement's answers per class. */
export async function leaderAgreementPage(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "agreement:edit");
  const schoolId = actor.schoolId!;
  const versions = await db.schoolTextVersion.findMany({
    where: { schoolId },
    orderBy: [{ number: { sort: "desc", nulls: "first" } }],
    select: { id: true, kind: true, number: true, publishedAt: true, updatedAt: true, texts: { select: { locale: true, body: true } } },
  });
  const kinds: KindOverview[] = TEXT_KINDS.map((kind) => {
    const mine = versions.filter((v) => v.kind === kind).map((v) => ({
      id: v.id, number: v.number, publishedAt: v.publishedAt, updatedAt: v.updatedAt,
      texts: Object.fromEntries(v.texts.map((t) => [t.locale, t.body])) as Partial<Record<Locale, string>>,
    }));
    return { kind, draft: mine.find((v) => v.number === null) ?? null, published: mine.filter((v) => v.number !== null) };
  });
  const current = kinds[0].published[0] ?? null;
  const perClass = current ? await acknowledgementsPerClass(actor, current.id, now) : [];
  return { kinds, current, perClass };
}

export type MentorGap = { pupilId: string; pupilName: string; className: string; guardianName: string };

/**
 * Guardians in the mentor's classes who have not answered the school's newest
 * agreement (a question counts as answered: it is on the mentor's question
 * list). One statement; one audit row per pupil named.
 */
export async function mentorAgreementGaps(actor: Actor, now: Date = new Date()): Promise<{ number: number | null; families: number; rows: MentorGap[] }> {
  assertCan(actor, "mentor:view");
  if (!actor.schoolId || actor.mentorOf.length === 0) return { number: null, families: 0, rows: [] };
  const may = rightsSql("gl", "p", "$3");
  const rows = await sqlRows<{ number: number; families: number; pupilId: string | null; pupilName: string | null; className: string | null; guardianName: string | null }>(
    `WITH v AS (SELECT id, number FROM "SchoolTextVersion" WHERE "schoolId" = $1 AND kind = 'AGREEMENT' AND number IS NOT NULL ORDER BY number DESC LIMIT 1),
     fam AS (
       SELECT p.id AS "pupilId", p."firstName" || ' ' || p."lastName" AS "pupilName", c.name AS "className", u.name AS "guardianName",
              gl."guardianId", EXISTS (SELECT 1 FROM "AgreementAcknowledgement" a, v WHERE a."versionId" = v.id AND a."guardianId" = gl."guardianId") AS answered
       FROM "Pupil" p JOIN "ClassGroup" c ON c.id = p."classGroupId"
       JOIN "GuardianLink" gl ON gl."pupilId" = p.id JOIN "Guardian" g ON g.id = gl."guardianId" JOIN "User" u ON u.id = g."userId"
       WHERE ${mentorClassesSql('p."classGroupId"', "$2")} AND p."leftOn" IS NULL AND ${may.any}
     )
     SELECT v.number, (SELECT count(DISTINCT "guardianId")::int FROM fam) AS families, f."pupilId", f."pupilName", f."className", f."guardianName"
     FROM v LEFT JOIN fam f ON NOT f.answered
     ORDER BY f."className", f."pupilName", f."guardianName"`,
    [actor.schoolId, actor.mentorOf, isoDay(dutchToday(now))],
  );
  if (rows.length === 0) return { number: null, families: 0, rows: [] };
  const gaps = rows.filter((r): r is typeof r & MentorGap => r.pupilId !== null);
  await writeAuditForList(actor, "pupil:list", [...new Set(gaps.map((g) => g.pupilId))], MENTOR_HOME);
  return { number: rows[0].number, families: rows[0].families, rows: gaps.map(({ pupilId, pupilName, className, guardianName }) => ({ pupilId, pupilName, className, guardianName })) };
}
