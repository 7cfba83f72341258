import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { STAFF_ROLES, type AccountState, type StaffRole } from "@/lib/domain/admin/staff-fields";
import { boardStaff, currentClasses, currentSchoolYear } from "@/lib/domain/admin/staff-scope";

const stateOf = (user: { disabledAt: Date | null; passwordHash: string | null }): AccountState =>
  user.disabledAt ? "blocked" : user.passwordHash ? "active" : "noPassword";

const staffRoles = (memberships: { role: string }[]): StaffRole[] => STAFF_ROLES.filter((r) => memberships.some((m) => m.role === r));

/** Everyone with a staff profile at the school: roles here, mentor classes this school year, account state, two-step sign-in. */
export async function listSchoolStaff(actor: Actor, schoolId: string) {
  const school = await boardSchool(actor, schoolId, "staff:manage");
  const year = await currentSchoolYear();
  const staff = await db.staff.findMany({
    where: { schoolId: school.id },
    orderBy: { user: { name: "asc" } },
    select: {
      id: true,
      user: {
        select: {
          name: true, email: true, disabledAt: true, passwordHash: true, totpEnabledAt: true,
          memberships: { where: { schoolId: school.id }, select: { role: true } },
        },
      },
      mentorships: { where: { classGroup: { schoolYearId: year?.id ?? "" } }, select: { classGroup: { select: { name: true } } } },
    },
  });
  return {
    school,
    year,
    staff: staff.map(({ id, user, mentorships }) => ({
      id, name: user.name, email: user.email, roles: staffRoles(user.memberships), state: stateOf(user), twoFactor: user.totpEnabledAt !== null,
      classes: mentorships.map((m) => m.classGroup.name).sort(),
    })),
  };
}

/** One staff member for the edit page, with the classes they can be given. */
export async function getStaffMember(actor: Actor, schoolId: string, staffId: string) {
  const { school, staff } = await boardStaff(actor, schoolId, staffId, "staff:update");
  const [memberships, classes, year] = await Promise.all([
    db.roleMembership.findMany({ where: { userId: staff.userId, schoolId: school.id }, select: { role: true } }),
    currentClasses(actor, school.id),
    currentSchoolYear(),
  ]);
  const mentorships = await db.mentorship.findMany({ where: { staffId: staff.id, classGroup: { schoolYearId: year?.id ?? "" } }, select: { classGroupId: true } });
  return {
    school,
    classes,
    year,
    member: {
      id: staff.id, userId: staff.userId, name: staff.user.name, email: staff.user.email, phone: staff.phone ?? "", state: stateOf(staff.user),
      twoFactor: staff.user.totpEnabledAt !== null, roles: staffRoles(memberships), classIds: mentorships.map((m) => m.classGroupId),
    },
  };
}

/** What the new-staff form needs: the school and its classes this school year. */
export async function getNewStaffForm(actor: Actor, schoolId: string) {
  const school = await boardSchool(actor, schoolId, "staff:manage");
  const [classes, year] = await Promise.all([currentClasses(actor, school.id), currentSchoolYear()]);
  return { school, classes, year };
}
