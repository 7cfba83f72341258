import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/types";
import { guardianScope, scopeFor } from "@/lib/auth/scope";
import { guardianRights } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import { assertCanFor, denyAccess, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { logContactMoment } from "@/lib/domain/contacts/commands";
import type { AnswerInput, AskQuestionInput, InternalNoteInput } from "@/lib/domain/questions/schemas";
import { renderAnswerNotice } from "@/lib/domain/questions/notices";
import { addressFor, effectiveChannel } from "@/lib/notifications/recipients";
import { publicBaseUrl } from "@/lib/notifications/deliver";
import { queueSchoolMessage, sendAfterForSchoolMessage } from "@/lib/notifications/school-messages";
import nl from "@/lib/i18n/messages/questions/nl.json";

// Ask the mentor (issue 16). A guardian with the right "mentor" (the one rule,
// lib/auth/guardian-rights.ts) asks about a child; the mentors of the child's
// class answer or call back. Nobody else reads it: every load is scoped in its
// own where (the asking guardian, or the mentor's classes), and a miss is a 404
// with an audit row naming the pupil.

const ASK: AuditContext = { category: "questions", route: "/parent/children/[pupilId]" };
const MENTOR_PAGE: AuditContext = { category: "questions", route: "/mentor/questions/[questionId]", target: "mentorQuestion" };

export type AskResult = { id: string; created: boolean };

/** A guardian asks a question or to be called back. The same form twice (same key) is one question. */
export async function askQuestion(actor: Actor, input: AskQuestionInput, { now = new Date() }: { now?: Date } = {}): Promise<AskResult> {
  await assertCanFor(actor, "question:ask", "question:ask", input.pupilId, ASK);
  const guardianId = actor.guardianId;
  if (!guardianId) throw new AppError("forbidden");
  const pupil = await db.pupil.findFirst({ where: { id: input.pupilId, ...guardianScope(actor, "mentor", now) }, select: { id: true } });
  if (!pupil) return denyAccess(actor, "question:ask", input.pupilId, ASK);
  const again = async () => {
    const earlier = await db.mentorQuestion.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, guardianId: true, pupilId: true } });
    if (!earlier) return null;
    // The same key from someone else, or for another child, is not a resubmission.
    if (earlier.guardianId !== guardianId || earlier.pupilId !== pupil.id) throw new AppError("conflict");
    return { id: earlier.id, created: false };
  };
  const earlier = await again();
  if (earlier) return earlier;
  try {
    const created = await db.mentorQuestion.create({
      data: {
        pupilId: pupil.id, guardianId, kind: input.kind, body: input.body, callTimes: input.callTimes, callTimesNote: input.callTimesNote,
        languageWanted: input.languageWanted, idempotencyKey: input.idempotencyKey, createdAt: now,
      },
      select: { id: true },
    });
    return { id: created.id, created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await again();
      if (existing) return existing;
    }
    throw error;
  }
}

/** The question as a mentor of the pupil's class may see it; anyone else: 404 and an audit row. */
async function mentorsQuestion(actor: Actor, questionId: string, action: "question:answer" | "question:note" | "question:done") {
  await assertCanFor(actor, "question:answer", action, questionId, MENTOR_PAGE);
  const question = await db.mentorQuestion.findFirst({
    where: { id: questionId, pupil: scopeFor(actor, "pupil") },
    select: { id: true, kind: true, pupilId: true, guardianId: true, answeredAt: true, contactMomentId: true },
  });
  if (!question || !actor.staffId) return denyAccess(actor, action, questionId, MENTOR_PAGE);
  return question;
}

/**
 * A mentor answers a question in the portal. The guardian is told in their own
 * language and channel, queued in the same transaction; the message says an
 * answer is waiting, never the answer. Answering twice keeps the first answer.
 */
