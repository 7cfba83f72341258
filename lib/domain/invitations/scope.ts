import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { informedLink } from "@/lib/auth/scope";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/types";
import type { AuditContext } from "@/lib/auth/audit";

/**
 * Whom an actor may invite: a board administrator the guardians and staff of
 * one school of their board; a mentor the guardians of their own classes.
 * Only guardians of current pupils (not left, in this school year's classes)
 * through a link that lets them be informed (scope.ts informedLink).
 */
export type InvitationScope = {
  schoolId: string | null;
  schoolName: string | null;
  /** Current pupils in scope. */
  pupils: Prisma.PupilWhereInput;
  /** Classes in scope (for the per-class lists and bulk invitations). */
  classes: Prisma.ClassGroupWhereInput;
  /** Staff accounts too (administrators only). */
  staff: boolean;
  /** The page the audit rows name: the administrator's or the mentor's invitations page. */
  page: AuditContext;
};

const ADMIN_PAGE: AuditContext = { category: "guardians", route: "/admin/schools/[schoolId]/invitations" };
const MENTOR_PAGE: AuditContext = { category: "guardians", route: "/mentor/invitations" };

export async function invitationScope(actor: Actor, schoolId: string | null): Promise<InvitationScope> {
  assertCan(actor, "invitations:send");
  const today = dutchToday();
  const thisYear = { schoolYear: { startsOn: { lte: today }, endsOn: { gte: today } } };
  // A school named: only an administrator of its board (anyone else: 404 + audit row).
  if (schoolId !== null) {
    const school = await boardSchool(actor, schoolId, "invitations:send");
    const classes = { schoolId: school.id, ...thisYear };
    return { schoolId: school.id, schoolName: school.name, pupils: { schoolId: school.id, leftOn: null, classGroup: classes }, classes, staff: true, page: ADMIN_PAGE };
  }
  if (actor.role !== "MENTOR") throw new AppError("forbidden");
  // A mentor: their classes of this school year only (actor.mentorOf).
  const classes = { id: { in: actor.mentorOf } };
  return { schoolId: actor.schoolId, schoolName: null, pupils: { classGroupId: { in: actor.mentorOf }, leftOn: null }, classes, staff: false, page: MENTOR_PAGE };
}

/** Guardians in scope: at least one informable link to a pupil in scope (optionally of one class). */
export function guardiansWhere(scope: InvitationScope, classId?: string): Prisma.GuardianWhereInput {
  const pupil = classId ? { AND: [scope.pupils, { classGroupId: classId }] } : scope.pupils;
  return { links: { some: { ...informedLink(), pupil } } };
}
