import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditContext } from "@/lib/auth/audit";

const NEW_STAFF: AuditContext = { category: "staff", route: "/admin/schools/[schoolId]/staff/new" };
const STAFF_PAGE: AuditContext = { category: "staff", route: "/admin/schools/[schoolId]/staff/[staffId]" };
import type { Actor } from "@/lib/auth/types";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { STAFF_ROLES } from "@/lib/domain/admin/staff-fields";
import { boardStaff, currentSchoolYear } from "@/lib/domain/admin/staff-scope";
import type { NewStaffInput, StaffRolesInput } from "@/lib/domain/admin/staff-schemas";

type Tx = Prisma.TransactionClient;

export type CreateStaffResult =
  | { status: "created"; staffId: string }
  /** The address has an account of someone with the same name: the administrator confirms it is the same person. */
  | { status: "confirm"; name: string; roles: Role[] };

/** Names compared as people write them: case, accents and spacing aside. */
export const sameName = (a: string, b: string) => {
  const plain = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  return plain(a) === plain(b);
};

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Only classes of this school in the current school year can be a mentor's. */
async function assertClasses(tx: Tx, schoolId: string, classIds: string[]) {
  if (!classIds.length) return;
  const year = await currentSchoolYear();
  const found = await tx.classGroup.count({ where: { id: { in: classIds }, schoolId, schoolYearId: year?.id ?? "" } });
  if (found !== classIds.length) throw new AdminValidationError({ classIds: "staffErrors.classIds" });
}

async function addRoles(tx: Tx, userId: string, staffId: string, schoolId: string, input: { roles: string[]; classIds: string[] }) {
  await tx.roleMembership.createMany({ data: input.roles.map((role) => ({ userId, role: role as Role, schoolId })), skipDuplicates: true });
  await tx.mentorship.createMany({ data: input.classIds.map((classGroupId) => ({ staffId, classGroupId })), skipDuplicates: true });
}

/**
 * A staff account at a school: the user (without a password — the invitation
 * lets them choose one), the staff profile, a membership per role and the
 * mentor's classes, in one transaction. An address that already has an account:
 * - of the same person (same name), e.g. a parent who also teaches here: the
 *   profile and roles are added to that account once the administrator confirms;
 * - with another name: refused; with a staff profile at another school: refused
 *   (one staff profile per person for now).
 * Submitting it again finds the staff member it made and adds nothing new.
 */
export async function createStaffAccount(actor: Actor, schoolId: string, input: NewStaffInput, retry = true): Promise<CreateStaffResult> {
  const school = await boardSchool(actor, schoolId, "staff:manage");
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, disabledAt: true, staff: { select: { id: true, schoolId: true } }, memberships: { select: { role: true } } },
  });
  if (existing) {
    if (!sameName(existing.name, input.name)) throw new AdminValidationError({ email: "staffErrors.emailOtherName" });
    if (existing.staff && existing.staff.schoolId !== school.id) throw new AdminValidationError({ email: "staffErrors.otherSchool" });
    if (existing.disabledAt) throw new AdminValidationError({ email: "staffErrors.accountBlocked" });
    if (!existing.staff && !input.confirmExisting) return { status: "confirm", name: existing.name, roles: [...new Set(existing.memberships.map((m) => m.role))] };
  }
  try {
    const result = await db.$transaction(async (tx) => {
      await assertClasses(tx, school.id, input.classIds);
      const userId = existing?.id ?? (await tx.user.create({ data: { email: input.email, name: input.name }, select: { id: true } })).id;
      const staffId = existing?.staff?.id ?? (await tx.staff.create({ data: { userId, schoolId: school.id, phone: input.phone }, select: { id: true } })).id;
      await addRoles(tx, userId, staffId, school.id, input);
      return { staffId, again: !!existing?.staff };
    });
    if (!result.again) {
      await writeAudit(actor, "staff:create", "ALLOWED", result.staffId, { roles: input.roles.join(","), classes: input.classIds.length, existingAccount: !!existing }, NEW_STAFF);
    }
    return { status: "created", staffId: result.staffId };
  } catch (error) {
    // The same form submitted twice at once: the unique e-mail (or staff profile) lets one through; the other finds it.
    if (retry && isUniqueViolation(error)) return createStaffAccount(actor, schoolId, input, false);
    throw error;
  }
}

/**
 * Sets a staff member's roles at the school and their mentor classes of this
 * school year (earlier years stay as history). Audited with old and new roles
 * and classes; a phone change is noted without the number.
 */
export async function updateStaffRoles(actor: Actor, schoolId: string, staffId: string, input: StaffRolesInput): Promise<void> {
  const { school, staff } = await boardStaff(actor, schoolId, staffId, "staff:update");
  const year = await currentSchoolYear();
  const change = await db.$transaction(async (tx) => {
    await assertClasses(tx, school.id, input.classIds);
    const held = await tx.roleMembership.findMany({ where: { userId: staff.userId, schoolId: school.id, role: { in: [...STAFF_ROLES] } }, select: { id: true, role: true } });
    const classes = await tx.mentorship.findMany({ where: { staffId, classGroup: { schoolYearId: year?.id ?? "" } }, select: { id: true, classGroupId: true, classGroup: { select: { name: true } } } });
    await tx.roleMembership.deleteMany({ where: { id: { in: held.filter((m) => !input.roles.includes(m.role as never)).map((m) => m.id) } } });
    await tx.mentorship.deleteMany({ where: { id: { in: classes.filter((m) => !input.classIds.includes(m.classGroupId)).map((m) => m.id) } } });
    await addRoles(tx, staff.userId, staffId, school.id, input);
    if (staff.phone !== input.phone) await tx.staff.update({ where: { id: staffId }, data: { phone: input.phone } });
    const names = await tx.classGroup.findMany({ where: { id: { in: input.classIds } }, select: { name: true } });
    const roleList = (roles: string[]) => STAFF_ROLES.filter((r) => roles.includes(r)).join(",");
    const classList = (list: string[]) => [...list].sort().join(",");
    return {
      roles: { old: roleList(held.map((m) => m.role)), new: roleList(input.roles) },
      classes: { old: classList(classes.map((c) => c.classGroup.name)), new: classList(names.map((c) => c.name)) },
      phoneChanged: staff.phone !== input.phone,
    };
  });
  if (change.roles.old !== change.roles.new || change.classes.old !== change.classes.new || change.phoneChanged) {
    await writeAudit(actor, "staff:update", "ALLOWED", staffId, change, STAFF_PAGE);
  }
}

/**
 * Blocks or unblocks a staff member's account (all of it, a parent role too).
 * Blocking sets disabledAt and raises the session version in one update, so
 * every session ends at once. An administrator cannot block themselves.
 * Doing it twice changes nothing the second time.
 */
export async function setAccountBlocked(actor: Actor, schoolId: string, staffId: string, blocked: boolean, now: Date = new Date()): Promise<void> {
  const { staff } = await boardStaff(actor, schoolId, staffId, blocked ? "account:blocked" : "account:unblocked");
  if (blocked && staff.userId === actor.userId) throw new AdminValidationError({ _form: "staffErrors.blockSelf" });
  const { count } = blocked
    ? await db.user.updateMany({ where: { id: staff.userId, disabledAt: null }, data: { disabledAt: now, sessionVersion: { increment: 1 } } })
    : await db.user.updateMany({ where: { id: staff.userId, disabledAt: { not: null } }, data: { disabledAt: null } });
  if (count) await writeAudit(actor, blocked ? "account:blocked" : "account:unblocked", "ALLOWED", staff.userId, { staffId }, STAFF_PAGE);
}
