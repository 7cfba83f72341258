import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { guardianScope } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";
import { assertCan } from "@/lib/auth/permissions";
import { guardianRights } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import { schoolSystemPlace } from "@/lib/domain/school-system/model";

const PAGE: AuditContext = { category: "record", route: "/parent/children/[pupilId]/school-system" };

/**
 * One child's place in the Dutch school system, for a guardian who may open
 * the child's page (the rule's "any"): class track and leerjaar, the school's
 * own promotion rules and phone, and — only with the right "mentor" — the
 * mentors, in one statement plus the audit insert. Anyone else: 404 + audit.
 */
export async function childSchoolSystem(actor: Actor, pupilId: string, now: Date = new Date()) {
  await assertCanFor(actor, "parent:view", "pupil:view", pupilId, PAGE);
  const pupil = await db.pupil.findFirst({
    where: { id: pupilId, ...guardianScope(actor, "any", now) },
    select: {
      id: true, firstName: true, lastName: true, birthDate: true,
      guardianLinks: { where: { guardianId: actor.guardianId ?? "" }, select: LINK_FACTS_SELECT, take: 1 },
      school: { select: { name: true, phone: true, promotionRules: true } },
      classGroup: {
        select: {
          name: true, year: true, track: true,
          // Read only when the guardian may talk with the mentor (the rule's "mentor").
          mentorships: {
            where: { classGroup: { pupils: { some: { id: pupilId, ...guardianScope(actor, "mentor", now) } } } },
            orderBy: [{ staff: { user: { name: "asc" } } }, { id: "asc" }],
            select: { staff: { select: { phone: true, contactHours: true, user: { select: { name: true, email: true } } } } },
          },
        },
      },
    },
  });
  if (!pupil || !pupil.guardianLinks[0]) return denyAccess(actor, "pupil:view", pupilId, PAGE);
  await writeAudit(actor, "pupil:view", "ALLOWED", pupil.id, undefined, PAGE);
  const rights = guardianRights(pupil.guardianLinks[0], pupil.birthDate, now);
  const { classGroup } = pupil;
  return {
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    school: { name: pupil.school.name, phone: pupil.school.phone, promotionRules: pupil.school.promotionRules?.trim() || null },
    classGroup: { name: classGroup.name, year: classGroup.year, track: classGroup.track },
    place: schoolSystemPlace(classGroup.track, classGroup.year),
    mayAskMentor: rights.see.mentor,
    mentors: rights.see.mentor
      ? classGroup.mentorships.map(({ staff }) => ({ name: staff.user.name, email: staff.user.email ?? "", phone: staff.phone, contactHours: staff.contactHours }))
      : [],
  };
}

export type ChildSchoolSystem = Awaited<ReturnType<typeof childSchoolSystem>>;

/** The leader's own school's promotion rules (for the form on /leader). */
export async function schoolPromotionRules(actor: Actor): Promise<string> {
  assertCan(actor, "promotionRules:edit");
  if (!actor.schoolId) return "";
  const school = await db.school.findUnique({ where: { id: actor.schoolId }, select: { promotionRules: true } });
  return school?.promotionRules ?? "";
}
