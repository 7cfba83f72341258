import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { rightsMoment } from "../../lib/auth/guardian-rights";
import { linkWhere } from "../../lib/auth/guardian-rights-forms";
import { renderSurveyMessage } from "../../lib/notifications/survey-templates";
import { addressFor, effectiveChannel } from "../../lib/notifications/recipients";
import { TEMPLATE_QUESTIONS } from "../../lib/domain/surveys/template";
import { newId } from "./ids";
import { Rng } from "./random";

// Needs and satisfaction surveys in the demo (issue 19, decision 0037; the
// contract in docs/architecture.md), at leider@demo.test's school:
// - a CLOSED survey of last month to three classes, with well over five
//   answers in each, so every result (and the satisfaction draft) shows;
// - an OPEN survey to mentor@'s and mentor2@'s classes, sent yesterday, with
//   an invitation for ouder@demo.test (not yet answered: the browser test
//   answers it) and four answers in mentor@'s class ("too few responses").
// Answers are written as the app writes them: random UUIDs, no guardian, no time.

const PORTAL = "http://localhost:3000";
const DAY = 86_400_000;

type Invitee = { guardianId: string; pupilId: string; classGroupId: string; email: string | null; phone: string | null; alertChannel: "EMAIL" | "SMS" | "PORTAL"; locale: "nl" | "en" | "ar" | "tr" | "pl" | "uk" };

async function invitees(db: PrismaClient, classIds: string[], now: Date): Promise<Invitee[]> {
  const links = await db.guardianLink.findMany({
    where: { pupil: { classGroupId: { in: classIds }, leftOn: null }, guardian: { user: { disabledAt: null } }, ...linkWhere("otherMessages", rightsMoment(now)) },
    select: { pupilId: true, pupil: { select: { classGroupId: true } }, guardian: { select: { id: true, phone: true, alertChannel: true, user: { select: { email: true, locale: true } } } } },
    orderBy: [{ guardianId: "asc" }, { pupilId: "asc" }],
  });
  const byGuardian = new Map<string, Invitee>();
  for (const l of links) {
    if (byGuardian.has(l.guardian.id)) continue;
    byGuardian.set(l.guardian.id, {
      guardianId: l.guardian.id, pupilId: l.pupilId, classGroupId: l.pupil.classGroupId, email: l.guardian.user.email, phone: l.guardian.phone,
      alertChannel: l.guardian.alertChannel, locale: l.guardian.user.locale,
    });
  }
  return [...byGuardian.values()];
}

/** The template's questions, in order. */
const templateQuestions = () => TEMPLATE_QUESTIONS.map((q, i) => ({ id: newId(), position: i + 1, kind: q.kind, templateKey: q.key, options: [...q.options], satisfaction: q.satisfaction ?? false }));

const OPEN_TEXTS = [
  "Meer uitleg over hoe het rooster werkt.", "Een vast aanspreekpunt als de mentor ziek is.", "Informatieavonden ook met een tolk.",
  "Sneller bericht als mijn kind een toets mist.", "Vaker iets positiefs horen, niet alleen als er problemen zijn.", "Een ouderavond over studiekeuze in klas 3.",
];

/** Answers of one respondent to the template: satisfaction leaning to 3, needs, channel, knowing whom to call, a mark, sometimes a remark. */
function answersFor(rng: Rng, questions: ReturnType<typeof templateQuestions>, responseId: string) {
  const rows: { id: string; responseId: string; questionId: string; value: number | null; text: string | null }[] = [];
  const add = (questionId: string, value: number | null, text: string | null = null) => rows.push({ id: randomUUID(), responseId, questionId, value, text });
  for (const q of questions) {
    const r = rng.next();
    if (q.kind === "SCALE_4") add(q.id, r < 0.08 ? 1 : r < 0.25 ? 2 : r < 0.72 ? 3 : 4);
    else if (q.kind === "SCALE_10") add(q.id, Math.min(10, Math.max(4, Math.round(6.5 + (r - 0.5) * 5))));
    else if (q.kind === "SINGLE") add(q.id, Math.floor(r * q.options.length) % q.options.length);
    else if (q.kind === "MULTIPLE") {
      const chosen = q.options.map((_, i) => i).filter(() => rng.next() < 0.35);
      for (const value of chosen.length ? chosen : [0]) add(q.id, value);
    } else if (r < 0.4) add(q.id, null, OPEN_TEXTS[Math.floor(rng.next() * OPEN_TEXTS.length)]);
  }
  return rows;
}

