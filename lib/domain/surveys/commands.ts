import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { rightsMoment } from "@/lib/auth/guardian-rights";
import { linkWhere } from "@/lib/auth/guardian-rights-forms";
import { assertCanFor, writeAudit, type AuditAction, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { sendableClasses } from "@/lib/domain/announcements/queries";
import { addressFor, effectiveChannel } from "@/lib/notifications/recipients";
import { publicBaseUrl } from "@/lib/notifications/deliver";
import { queueSchoolMessage, sendAfterForSchoolMessage } from "@/lib/notifications/school-messages";
import { renderSurveyMessage } from "@/lib/notifications/survey-templates";
import { saveIndicatorDrafts } from "@/lib/domain/indicators/commands";
import { TEMPLATE_QUESTIONS, valueRange, MIN_GROUP, tenPoint } from "@/lib/domain/surveys/template";
import { OPEN_ANSWER_MAX, QUESTIONS_MAX } from "@/lib/domain/surveys/fields";
import type { CreateSurveyInput, QuestionInput, ResponseInput } from "@/lib/domain/surveys/schemas";
import { satisfactionFigures } from "@/lib/domain/surveys/queries";

// Needs and satisfaction surveys (issue 19, decision 0037). The leader builds a
// questionnaire (DRAFT), sends it (OPEN: one invitation per guardian, queued in
// the outbox in the same transaction), reminds non-responders once, closes it.
// A guardian answers once per invitation; the answer is stored without any
// link to them (SurveyResponse has no guardian, token or time).

export class SurveyValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

export const SURVEYS_ROUTE = "/leader/surveys";
const leaderContext: AuditContext = { category: "surveys", route: SURVEYS_ROUTE };
export const ANSWER_ROUTE = "/parent/surveys/[invitationId]";
const answerContext: AuditContext = { category: "surveys", route: ANSWER_ROUTE };

const dayString = (d: Date) => d.toISOString().slice(0, 10);

/** The leader's own survey, or 404 with an audit row (another school's, a malformed or unknown id). */
async function ownSurvey(actor: Actor, surveyId: string, action: AuditAction) {
  await assertCanFor(actor, "surveys:manage", action, null, leaderContext);
  const survey = await db.survey.findUnique({ where: { id: surveyId }, select: { id: true, schoolId: true, status: true, title: true, closesOn: true, remindedAt: true } });
  if (!survey || survey.schoolId !== actor.schoolId) {
    await writeAudit(actor, action, "DENIED", surveyId, { reason: "survey" }, leaderContext);
    throw new AppError("notFound");
  }
  return survey;
}

export async function createSurvey(actor: Actor, input: CreateSurveyInput, { now = new Date() }: { now?: Date } = {}): Promise<{ id: string; created: boolean }> {
  await assertCanFor(actor, "surveys:manage", "survey:create", null, leaderContext);
  if (!actor.schoolId) throw new AppError("forbidden");
  const earlier = await db.survey.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, createdById: true } });
  if (earlier) {
    if (earlier.createdById !== actor.userId) throw new AppError("conflict");
    return { id: earlier.id, created: false };
  }
  const closesOn = new Date(`${input.closesOn}T00:00:00Z`);
  if (closesOn < dutchToday(now)) throw new SurveyValidationError({ closesOn: "surveys.errors.closesOn" });
  const allowed = await sendableClasses(actor, now);
  const unknown = input.classIds.filter((id) => !allowed.some((c) => c.id === id));
  if (unknown.length) {
    await writeAudit(actor, "survey:create", "DENIED", unknown[0], { reason: "class" }, leaderContext);
    throw new AppError("notFound");
  }
  const questions = TEMPLATE_QUESTIONS.filter((q) => input.templateKeys.includes(q.key));
  const survey = await db.survey.create({
    data: {
      schoolId: actor.schoolId, createdById: actor.userId, title: input.title, idempotencyKey: input.idempotencyKey, closesOn, createdAt: now,
      classes: { create: input.classIds.map((classGroupId) => ({ classGroupId })) },
      questions: { create: questions.map((q, i) => ({ position: i + 1, kind: q.kind, templateKey: q.key, options: [...q.options], satisfaction: q.satisfaction ?? false })) },
    },
    select: { id: true },
  });
  await writeAudit(actor, "survey:create", "ALLOWED", survey.id, undefined, leaderContext);
  return { id: survey.id, created: true };
}

