import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/types";

// Matches nothing: for actors who have no scope at all.
const NOTHING = { id: { in: [] as string[] } };

/**
 * The guardian links through which a guardian may see a pupil: not restricted
 * by the school, consent not withdrawn by a pupil of 18+, and either parental
 * authority or information granted on request (art. 1:377c BW).
 */
export function visibleLinkFor(guardianId: string): Prisma.GuardianLinkWhereInput {
  return { guardianId, ...informedLink() };
}

/**
 * visibleLinkFor without the guardian: the links through which a guardian may
 * be informed at all (for inviting the guardians of a class or school).
 */
export function informedLink(): Prisma.GuardianLinkWhereInput {
  return {
    accessRestricted: false,
    consentWithdrawnAt: null,
    OR: [{ hasParentalAuthority: true }, { informationGrantedAt: { not: null } }],
  };
}

/**
 * visibleLinkFor as SQL, for hand-written statements: true when guardian
 * `guardianParam` (e.g. "$2") may see the pupil whose id is `pupilColumn`.
 * tests/integration/isolation/visible-link-sql.test.ts keeps the two equal.
 */
export function visibleLinkSql(pupilColumn: string, guardianParam: string): string {
  return `EXISTS (SELECT 1 FROM "GuardianLink" vl WHERE vl."pupilId" = ${pupilColumn} AND vl."guardianId" = ${guardianParam}
    AND NOT vl."accessRestricted" AND vl."consentWithdrawnAt" IS NULL
    AND (vl."hasParentalAuthority" OR vl."informationGrantedAt" IS NOT NULL))`;
}

/**
 * pupilScope's MENTOR case as SQL, for hand-written statements: true when the
 * pupil's class (`classColumn`) is one of the mentor's classes, passed as the
 * text array `mentorOfParam` (actor.mentorOf).
 */
export function mentorClassesSql(classColumn: string, mentorOfParam: string): string {
  return `${classColumn} = ANY(${mentorOfParam}::text[])`;
}

/** The pupils an actor may see. Combine it with the id in the same `where`. */
export function pupilScope(actor: Actor): Prisma.PupilWhereInput {
  switch (actor.role) {
    case "PARENT":
      return actor.guardianId ? { guardianLinks: { some: visibleLinkFor(actor.guardianId) } } : NOTHING;
    case "MENTOR":
      return { classGroupId: { in: actor.mentorOf } };
    case "LEADER":
    case "ATTENDANCE_OFFICER":
      return actor.schoolId ? { schoolId: actor.schoolId } : NOTHING;
    case "ADMIN":
      return actor.boardId ? { school: { boardId: actor.boardId } } : NOTHING;
    case "PUPIL":
      return actor.pupilId ? { id: actor.pupilId } : NOTHING;
  }
}

export function scopeFor(actor: Actor, entity: "pupil"): Prisma.PupilWhereInput {
  switch (entity) {
    case "pupil":
      return pupilScope(actor);
  }
}
