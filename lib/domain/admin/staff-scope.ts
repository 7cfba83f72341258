import "server-only";
import { db } from "@/lib/db/client";
import { denyAccess, type AuditAction } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { boardSchool } from "@/lib/domain/schools/board-scope";

/**
 * A staff member of a school of the administrator's board, loaded with the
 * school in the same `where`; anything else answers 404 with an audit row.
 */
export async function boardStaff(actor: Actor, schoolId: string, staffId: string, action: AuditAction) {
  const school = await boardSchool(actor, schoolId, "staff:manage");
  const staff = await db.staff.findFirst({
    where: { id: staffId, schoolId: school.id },
    select: { id: true, userId: true, phone: true, user: { select: { name: true, email: true, disabledAt: true, passwordHash: true, totpEnabledAt: true } } },
  });
  if (!staff) return denyAccess(actor, action, staffId, { category: "staff", route: "/admin/schools/[schoolId]/staff/[staffId]" });
  return { school, staff };
}

/** The school year that contains today, if it exists. */
export async function currentSchoolYear() {
  const today = dutchToday();
  return db.schoolYear.findFirst({ where: { startsOn: { lte: today }, endsOn: { gte: today } }, select: { id: true, name: true } });
}

/** The school's classes in the current school year: the classes a mentor can be given (a school of the administrator's board). */
export async function currentClasses(actor: Actor, schoolId: string) {
  const year = await currentSchoolYear();
  if (!year || !actor.boardId) return [];
  return db.classGroup.findMany({ where: { schoolId, schoolYearId: year.id, school: { boardId: actor.boardId } }, orderBy: [{ year: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}
