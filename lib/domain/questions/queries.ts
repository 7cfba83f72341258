import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { guardianScope, scopeFor } from "@/lib/auth/scope";
import { denyAccess, writeAudit, writeAuditForList, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";

// What the asking guardian and the class's mentors see of a question. The
// guardian's selects never name internalNote: the note cannot reach them.

const CHILD_LIST: AuditContext = { category: "questions", route: "/parent/children/[pupilId]/questions" };
const PARENT_PAGE: AuditContext = { category: "questions", route: "/parent/questions/[questionId]", target: "mentorQuestion" };
const MENTOR_PAGE: AuditContext = { category: "questions", route: "/mentor/questions/[questionId]", target: "mentorQuestion" };
const MENTOR_HOME: AuditContext = { category: "questions", route: "/mentor" };

const forGuardian = {
  id: true, kind: true, body: true, callTimes: true, callTimesNote: true, languageWanted: true, createdAt: true,
  answer: true, answeredAt: true, doneAt: true,
  answeredBy: { select: { user: { select: { name: true } } } },
} as const;

function guardianIdOf(actor: Actor): string {
  if (actor.role !== "PARENT" || !actor.guardianId) throw new AppError("forbidden");
  return actor.guardianId;
}

/** A child's page of the guardian's own questions (newest first), if they may talk with the mentor. */
export async function childQuestions(actor: Actor, pupilId: string, now: Date = new Date()) {
  const guardianId = guardianIdOf(actor);
  const pupil = await db.pupil.findFirst({
    where: { id: pupilId, ...guardianScope(actor, "mentor", now) },
    select: {
      id: true, firstName: true, lastName: true,
      mentorQuestions: { where: { guardianId }, orderBy: { createdAt: "desc" }, take: 100, select: forGuardian },
    },
  });
  if (!pupil) return denyAccess(actor, "question:view", pupilId, CHILD_LIST);
  await writeAudit(actor, "question:view", "ALLOWED", pupil.id, undefined, CHILD_LIST);
  return pupil;
}

/** One question, for the guardian who asked it (and only while they may talk with the mentor). */
export async function parentQuestion(actor: Actor, questionId: string, now: Date = new Date()) {
  const guardianId = guardianIdOf(actor);
  const question = await db.mentorQuestion.findFirst({
    where: { id: questionId, guardianId, pupil: guardianScope(actor, "mentor", now) },
    select: { ...forGuardian, pupil: { select: { id: true, firstName: true, lastName: true } } },
  });
  if (!question) return denyAccess(actor, "question:view", questionId, PARENT_PAGE);
  await writeAudit(actor, "question:view", "ALLOWED", question.id, undefined, PARENT_PAGE);
  return question;
}

/** Open questions and call-back requests of the mentor's classes, oldest first. */
export async function openQuestionsForMentor(actor: Actor, limit = 50) {
  if (actor.role !== "MENTOR") return { count: 0, rows: [] };
  const where = { closedAt: null, pupil: scopeFor(actor, "pupil") };
  const [count, rows] = await Promise.all([
    db.mentorQuestion.count({ where }),
    db.mentorQuestion.findMany({
      where, orderBy: { createdAt: "asc" }, take: limit,
      select: {
        id: true, kind: true, body: true, createdAt: true, languageWanted: true,
        pupil: { select: { id: true, firstName: true, lastName: true, classGroup: { select: { name: true } } } },
        guardian: { select: { user: { select: { name: true } } } },
      },
    }),
  ]);
  await writeAuditForList(actor, "pupil:list", [...new Set(rows.map((r) => r.pupil.id))], MENTOR_HOME);
  return { count, rows };
}

/** One question for a mentor of the pupil's class, with the internal note and how to reach the guardian. */
export async function mentorQuestion(actor: Actor, questionId: string) {
  const question = await db.mentorQuestion.findFirst({
    where: { id: questionId, pupil: scopeFor(actor, "pupil") },
    select: {
      ...forGuardian, internalNote: true, contactMomentId: true,
      pupil: { select: { id: true, firstName: true, lastName: true, classGroup: { select: { name: true } } } },
      guardian: { select: { phone: true, user: { select: { name: true, email: true, locale: true } } } },
    },
  });
  if (!question || actor.role !== "MENTOR") return denyAccess(actor, "question:view", questionId, MENTOR_PAGE);
  await writeAudit(actor, "question:view", "ALLOWED", question.id, undefined, MENTOR_PAGE);
  return question;
}
