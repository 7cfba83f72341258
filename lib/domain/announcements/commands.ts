import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { rightsMoment } from "@/lib/auth/guardian-rights";
import { linkWhere } from "@/lib/auth/guardian-rights-forms";
import { assertCanFor, writeAudit, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import type { AnnouncementInput } from "@/lib/domain/announcements/schemas";
import { renderAnnouncement } from "@/lib/domain/announcements/notices";
import { sendableClasses } from "@/lib/domain/announcements/queries";
import { addressFor, effectiveChannel } from "@/lib/notifications/recipients";
import { publicBaseUrl } from "@/lib/notifications/deliver";
import { queueSchoolMessage, sendAfterForSchoolMessage } from "@/lib/notifications/school-messages";

// A class announcement (issue 16): a mentor to their own classes, the school
// leader to the whole school or chosen classes. Every guardian of those
// classes who may receive "other messages" (the one rule: not restricted,
// parental authority, an adult pupil's consent) gets one message, however many
// children they have there, in their own language and channel, queued in the
// same transaction as the announcement.

export class AnnouncementValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

export const announcementsRoute = (actor: Actor) => (actor.role === "LEADER" ? "/leader/announcements" : "/mentor/announcements") as `/${string}`;
const context = (actor: Actor): AuditContext => ({ category: "announcements", route: announcementsRoute(actor) });

export type SendResult = { id: string; created: boolean; recipients: number };

export async function sendAnnouncement(actor: Actor, input: AnnouncementInput, { now = new Date() }: { now?: Date } = {}): Promise<SendResult> {
  await assertCanFor(actor, "announcement:send", "announcement:send", null, context(actor));
  if (!actor.schoolId) throw new AppError("forbidden");
  const earlier = await db.announcement.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, authorUserId: true, _count: { select: { notifications: true } } } });
  if (earlier) {
    if (earlier.authorUserId !== actor.userId) throw new AppError("conflict");
    return { id: earlier.id, created: false, recipients: earlier._count.notifications };
  }
  if (input.wholeSchool && actor.role !== "LEADER") throw new AnnouncementValidationError({ classIds: "announcementErrors.classes" });
  const allowed = await sendableClasses(actor, now);
  const classIds = input.wholeSchool ? allowed.map((c) => c.id) : input.classIds;
  const unknown = classIds.filter((id) => !allowed.some((c) => c.id === id));
  if (unknown.length) {
    // A class outside the sender's own (or school's): refused and recorded, nothing written.
    await writeAudit(actor, "announcement:send", "DENIED", unknown[0], { reason: "class" }, context(actor));
    throw new AppError("notFound");
  }
  if (classIds.length === 0) throw new AnnouncementValidationError({ classIds: "announcementErrors.classes" });
  const classNames = new Map(allowed.map((c) => [c.id, c.name]));

  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { quietHoursStart: true, quietHoursEnd: true } });
  const links = await db.guardianLink.findMany({
    where: { pupil: { classGroupId: { in: classIds }, leftOn: null }, guardian: { user: { disabledAt: null } }, ...linkWhere("otherMessages", rightsMoment(now)) },
    select: {
      pupilId: true, pupil: { select: { classGroupId: true } },
      guardian: { select: { id: true, phone: true, alertChannel: true, user: { select: { name: true, email: true, locale: true } } } },
    },
    orderBy: [{ guardianId: "asc" }, { pupilId: "asc" }],
  });
  // One message per guardian, however many of their children are in the classes.
  const byGuardian = new Map<string, { link: (typeof links)[number]; classes: Set<string> }>();
  for (const link of links) {
    const entry = byGuardian.get(link.guardian.id) ?? { link, classes: new Set<string>() };
    entry.classes.add(classNames.get(link.pupil.classGroupId) ?? "");
    byGuardian.set(link.guardian.id, entry);
  }
  const url = `${publicBaseUrl()}/parent/announcements`;

  return db.$transaction(async (tx) => {
    const announcement = await tx.announcement.create({
      data: {
        schoolId: actor.schoolId!, authorUserId: actor.userId, authorRole: actor.role, wholeSchool: input.wholeSchool,
        subject: input.subject, body: input.body, idempotencyKey: input.idempotencyKey, createdAt: now,
        classes: { create: classIds.map((classGroupId) => ({ classGroupId })) },
      },
      select: { id: true },
    });
    let recipients = 0;
    for (const { link, classes } of byGuardian.values()) {
      const { guardian } = link;
      const channel = effectiveChannel(guardian.alertChannel, guardian.phone, guardian.user.email);
      const message = renderAnnouncement(guardian.user.locale, channel, {
        sender: actor.name, classes: [...classes].sort().join(", "), subject: input.subject, body: input.body, url,
      });
      const sendAfter = sendAfterForSchoolMessage(now, channel, { start: school.quietHoursStart, end: school.quietHoursEnd });
      const id = await queueSchoolMessage(tx, {
        kind: "CLASS_ANNOUNCEMENT", guardianId: guardian.id, pupilId: link.pupilId, schoolId: actor.schoolId!, channel, locale: guardian.user.locale,
        address: addressFor(channel, guardian.user.email, guardian.phone), message, requestKey: `announcement:${announcement.id}:${guardian.id}`,
        announcementId: announcement.id,
      }, sendAfter);
      if (id) recipients += 1;
    }
    return { id: announcement.id, created: true, recipients };
  });
}
