import { dateOf, momentAt } from "./calendar";
import { newId } from "./ids";
import type { GuardianInfo, LinkInfo, SchoolState, SeedContext, StaffInfo } from "./model";
import type { LinkFacts } from "../../lib/auth/guardian-rights";
import { fullName } from "./names";
import type { Buffers } from "./tables";
import type { AlertChannel, AlertTiming } from "../../lib/generated/prisma/enums";

// Rows for the people of one school, written after the demo accounts have
// been placed: staff, classes and mentorships, pupils, guardians and links.
// Guardians shared by siblings are written once.

function writeStaff(ctx: SeedContext, school: SchoolState, staff: StaffInfo, buffers: Buffers): void {
  buffers.User.add({
    id: staff.userId, email: staff.email, passwordHash: ctx.passwordHash, name: fullName(staff.name), locale: "nl", createdAt: ctx.now, updatedAt: ctx.now,
  });
  buffers.RoleMembership.add({
    id: newId(), userId: staff.userId, role: staff.isLeader ? "LEADER" : "MENTOR", schoolId: school.id, boardId: null, createdAt: ctx.now,
  });
  buffers.Staff.add({ id: staff.id, userId: staff.userId, schoolId: school.id, phone: staff.phone, contactHours: staff.contactHours });
}

/**
 * How a generated guardian hears about absence: most by e-mail straight away,
 * some by text message, some once a day, a few only in the portal. Derived
 * from the e-mail address, so it is stable for a seed.
 */
/** A seeded link as the rule (lib/auth/guardian-rights.ts) reads it. */
export function linkFacts(link: LinkInfo): LinkFacts {
  const at = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));
  return {
    hasParentalAuthority: link.hasParentalAuthority,
    accessRestricted: link.restrictionReason !== null,
    informationGrantedAt: at(link.informationGrantedAt),
    informationCategories: link.informationCategories ?? [],
    informationUntil: link.informationUntil === undefined || link.informationUntil === null ? null : dateOf(link.informationUntil),
    consentGrantedAt: at(link.consentGrantedAt),
    reasonsSharedAt: at(link.reasonsSharedAt),
  };
}

export function alertPreferenceOf(g: GuardianInfo): { alertChannel: AlertChannel; alertTiming: AlertTiming } {
  let hash = 0;
  for (const c of g.email) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const bucket = hash % 20;
  const alertChannel: AlertChannel = bucket < 3 ? "SMS" : bucket < 5 ? "PORTAL" : "EMAIL";
  return { alertChannel, alertTiming: bucket === 6 || bucket === 7 ? "DAILY_DIGEST" : "IMMEDIATE" };
}

function writeGuardian(ctx: SeedContext, g: GuardianInfo, buffers: Buffers): void {
  if (!g.staffAccount) {
    buffers.User.add({
      id: g.userId, email: g.email, passwordHash: ctx.passwordHash, name: fullName(g.name), locale: g.locale, createdAt: ctx.now, updatedAt: ctx.now,
    });
  }
  buffers.RoleMembership.add({ id: newId(), userId: g.userId, role: "PARENT", schoolId: null, boardId: null, createdAt: ctx.now });
  buffers.Guardian.add({
    id: g.id, userId: g.userId, phone: g.phone, preferredChannel: g.preferredChannel, interpreterWanted: g.interpreterWanted,
    ...alertPreferenceOf(g),
  });
}

export function writePeople(ctx: SeedContext, school: SchoolState, buffers: Buffers): void {
  const currentYear = ctx.years[ctx.years.length - 1];
  writeStaff(ctx, school, school.leader, buffers);
  const guardians = new Set<GuardianInfo>();
  for (const cls of school.classes) {
    writeStaff(ctx, school, cls.mentor, buffers);
    buffers.ClassGroup.add({
      id: cls.id, schoolId: school.id, schoolYearId: currentYear.id, name: cls.plan.name, year: cls.plan.year, track: cls.plan.track,
    });
    buffers.Mentorship.add({ id: newId(), staffId: cls.mentor.id, classGroupId: cls.id });
    for (const pupil of cls.pupils) {
      const enrolled = momentAt(pupil.enrolledOn, 10 * 60);
      buffers.Pupil.add({
        id: pupil.id, schoolId: school.id, classGroupId: cls.id, studentNumber: pupil.studentNumber, firstName: pupil.firstName,
        lastName: pupil.lastName, birthDate: pupil.birthDate, userId: pupil.userId, createdAt: enrolled,
      });
      pupil.links.forEach((link, k) => {
        if (!link.guardian.global && !guardians.has(link.guardian)) {
          guardians.add(link.guardian);
          writeGuardian(ctx, link.guardian, buffers);
        }
        buffers.GuardianLink.add({
          id: newId(), guardianId: link.guardian.id, pupilId: pupil.id, relationship: link.relationship,
          hasParentalAuthority: link.hasParentalAuthority, accessRestricted: link.restrictionReason !== null,
          restrictionReason: link.restrictionReason, informationGrantedAt: link.informationGrantedAt,
          informationGrantedBy: link.informationGrantedBy, informationCategories: link.informationCategories ?? [],
          informationUntil: link.informationUntil ?? null, consentWithdrawnAt: link.consentWithdrawnAt,
          consentGrantedAt: link.consentGrantedAt ?? null, reasonsSharedAt: link.reasonsSharedAt ?? null,
          // A minute apart, so "first guardian" has a stable meaning.
          createdAt: enrolled + k * 60_000,
        });
      });
    }
  }
}
