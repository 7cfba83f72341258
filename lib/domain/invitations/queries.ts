import "server-only";
import { db } from "@/lib/db/client";
import { informedLink } from "@/lib/auth/scope";
import { writeAuditForList } from "@/lib/auth/audit";
import { invitationStatus, type InvitationStatus, type LastInvitation } from "@/lib/domain/invitations/status";
import { guardiansWhere, invitationScope } from "@/lib/domain/invitations/scope";
import type { Actor } from "@/lib/auth/types";

export type InvitationPerson = {
  userId: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: InvitationStatus;
  invitedAt: Date | null;
  children: { id: string; name: string; classId: string; className: string }[];
  roles: string[];
};

export type InvitationOverview = {
  schoolId: string | null;
  schoolName: string | null;
  classes: { id: string; name: string }[];
  guardians: InvitationPerson[];
  staff: InvitationPerson[];
};

const USER_FIELDS = { id: true, name: true, email: true, passwordHash: true, disabledAt: true } as const;

/** The newest invitation e-mail per user. */
async function lastInvitations(userIds: string[]): Promise<Map<string, NonNullable<LastInvitation>>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.notification.findMany({
    where: { kind: "INVITATION", userId: { in: userIds } },
    orderBy: [{ userId: "asc" }, { createdAt: "desc" }],
    distinct: ["userId"],
    select: { userId: true, status: true, createdAt: true, deliveredAt: true },
  });
  return new Map(rows.map((r) => [r.userId!, r]));
}

/**
 * Everyone the actor may invite, with where they stand: guardians (with
 * their children in scope) and, for an administrator, the school's staff
 * accounts that have no password yet.
 */
export async function invitationOverview(actor: Actor, schoolId: string | null, now = new Date()): Promise<InvitationOverview> {
  const scope = await invitationScope(actor, schoolId);
  const [classes, guardians, staff] = await Promise.all([
    db.classGroup.findMany({ where: scope.classes, orderBy: [{ year: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.guardian.findMany({
      where: guardiansWhere(scope),
      select: {
        phone: true,
        user: { select: USER_FIELDS },
        links: {
          where: { ...informedLink(), pupil: scope.pupils },
          select: { pupil: { select: { id: true, firstName: true, lastName: true, classGroup: { select: { id: true, name: true } } } } },
        },
      },
    }),
    scope.staff && scope.schoolId
      ? db.staff.findMany({
          where: { schoolId: scope.schoolId, user: { passwordHash: null } },
          select: { phone: true, user: { select: { ...USER_FIELDS, memberships: { where: { schoolId: scope.schoolId }, select: { role: true } } } } },
        })
      : Promise.resolve([]),
  ]);
  const last = await lastInvitations([...guardians.map((g) => g.user.id), ...staff.map((s) => s.user.id)]);
  const person = (user: (typeof guardians)[number]["user"], phone: string | null) => {
    const invitation = last.get(user.id) ?? null;
    return {
      userId: user.id, name: user.name, email: user.email, phone,
      status: invitationStatus({ hasPassword: user.passwordHash !== null, email: user.email, disabled: user.disabledAt !== null }, invitation, now),
      invitedAt: invitation?.deliveredAt ?? invitation?.createdAt ?? null,
    };
  };
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "nl");
  // One row per pupil whose guardians the list shows (the children are named on it).
  await writeAuditForList(actor, "guardians:view", [...new Set(guardians.flatMap((g) => g.links.map((l) => l.pupil.id)))], scope.page);
  return {
    schoolId: scope.schoolId,
    schoolName: scope.schoolName,
    classes,
    guardians: guardians
      .map((g) => ({
        ...person(g.user, g.phone),
        roles: [],
        children: g.links.map(({ pupil }) => ({ id: pupil.id, name: `${pupil.firstName} ${pupil.lastName}`, classId: pupil.classGroup.id, className: pupil.classGroup.name })),
      }))
      .sort(byName),
    staff: staff.map((s) => ({ ...person(s.user, s.phone), roles: s.user.memberships.map((m) => m.role), children: [] })).sort(byName),
  };
}