export async function answerQuestion(actor: Actor, input: AnswerInput, { now = new Date() }: { now?: Date } = {}): Promise<{ answered: boolean }> {
  const question = await mentorsQuestion(actor, input.questionId, "question:answer");
  if (question.kind !== "QUESTION") throw new AppError("conflict");
  if (question.answeredAt) return { answered: false };
  const facts = await db.mentorQuestion.findUniqueOrThrow({
    where: { id: question.id },
    select: {
      pupil: { select: { firstName: true, birthDate: true, schoolId: true, school: { select: { quietHoursStart: true, quietHoursEnd: true } } } },
      guardian: {
        select: {
          id: true, phone: true, alertChannel: true,
          user: { select: { name: true, email: true, locale: true, disabledAt: true } },
          links: { where: { pupilId: question.pupilId }, select: LINK_FACTS_SELECT },
        },
      },
    },
  });
  const mentorName = actor.name;
  return db.$transaction(async (tx) => {
    // answeredAt: null in the where: of two clicks at once, only one answers (and queues).
    const { count } = await tx.mentorQuestion.updateMany({
      where: { id: question.id, answeredAt: null },
      data: { answer: input.answer, answeredAt: now, answeredById: actor.staffId, closedAt: now },
    });
    if (count === 0) return { answered: false };
    const { guardian, pupil } = facts;
    const link = guardian.links[0];
    // A guardian who may no longer talk with the mentor (restricted since, 18 without consent) is not told.
    if (!link || guardian.user.disabledAt || !guardianRights(link, pupil.birthDate, now).see.mentor) return { answered: true };
    const channel = effectiveChannel(guardian.alertChannel, guardian.phone, guardian.user.email);
    const locale = guardian.user.locale;
    const message = renderAnswerNotice(locale, channel, {
      guardianName: guardian.user.name, pupilFirstName: pupil.firstName, mentorName, url: `${publicBaseUrl()}/parent/questions/${question.id}`,
    });
    const sendAfter = sendAfterForSchoolMessage(now, channel, { start: pupil.school.quietHoursStart, end: pupil.school.quietHoursEnd });
    await queueSchoolMessage(tx, {
      kind: "QUESTION_ANSWERED", guardianId: guardian.id, pupilId: question.pupilId, schoolId: pupil.schoolId, channel, locale,
      address: addressFor(channel, guardian.user.email, guardian.phone), message, requestKey: `question-answered:${question.id}`, mentorQuestionId: question.id,
    }, sendAfter);
    return { answered: true };
  });
}

/** The mentor's own note on a question; never shown to the guardian. */
export async function saveInternalNote(actor: Actor, input: InternalNoteInput): Promise<void> {
  const question = await mentorsQuestion(actor, input.questionId, "question:note");
  await db.mentorQuestion.update({ where: { id: question.id }, data: { internalNote: input.internalNote } });
}

/**
 * "Called back — done": one click logs a phone call started by the parent
 * through the contacts command (so the mentor's coverage counts it) and closes
 * the request. The contact's key is the question's, so twice is one contact.
 */
export async function markCalledBack(actor: Actor, questionId: string, { now = new Date() }: { now?: Date } = {}): Promise<{ contactMomentId: string }> {
  const question = await mentorsQuestion(actor, questionId, "question:done");
  if (question.kind !== "CALL_BACK") throw new AppError("conflict");
  if (question.contactMomentId) return { contactMomentId: question.contactMomentId };
  const contactMomentId = await logContactMoment(actor, {
    pupilId: question.pupilId,
    idempotencyKey: `call-back:${question.id}`,
    kind: "PHONE_CALL",
    initiatedBy: "PARENT",
    tone: "NEUTRAL",
    guardianIds: [question.guardianId],
    // The school's own words, as a mentor would write them (contact summaries are in Dutch).
    summary: nl.questionMentor.calledBackSummary,
    internalNote: null,
    occurredOn: dutchToday(now),
    followUpOn: null,
  });
  await db.mentorQuestion.updateMany({ where: { id: question.id, contactMomentId: null }, data: { contactMomentId, doneAt: now, closedAt: now } });
  return { contactMomentId };
}
