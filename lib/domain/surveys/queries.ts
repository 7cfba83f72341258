import "server-only";
import { db, sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { writeAudit, type AuditAction, type AuditContext } from "@/lib/auth/audit";
import { notFound } from "next/navigation";
import { MIN_GROUP } from "@/lib/domain/surveys/template";
import { dutchToday } from "@/lib/domain/calendar/dates";

// Reading surveys. Every figure is counted in PostgreSQL (GROUP BY), never by
// loading responses into Node; a group below MIN_GROUP respondents shows no
// answers at all ("too few responses"), open answers only for the whole survey.

const leaderContext: AuditContext = { category: "surveys", route: "/leader/surveys" };

export type SurveyRow = { id: string; title: string; status: "DRAFT" | "OPEN" | "CLOSED"; createdAt: Date; closesOn: Date | null; remindedAt: Date | null; invited: number; responded: number };

const LIST = `
  SELECT s.id, s.title, s.status::text AS status, s."createdAt", s."closesOn", s."remindedAt",
         count(i.id)::int AS invited, (count(i.id) FILTER (WHERE i.responded))::int AS responded
    FROM "Survey" s LEFT JOIN "SurveyInvitation" i ON i."surveyId" = s.id
   WHERE s."schoolId" = $1
   GROUP BY s.id ORDER BY s."createdAt" DESC LIMIT 50`;

export async function surveysOfSchool(actor: Actor): Promise<SurveyRow[]> {
  if (actor.role !== "LEADER" || !actor.schoolId) return [];
  return sqlRows<SurveyRow>(LIST, [actor.schoolId]);
}

/** One survey of the leader's school with its questions and classes; otherwise 404 and an audit row. */
export async function surveyForLeader(actor: Actor, surveyId: string, action: AuditAction = "survey:results") {
  const survey = /^[A-Za-z0-9_-]{1,64}$/.test(surveyId)
    ? await db.survey.findUnique({
        where: { id: surveyId },
        select: {
          id: true, schoolId: true, title: true, status: true, closesOn: true, sentAt: true, remindedAt: true, closedAt: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, position: true, kind: true, templateKey: true, text: true, translations: true, options: true, satisfaction: true } },
          classes: { select: { classGroup: { select: { id: true, name: true } } } },
        },
      })
    : null;
  if (!survey || actor.role !== "LEADER" || survey.schoolId !== actor.schoolId) {
    await writeAudit(actor, action, "DENIED", surveyId.slice(0, 64), { reason: "survey" }, leaderContext);
    notFound();
  }
  return { ...survey, classes: survey.classes.map((c) => c.classGroup).sort((a, b) => a.name.localeCompare(b.name)) };
}
export type LeaderSurvey = Awaited<ReturnType<typeof surveyForLeader>>;

export type ClassRate = { classGroupId: string; name: string; invited: number; responded: number };
const RATES = `
  SELECT c.id AS "classGroupId", c.name, count(i.id)::int AS invited, (count(i.id) FILTER (WHERE i.responded))::int AS responded
    FROM "SurveyClass" sc JOIN "ClassGroup" c ON c.id = sc."classGroupId"
    LEFT JOIN "SurveyInvitation" i ON i."surveyId" = sc."surveyId" AND i."classGroupId" = c.id
   WHERE sc."surveyId" = $1 AND EXISTS (SELECT 1 FROM "Survey" own WHERE own.id = $1 AND own."schoolId" = $2) GROUP BY c.id, c.name ORDER BY c.name`;

export type Distribution = { questionId: string; value: number; count: number };
const DISTRIBUTION = `
  SELECT a."questionId", a.value, count(*)::int AS count
    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
   WHERE r."surveyId" = $1 AND ($2::text IS NULL OR r."classGroupId" = $2) AND a.value IS NOT NULL AND EXISTS (SELECT 1 FROM "Survey" own WHERE own.id = $1 AND own."schoolId" = $3)
   GROUP BY a."questionId", a.value`;
const RESPONDENTS = `
  SELECT count(*)::int AS total,
         (SELECT coalesce(json_object_agg(q."questionId", q.n), '{}'::json) FROM (
            SELECT a."questionId", count(DISTINCT a."responseId")::int AS n
              FROM "SurveyAnswer" a JOIN "SurveyResponse" r2 ON r2.id = a."responseId"
             WHERE r2."surveyId" = $1 AND ($2::text IS NULL OR r2."classGroupId" = $2)
             GROUP BY a."questionId") q) AS "perQuestion"
    FROM "SurveyResponse" r WHERE r."surveyId" = $1 AND ($2::text IS NULL OR r."classGroupId" = $2) AND EXISTS (SELECT 1 FROM "Survey" own WHERE own.id = $1 AND own."schoolId" = $3)`;
