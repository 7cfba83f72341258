import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import { writeAuditForList, type AuditRoute } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { releaseCutoff } from "@/lib/domain/results/release";
import { guardianRights, type GuardianRights } from "@/lib/auth/guardian-rights";
import { toPersonalData, type PersonalData } from "@/lib/domain/data-access/shape";

// The right of access (AVG art. 15): everything the school holds about the
// signed-in guardian and each child they may see — or, for a pupil of 16+ with
// an account, about themselves. Read through the same scope as every other page
// (the actor's pupils only) and audited per pupil. Staff-only data (internal
// notes, other guardians' details) is not the guardian's and is left out.

async function pupilsFor(actor: Actor, guardianId: string | null) {
  return db.pupil.findMany({
    where: scopeFor(actor, "pupil"),
    orderBy: { birthDate: "asc" },
    select: {
      id: true, firstName: true, lastName: true, birthDate: true, studentNumber: true, leftOn: true,
      school: { select: { name: true, gradeReleaseMode: true, gradeReleaseTime: true } },
      classGroup: { select: { name: true, year: true, track: true } },
      guardianLinks: {
        where: guardianId ? { guardianId } : {},
        select: {
          relationship: true, hasParentalAuthority: true, household: true, informationGrantedAt: true, consentGrantedAt: true, consentWithdrawnAt: true,
          accessRestricted: true, informationCategories: true, informationUntil: true, reasonsSharedAt: true,
          guardian: { select: { user: { select: { name: true } } } },
        },
      },
      results: {
        orderBy: { assessment: { heldOn: "asc" } },
        select: { grade: true, textValue: true, enteredAt: true, assessment: { select: { description: true, weight: true, heldOn: true, subject: { select: { name: true } } } } },
      },
      absences: { orderBy: [{ date: "asc" }, { lessonHour: "asc" }], select: { date: true, lessonHour: true, kind: true, minutes: true, reason: true, pupilReason: true, reportedBy: true } },
      sickReports: {
        where: guardianId ? { guardianId } : {},
        orderBy: { startsOn: "asc" },
        select: { reason: true, note: true, startsOn: true, endsOn: true, endedAt: true, createdAt: true },
      },
      contactMoments: {
        // A guardian sees the moments they took part in; a pupil every moment about them. Never the internal note.
        where: guardianId ? { guardians: { some: { guardianId } } } : {},
        orderBy: { occurredOn: "asc" },
        select: { occurredOn: true, kind: true, initiatedBy: true, tone: true, summary: true, followUpOn: true, staff: { select: { user: { select: { name: true } } } } },
      },
      // "We come / we don't come" to a school event: a guardian's own answers; a pupil every answer about them.
      eventReplies: {
        where: guardianId ? { guardianId } : {},
        orderBy: { createdAt: "asc" },
        select: { answer: true, updatedAt: true, event: { select: { title: true, startsAt: true } } },
      },
    },
  });
}

/** Everything the school holds about the signed-in guardian or pupil (16+), as one document. */
export async function getPersonalData(actor: Actor, now: Date = new Date(), route: AuditRoute = "/account/data"): Promise<PersonalData> {
  assertCan(actor, "data:access");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      name: true, email: true, locale: true, createdAt: true, lastSignInAt: true, passwordChangedAt: true, totpEnabledAt: true, welcomedAt: true,
      memberships: { select: { role: true, school: { select: { name: true } } } },
      guardian: { select: { phone: true, phoneAsEntered: true, preferredChannel: true, interpreterWanted: true, alertChannel: true, alertTiming: true } },
    },
  });
  const guardianId = actor.role === "PARENT" ? actor.guardianId : null;
  const [pupils, messages] = await Promise.all([
    pupilsFor(actor, guardianId),
    db.notification.findMany({
      where: { OR: [...(guardianId ? [{ guardianId }] : []), { userId: actor.userId }] },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, kind: true, channel: true, status: true, address: true, subject: true, body: true, deliveredAt: true, readAt: true, pupilId: true },
    }),
  ]);
  await writeAuditForList(actor, "data:export", pupils.map((p) => p.id), { category: "personalData", route });
  // A guardian gets only what the one rule lets them see of each child (decisions 0022, 0023): an
  // information grant names its categories, a pupil of 16+ decides about their own reasons.
  const everything: GuardianRights["see"] = { results: true, absences: true, absenceReasons: true, contacts: true, mentor: true };
  const seen = (p: (typeof pupils)[number]) => (guardianId ? guardianRights(p.guardianLinks[0], p.birthDate, now).see : everything);
  return toPersonalData({
    now, role: actor.role, user, messages,
    pupils: pupils.map((p) => ({ ...p, releasedUntil: releaseCutoff(p.school, now), sees: seen(p) })),
  });
}
