import type { Prisma } from "@/lib/generated/prisma/client";
import { assertActor, type Actor } from "@/lib/auth/actor";
import { rightsMoment } from "@/lib/auth/guardian-rights";
import { linkWhere, rightsSql, type LinkRight } from "@/lib/auth/guardian-rights-forms";

// Matches nothing: for actors who have no scope at all.
const NOTHING = { id: { in: [] as string[] } };

/**
 * The guardian links through which guardian `guardianId` has `right` at `now`
 * ("any": the child's page opens at all). The rule itself is
 * lib/auth/guardian-rights.ts; this is its Prisma form.
 */
export function visibleLinkFor(guardianId: string, right: LinkRight = "any", now: Date = new Date()): Prisma.GuardianLinkWhereInput {
  return { guardianId, ...linkWhere(right, rightsMoment(now)) };
}

/**
 * The links through which a guardian has something to see, or may ask for
 * information (art. 1:377c BW): whom a school invites to the portal.
 */
export function informedLink(now: Date = new Date()): Prisma.GuardianLinkWhereInput {
  const at = rightsMoment(now);
  return { OR: [linkWhere("any", at), linkWhere("ask", at)] };
}

/**
 * visibleLinkFor as SQL, for hand-written statements: true when guardian
 * `guardianParam` (e.g. "$2") has `right` about the pupil `pupilAlias` (a
 * Pupil row) on the Dutch calendar day `todayParam`.
 * tests/integration/guardian-rights-forms.test.ts keeps the forms equal.
 */
export function visibleLinkSql(pupilAlias: string, guardianParam: string, todayParam: string, right: LinkRight = "any"): string {
  return `EXISTS (SELECT 1 FROM "GuardianLink" vl WHERE vl."pupilId" = ${pupilAlias}.id AND vl."guardianId" = ${guardianParam}
    AND ${rightsSql("vl", pupilAlias, todayParam)[right]})`;
}

/** The pupils about whom a parent has `right` (e.g. "reportSick"), at `now`; nothing for other roles. */
export function guardianScope(actor: Actor, right: LinkRight, now: Date = new Date()): Prisma.PupilWhereInput {
  assertActor(actor);
  if (actor.role !== "PARENT" || !actor.guardianId) return NOTHING;
  return { guardianLinks: { some: visibleLinkFor(actor.guardianId, right, now) } };
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
  assertActor(actor);
  switch (actor.role) {
    case "PARENT":
      return guardianScope(actor, "any");
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