/** Adds a leader's own question (Dutch, optional translations) to a draft; the same text twice adds nothing. */
export async function addQuestion(actor: Actor, input: QuestionInput): Promise<void> {
  const survey = await ownSurvey(actor, input.surveyId, "survey:edit");
  if (survey.status !== "DRAFT") throw new SurveyValidationError({ _form: "surveys.errors.notDraft" });
  const choice = input.kind === "SINGLE" || input.kind === "MULTIPLE";
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`survey:${survey.id}`}))`;
    const count = await tx.surveyQuestion.count({ where: { surveyId: survey.id } });
    if (count >= QUESTIONS_MAX) throw new SurveyValidationError({ _form: "surveys.errors.tooManyQuestions" });
    const last = await tx.surveyQuestion.aggregate({ where: { surveyId: survey.id }, _max: { position: true } });
    await tx.$executeRaw`
      INSERT INTO "SurveyQuestion" ("id", "surveyId", "position", "kind", "text", "translations", "options", "satisfaction")
      VALUES (${randomUUID()}, ${survey.id}, ${(last._max.position ?? 0) + 1}, ${input.kind}::"SurveyQuestionKind", ${input.text},
              ${JSON.stringify(input.translations)}::jsonb, ${choice ? input.options : []}::text[], false)
      ON CONFLICT ("surveyId", "text") DO NOTHING`;
  });
}

export async function removeQuestion(actor: Actor, surveyId: string, questionId: string): Promise<void> {
  const survey = await ownSurvey(actor, surveyId, "survey:edit");
  if (survey.status !== "DRAFT") throw new SurveyValidationError({ _form: "surveys.errors.notDraft" });
  await db.surveyQuestion.deleteMany({ where: { id: questionId, surveyId: survey.id } });
}

/**
 * Sends a draft: one invitation per guardian of the chosen classes who may
 * receive "other messages" (however many children they have there; counted for
 * the class of their first child there), each queued in the outbox in their
 * own language and channel, quiet hours respected. Sending twice sends once.
 */
export async function sendSurvey(actor: Actor, surveyId: string, { now = new Date() }: { now?: Date } = {}): Promise<{ invited: number }> {
  const survey = await ownSurvey(actor, surveyId, "survey:send");
  if (survey.status !== "DRAFT") return { invited: await db.surveyInvitation.count({ where: { surveyId } }) };
  const questions = await db.surveyQuestion.count({ where: { surveyId } });
  if (questions === 0) throw new SurveyValidationError({ _form: "surveys.errors.noQuestions" });
  const school = await db.school.findUniqueOrThrow({ where: { id: survey.schoolId }, select: { name: true, quietHoursStart: true, quietHoursEnd: true } });
  const classes = await db.surveyClass.findMany({ where: { surveyId }, select: { classGroupId: true, classGroup: { select: { name: true } } } });
  const classIds = classes.map((c) => c.classGroupId);
  const className = new Map(classes.map((c) => [c.classGroupId, c.classGroup.name]));
  const links = await db.guardianLink.findMany({
    where: { pupil: { classGroupId: { in: classIds }, leftOn: null }, guardian: { user: { disabledAt: null } }, ...linkWhere("otherMessages", rightsMoment(now)) },
    select: { pupilId: true, pupil: { select: { classGroupId: true } }, guardian: { select: { id: true, phone: true, alertChannel: true, user: { select: { email: true, locale: true } } } } },
  });
  // One invitation per guardian, counted for the alphabetically first class of their children here.
  const byGuardian = new Map<string, (typeof links)[number]>();
  for (const link of links) {
    const seen = byGuardian.get(link.guardian.id);
    if (!seen || (className.get(link.pupil.classGroupId) ?? "") < (className.get(seen.pupil.classGroupId) ?? "")) byGuardian.set(link.guardian.id, link);
  }
  const closesOn = survey.closesOn ? dayString(survey.closesOn) : "";
  const invited = await db.$transaction(async (tx) => {
    const claimed = await tx.survey.updateMany({ where: { id: surveyId, status: "DRAFT" }, data: { status: "OPEN", sentAt: now } });
    if (claimed.count === 0) return null;
    let count = 0;
    for (const link of byGuardian.values()) {
      const invitationId = randomUUID();
      await tx.surveyInvitation.create({ data: { id: invitationId, surveyId, guardianId: link.guardian.id, classGroupId: link.pupil.classGroupId } });
      const { guardian } = link;
      const channel = effectiveChannel(guardian.alertChannel, guardian.phone, guardian.user.email);
      const message = renderSurveyMessage(guardian.user.locale, channel, "invitation", {
        school: school.name, title: survey.title, closesOn, url: `${publicBaseUrl()}/parent/surveys/${invitationId}`,
      });
      await queueSchoolMessage(tx, {
        kind: "SURVEY_INVITATION", guardianId: guardian.id, pupilId: link.pupilId, schoolId: survey.schoolId, channel, locale: guardian.user.locale,
        address: addressFor(channel, guardian.user.email, guardian.phone), message, requestKey: `survey:${surveyId}:${guardian.id}`, surveyId,
      }, sendAfterForSchoolMessage(now, channel, { start: school.quietHoursStart, end: school.quietHoursEnd }));
      count += 1;
    }
    return count;
  });
  if (invited === null) return { invited: await db.surveyInvitation.count({ where: { surveyId } }) };
  await writeAudit(actor, "survey:send", "ALLOWED", surveyId, { invited }, leaderContext);
  return { invited };
}

/** One reminder to guardians who have not answered, once per survey; asking again adds nothing. */
export async function remindSurvey(actor: Actor, surveyId: string, { now = new Date() }: { now?: Date } = {}): Promise<{ reminded: number; first: boolean }> {
  const survey = await ownSurvey(actor, surveyId, "survey:remind");
  if (survey.status !== "OPEN") throw new SurveyValidationError({ _form: "surveys.errors.notOpen" });
  const school = await db.school.findUniqueOrThrow({ where: { id: survey.schoolId }, select: { name: true, quietHoursStart: true, quietHoursEnd: true } });
  const closesOn = survey.closesOn ? dayString(survey.closesOn) : "";
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.survey.updateMany({ where: { id: surveyId, status: "OPEN", remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count === 0) return null;
    const open = await tx.surveyInvitation.findMany({
      where: { surveyId, responded: false },
      select: { id: true, guardian: { select: { id: true, phone: true, alertChannel: true, user: { select: { email: true, locale: true } }, links: { where: { pupil: { classGroupId: { in: (await tx.surveyClass.findMany({ where: { surveyId }, select: { classGroupId: true } })).map((c) => c.classGroupId) } } }, select: { pupilId: true }, take: 1 } } } },
    });
    let count = 0;
    for (const invitation of open) {
      const { guardian } = invitation;
      const pupilId = guardian.links[0]?.pupilId;
      if (!pupilId) continue;
      const channel = effectiveChannel(guardian.alertChannel, guardian.phone, guardian.user.email);
      const message = renderSurveyMessage(guardian.user.locale, channel, "reminder", {
        school: school.name, title: survey.title, closesOn, url: `${publicBaseUrl()}/parent/surveys/${invitation.id}`,
      });
      const id = await queueSchoolMessage(tx, {
        kind: "SURVEY_REMINDER", guardianId: guardian.id, pupilId, schoolId: survey.schoolId, channel, locale: guardian.user.locale,
        address: addressFor(channel, guardian.user.email, guardian.phone), message, requestKey: `survey-reminder:${surveyId}:${guardian.id}`, surveyId,
      }, sendAfterForSchoolMessage(now, channel, { start: school.quietHoursStart, end: school.quietHoursEnd }));
      if (id) count += 1;
    }
    return count;
  });
  if (result === null) return { reminded: 0, first: false };
  await writeAudit(actor, "survey:remind", "ALLOWED", surveyId, { reminded: result }, leaderContext);
  return { reminded: result, first: true };
}

export async function closeSurvey(actor: Actor, surveyId: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const survey = await ownSurvey(actor, surveyId, "survey:close");
  if (survey.status === "DRAFT") throw new SurveyValidationError({ _form: "surveys.errors.notOpen" });
  const closed = await db.survey.updateMany({ where: { id: surveyId, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
  if (closed.count) await writeAudit(actor, "survey:close", "ALLOWED", surveyId, undefined, leaderContext);
}

export type AnswerRefusal = "alreadyAnswered" | "closed";

/** Whether an invitation may still be answered: open and not past its last day. */
export function surveyIsOpen(survey: { status: string; closesOn: Date | null }, now: Date): boolean {
  return survey.status === "OPEN" && (!survey.closesOn || survey.closesOn >= dutchToday(now));
}

/**
 * A guardian's answers to their invitation. The invitation must be theirs
 * (another guardian's, another school's or an unknown token: 404 and an audit
 * row without the answers); it is marked "responded" and the answers stored
 * without any link to it, in one transaction: a second submit is refused.
 */
export async function submitResponse(actor: Actor, input: ResponseInput, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  await assertCanFor(actor, "survey:answer", "survey:answer", null, answerContext);
  const invitation = await db.surveyInvitation.findUnique({
    where: { id: input.invitationId },
    select: { id: true, guardianId: true, survey: { select: { id: true, status: true, closesOn: true, questions: { select: { id: true, kind: true, options: true } } } } },
  });
  if (!invitation || invitation.guardianId !== actor.guardianId) {
    // The audit row names neither the survey's answers nor anything the guardian typed.
    await writeAudit(actor, "survey:answer", "DENIED", null, { reason: "invitation" }, answerContext);
    throw new AppError("notFound");
  }
  if (!surveyIsOpen(invitation.survey, now)) throw new SurveyValidationError({ _form: "surveys.errors.closed" });
  const questions = new Map(invitation.survey.questions.map((q) => [q.id, q]));
  const rows: { questionId: string; value: number | null; text: string | null }[] = [];
  const errors: Record<string, string> = {};
  for (const [questionId, raw] of Object.entries(input.answers)) {
    const question = questions.get(questionId);
    if (!question) { errors._form = "surveys.errors.invalid"; continue; }
    const values = raw.map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) continue;
    if (question.kind === "OPEN") {
      if (values.length > 1) { errors[questionId] = "surveys.errors.invalid"; continue; }
      if (values[0].length > OPEN_ANSWER_MAX) { errors[questionId] = "surveys.errors.answerTooLong"; continue; }
      rows.push({ questionId, value: null, text: values[0] });
      continue;
    }
    const max = valueRange(question.kind, question.options.length);
    const numbers = values.map((v) => (/^\d{1,2}$/.test(v) ? Number(v) : NaN));
    const first = question.kind === "SCALE_4" || question.kind === "SCALE_10" ? 1 : 0;
    const last = question.kind === "SCALE_4" || question.kind === "SCALE_10" ? max : max - 1;
    if (numbers.some((n) => !Number.isInteger(n) || n < first || n > last) || (question.kind !== "MULTIPLE" && numbers.length > 1) || new Set(numbers).size !== numbers.length) {
      errors[questionId] = "surveys.errors.invalid";
      continue;
    }
    for (const value of numbers) rows.push({ questionId, value, text: null });
  }
  if (Object.keys(errors).length) throw new SurveyValidationError(errors);
  if (rows.length === 0) throw new SurveyValidationError({ _form: "surveys.errors.empty" });
  const stored = await db.$transaction(async (tx) => {
    // Claims the invitation: a second submit (or two at once) finds it answered.
    const claimed = await tx.$queryRaw<{ classGroupId: string }[]>`
      UPDATE "SurveyInvitation" SET "responded" = true WHERE "id" = ${invitation.id} AND "responded" = false RETURNING "classGroupId"`;
    if (claimed.length === 0) return false;
    const responseId = randomUUID();
    await tx.$executeRaw`INSERT INTO "SurveyResponse" ("id", "surveyId", "classGroupId") VALUES (${responseId}, ${invitation.survey.id}, ${claimed[0].classGroupId})`;
    await tx.surveyAnswer.createMany({ data: rows.map((r) => ({ id: randomUUID(), responseId, ...r })) });
    return true;
  });
  if (!stored) throw new SurveyValidationError({ _form: "surveys.errors.alreadyAnswered" });
}

/**
 * Carries the satisfaction score into the school's indicators as DRAFT values
 * (PARENT_SATISFACTION on Vensters' 10-point scale: 3 × mean − 2, with
 * respondents and response rate), through the indicator draft command; the
 * leader publishes as usual. Only with at least MIN_GROUP answers.
 */
export async function carrySatisfactionToIndicators(actor: Actor, surveyId: string, { now = new Date() }: { now?: Date } = {}): Promise<{ score: number; respondents: number; rate: number }> {
  const survey = await ownSurvey(actor, surveyId, "survey:indicator");
  const figures = await satisfactionFigures(actor, survey.id);
  if (!figures || figures.answers < MIN_GROUP) throw new SurveyValidationError({ _form: "surveys.errors.tooFewForIndicator" });
  const today = dutchToday(now);
  const year = await db.schoolYear.findFirst({ where: { startsOn: { lte: today }, endsOn: { gte: today } }, select: { id: true } });
  if (!year) throw new SurveyValidationError({ _form: "surveys.errors.noSchoolYear" });
  const score = Math.round(tenPoint(figures.mean) * 10) / 10;
  const rate = figures.invited ? Math.round((figures.respondents / figures.invited) * 1000) / 10 : 0;
  const explanation = `Vragenlijst: ${survey.title}`.slice(0, 1000);
  await saveIndicatorDrafts(actor, {
    schoolId: survey.schoolId, schoolYearId: year.id,
    entries: [
      { indicatorCode: "PARENT_SATISFACTION", schoolType: "ALL", value: score.toFixed(1).replace(".", ","), explanation },
      { indicatorCode: "PARENT_SATISFACTION_RESPONDENTS", schoolType: "ALL", value: String(figures.respondents), explanation: "" },
      { indicatorCode: "PARENT_SATISFACTION_RESPONSE_RATE", schoolType: "ALL", value: rate.toFixed(1).replace(".", ","), explanation: "" },
    ],
  });
  await writeAudit(actor, "survey:indicator", "ALLOWED", surveyId, undefined, leaderContext);
  return { score, respondents: figures.respondents, rate };
}