const OPEN_ANSWERS = `
  SELECT a."questionId", a.text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
   WHERE r."surveyId" = $1 AND a.text IS NOT NULL AND EXISTS (SELECT 1 FROM "Survey" own WHERE own.id = $1 AND own."schoolId" = $2) ORDER BY a.id LIMIT 500`;

export type SurveyResults = {
  rates: ClassRate[];
  /** Respondents in the group shown (the whole survey or one class). */
  respondents: number;
  tooFew: boolean;
  distribution: Distribution[];
  answeredPerQuestion: Record<string, number>;
  /** Only for the whole survey, and only with at least MIN_GROUP respondents. */
  openAnswers: { questionId: string; text: string }[];
};

/** The results of one survey (the whole survey, or one of its classes): four statements. */
export async function surveyResults(actor: Actor, surveyId: string, classGroupId: string | null): Promise<SurveyResults> {
  // Only the leader's own school: every statement names it, so another school's survey counts as empty.
  const school = actor.role === "LEADER" ? actor.schoolId : null;
  const [rates, [counts]] = await Promise.all([
    sqlRows<ClassRate>(RATES, [surveyId, school]),
    sqlRows<{ total: number; perQuestion: Record<string, number> }>(RESPONDENTS, [surveyId, classGroupId, school]),
  ]);
  const respondents = counts?.total ?? 0;
  if (respondents < MIN_GROUP) return { rates, respondents, tooFew: true, distribution: [], answeredPerQuestion: {}, openAnswers: [] };
  const [distribution, openAnswers] = await Promise.all([
    sqlRows<Distribution>(DISTRIBUTION, [surveyId, classGroupId, school]),
    classGroupId ? Promise.resolve([]) : sqlRows<{ questionId: string; text: string }>(OPEN_ANSWERS, [surveyId, school]),
  ]);
  return { rates, respondents, tooFew: false, distribution, answeredPerQuestion: counts.perQuestion ?? {}, openAnswers };
}

const SATISFACTION = `
  SELECT avg(a.value)::float8 AS mean, count(a.id)::int AS answers,
         (SELECT count(*)::int FROM "SurveyResponse" r2 WHERE r2."surveyId" = $1) AS respondents,
         (SELECT count(*)::int FROM "SurveyInvitation" i WHERE i."surveyId" = $1) AS invited
    FROM "SurveyQuestion" q LEFT JOIN "SurveyAnswer" a ON a."questionId" = q.id
   WHERE q."surveyId" = $1 AND q.satisfaction AND q.kind = 'SCALE_4' AND EXISTS (SELECT 1 FROM "Survey" own WHERE own.id = $1 AND own."schoolId" = $2)`;

/** The satisfaction question's mean (1–4) and the survey's respondents and invitations, in one statement. */
export async function satisfactionFigures(actor: Actor, surveyId: string): Promise<{ mean: number; answers: number; respondents: number; invited: number } | null> {
  const school = actor.role === "LEADER" ? actor.schoolId : null;
  const [row] = await sqlRows<{ mean: number | null; answers: number; respondents: number; invited: number }>(SATISFACTION, [surveyId, school]);
  if (!row || row.mean === null) return null;
  return { mean: row.mean, answers: row.answers, respondents: row.respondents, invited: row.invited };
}

/** A guardian's open invitations (not yet answered, survey open), newest first. */
export async function openInvitationsForGuardian(actor: Actor, now: Date = new Date()) {
  if (actor.role !== "PARENT" || !actor.guardianId) return [];
  return db.surveyInvitation.findMany({
    where: { guardianId: actor.guardianId, responded: false, survey: { status: "OPEN", OR: [{ closesOn: null }, { closesOn: { gte: dutchToday(now) } }] } },
    select: { id: true, survey: { select: { title: true, closesOn: true, school: { select: { name: true } } } } },
    orderBy: { survey: { sentAt: "desc" } },
  });
}

/** The guardian's own invitation with its questions; another's, another school's or an unknown id: 404 and an audit row. */
export async function invitationForGuardian(actor: Actor, invitationId: string) {
  const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(invitationId);
  const invitation = valid
    ? await db.surveyInvitation.findUnique({
        where: { id: invitationId },
        select: {
          id: true, guardianId: true, responded: true,
          survey: { select: { title: true, status: true, closesOn: true, school: { select: { name: true } }, questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, templateKey: true, text: true, translations: true, options: true } } } },
        },
      })
    : null;
  if (!invitation || actor.role !== "PARENT" || invitation.guardianId !== actor.guardianId) {
    await writeAudit(actor, "survey:answer", "DENIED", null, { reason: "invitation" }, { category: "surveys", route: "/parent/surveys/[invitationId]" });
    notFound();
  }
  return invitation;
}