export async function writeDemoSurveys(db: PrismaClient, now: Date): Promise<void> {
  const rng = new Rng("schoolkompas-demo-surveys-v1");
  const leader = await db.staff.findFirstOrThrow({ where: { user: { email: "leider@demo.test" } }, select: { schoolId: true, userId: true, school: { select: { name: true } } } });
  const mentorClass = async (email: string) => (await db.mentorship.findFirstOrThrow({
    where: { staff: { user: { email } }, classGroup: { schoolId: leader.schoolId, schoolYear: { startsOn: { lte: now }, endsOn: { gte: now } } } }, select: { classGroupId: true },
  })).classGroupId;
  const [first, second] = [await mentorClass("mentor@demo.test"), await mentorClass("mentor2@demo.test")];
  const third = (await db.classGroup.findFirstOrThrow({ where: { schoolId: leader.schoolId, id: { notIn: [first, second] }, schoolYear: { startsOn: { lte: now }, endsOn: { gte: now } } }, orderBy: { name: "asc" }, select: { id: true } })).id;
  const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY);

  // The closed survey: last month, three classes, about 70 % answered.
  const closedQuestions = templateQuestions();
  const closedId = newId();
  const closedClasses = [first, second, third];
  const closedInvitees = await invitees(db, closedClasses, now);
  await db.survey.create({
    data: {
      id: closedId, schoolId: leader.schoolId, createdById: leader.userId, title: "Tevredenheid ouders najaar", status: "CLOSED", idempotencyKey: `demo-survey-closed`,
      createdAt: new Date(now.getTime() - 40 * DAY), sentAt: new Date(now.getTime() - 38 * DAY), closesOn: day(-24), remindedAt: new Date(now.getTime() - 30 * DAY), closedAt: new Date(now.getTime() - 24 * DAY),
      classes: { create: closedClasses.map((classGroupId) => ({ classGroupId })) },
      questions: { create: closedQuestions.map(({ id, ...q }) => ({ id, ...q })) },
    },
  });
  const closedAnswered = closedInvitees.map(() => rng.next() < 0.7);
  await db.surveyInvitation.createMany({ data: closedInvitees.map((i, n) => ({ id: randomUUID(), surveyId: closedId, guardianId: i.guardianId, classGroupId: i.classGroupId, responded: closedAnswered[n] })) });
  const closedResponses = closedInvitees.filter((_, n) => closedAnswered[n]).map((i) => ({ id: randomUUID(), surveyId: closedId, classGroupId: i.classGroupId }));
  // Responses in a shuffled order, so nothing of the invitation order is in the table either.
  closedResponses.sort((a, b) => a.id.localeCompare(b.id));
  await db.surveyResponse.createMany({ data: closedResponses });
  await db.surveyAnswer.createMany({ data: closedResponses.flatMap((r) => answersFor(rng, closedQuestions, r.id)) });

  // The open survey: sent yesterday to mentor@'s and mentor2@'s classes.
  const openQuestions = templateQuestions();
  const openId = newId();
  const title = "Wat heb je nodig van school?";
  const openInvitees = await invitees(db, [first, second], now);
  const sentAt = new Date(now.getTime() - DAY);
  await db.survey.create({
    data: {
      id: openId, schoolId: leader.schoolId, createdById: leader.userId, title, status: "OPEN", idempotencyKey: `demo-survey-open`,
      createdAt: new Date(now.getTime() - 2 * DAY), sentAt, closesOn: day(14),
      classes: { create: [first, second].map((classGroupId) => ({ classGroupId })) },
      questions: { create: openQuestions.map(({ id, ...q }) => ({ id, ...q })) },
    },
  });
  const demoGuardians = new Set((await db.guardian.findMany({ where: { user: { email: { endsWith: "@demo.test" } } }, select: { id: true } })).map((g) => g.id));
  // Four answers in mentor@'s class (too few to show it), six in mentor2@'s; never a demo account.
  const answering = new Set([
    ...openInvitees.filter((i) => i.classGroupId === first && !demoGuardians.has(i.guardianId)).slice(0, 4),
    ...openInvitees.filter((i) => i.classGroupId === second && !demoGuardians.has(i.guardianId)).slice(0, 6),
  ].map((i) => i.guardianId));
  const invitations = openInvitees.map((i) => ({ id: randomUUID(), surveyId: openId, guardianId: i.guardianId, classGroupId: i.classGroupId, responded: answering.has(i.guardianId) }));
  await db.surveyInvitation.createMany({ data: invitations });
  const openResponses = openInvitees.filter((i) => answering.has(i.guardianId)).map((i) => ({ id: randomUUID(), surveyId: openId, classGroupId: i.classGroupId }));
  openResponses.sort((a, b) => a.id.localeCompare(b.id));
  await db.surveyResponse.createMany({ data: openResponses });
  await db.surveyAnswer.createMany({ data: openResponses.flatMap((r) => answersFor(rng, openQuestions, r.id)) });
  // The invitations as the outbox delivered them.
  await db.notification.createMany({
    data: openInvitees.map((i, n) => {
      const channel = effectiveChannel(i.alertChannel, i.phone, i.email);
      const message = renderSurveyMessage(i.locale, channel, "invitation", {
        school: leader.school.name, title, closesOn: day(14).toISOString().slice(0, 10), url: `${PORTAL}/parent/surveys/${invitations[n].id}`,
      });
      return {
        id: newId(), kind: "SURVEY_INVITATION" as const, guardianId: i.guardianId, pupilId: i.pupilId, schoolId: leader.schoolId, channel, locale: i.locale,
        address: addressFor(channel, i.email, i.phone), status: "DELIVERED" as const, sendAfter: sentAt, deliveredAt: sentAt, attempts: 1,
        subject: message.subject, body: message.text, requestKey: `survey:${openId}:${i.guardianId}`, surveyId: openId, createdAt: sentAt, updatedAt: sentAt,
      };
    }),
  });
}
