import type { PrismaClient } from "../../lib/generated/prisma/client";
import { rightsMoment } from "../../lib/auth/guardian-rights";
import { linkWhere } from "../../lib/auth/guardian-rights-forms";
import { renderAnnouncement } from "../../lib/domain/announcements/notices";
import { addressFor, effectiveChannel } from "../../lib/notifications/recipients";
import { newId } from "./ids";

// Ask the mentor and class announcements in the demo (issue 16; the contract
// in docs/architecture.md): in mentor@demo.test's class one answered question
// of another family, one open call-back request, and one announcement
// delivered to every guardian of the class who may receive it. ouder@ and
// ouder3@ ask nothing here: the browser test does.

const PORTAL = "http://localhost:3000";

export async function writeDemoQuestions(db: PrismaClient, now: Date): Promise<void> {
  const mentor = await db.staff.findFirstOrThrow({
    where: { user: { email: "mentor@demo.test" } },
    select: { id: true, schoolId: true, userId: true, user: { select: { name: true } } },
  });
  // The class of ouder@'s first child, which mentor@ mentors.
  const pupil = await db.pupil.findFirstOrThrow({
    where: { guardianLinks: { some: { guardian: { user: { email: "ouder@demo.test" } } } }, classGroup: { mentorships: { some: { staffId: mentor.id } } } },
    select: { classGroupId: true, classGroup: { select: { name: true } } },
  });
  const at = rightsMoment(now);
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const families = await db.guardianLink.findMany({
    where: { pupil: { classGroupId: pupil.classGroupId }, guardian: { user: { email: { not: { endsWith: "@demo.test" } }, disabledAt: null } }, ...linkWhere("mentor", at) },
    select: { guardianId: true, pupilId: true },
    orderBy: [{ pupil: { lastName: "asc" } }, { guardianId: "asc" }],
  });
  const [answered, callBack] = [families[0], families.find((f) => f.pupilId !== families[0]?.pupilId)];
  if (!answered || !callBack) throw new Error("demo: mentor@'s class needs two other families");
  await db.mentorQuestion.create({
    data: {
      id: newId(), pupilId: answered.pupilId, guardianId: answered.guardianId, kind: "QUESTION", idempotencyKey: `demo-question-${answered.guardianId}`,
      body: "Mijn dochter zegt dat ze het huiswerk voor wiskunde niet begrijpt. Kan zij ergens extra hulp krijgen?",
      createdAt: hoursAgo(50), answer: "Ja, op dinsdag en donderdag is er na het 7e uur huiswerkbegeleiding in lokaal 1.14. Ik heb haar al aangemeld.",
      answeredAt: hoursAgo(30), answeredById: mentor.id, closedAt: hoursAgo(30), internalNote: "Volgende week navragen of ze is geweest.",
    },
  });
  await db.mentorQuestion.create({
    data: {
      id: newId(), pupilId: callBack.pupilId, guardianId: callBack.guardianId, kind: "CALL_BACK", idempotencyKey: `demo-call-back-${callBack.guardianId}`,
      body: "Over het rapport.", callTimes: ["EVENING"], callTimesNote: "na 18.00 uur", languageWanted: "tr", createdAt: hoursAgo(20),
    },
  });

  const subject = "Gymles donderdag buiten";
  const body = "Donderdag is de gymles buiten op het sportveld. Geef je kind sportkleren en goede schoenen mee.";
  const announcement = await db.announcement.create({
    data: {
      id: newId(), schoolId: mentor.schoolId, authorUserId: mentor.userId, authorRole: "MENTOR", subject, body, idempotencyKey: `demo-announcement-${pupil.classGroupId}`,
      createdAt: hoursAgo(26), classes: { create: [{ classGroupId: pupil.classGroupId }] },
    },
    select: { id: true, createdAt: true },
  });
  const links = await db.guardianLink.findMany({
    where: { pupil: { classGroupId: pupil.classGroupId, leftOn: null }, guardian: { user: { disabledAt: null } }, ...linkWhere("otherMessages", at) },
    select: { pupilId: true, guardian: { select: { id: true, phone: true, alertChannel: true, user: { select: { email: true, locale: true } } } } },
    orderBy: [{ guardianId: "asc" }, { pupilId: "asc" }],
  });
  const seen = new Set<string>();
  const rows = links.filter((l) => !seen.has(l.guardian.id) && seen.add(l.guardian.id)).map(({ pupilId, guardian }) => {
    const channel = effectiveChannel(guardian.alertChannel, guardian.phone, guardian.user.email);
    const message = renderAnnouncement(guardian.user.locale, channel, {
      sender: mentor.user.name, classes: pupil.classGroup.name, subject, body, url: `${PORTAL}/parent/announcements`,
    });
    return {
      id: newId(), kind: "CLASS_ANNOUNCEMENT" as const, guardianId: guardian.id, pupilId, schoolId: mentor.schoolId, channel, locale: guardian.user.locale,
      address: addressFor(channel, guardian.user.email, guardian.phone), status: "DELIVERED" as const, sendAfter: announcement.createdAt,
      attempts: channel === "PORTAL" ? 0 : 1, deliveredAt: announcement.createdAt, providerRef: channel === "PORTAL" ? "portal" : "demo",
      subject: message.subject, body: message.text, requestKey: `announcement:${announcement.id}:${guardian.id}`, announcementId: announcement.id,
      createdAt: announcement.createdAt, updatedAt: announcement.createdAt,
    };
  });
  await db.notification.createMany({ data: rows });
}
