import "server-only";
import { db } from "@/lib/db/client";
import { denyAccess, writeAudit } from "@/lib/auth/audit";
import { queueAccountMail } from "@/lib/notifications/account-mail";
import { includedInBulk, invitationStatus, mayInvite } from "@/lib/domain/invitations/status";
import { guardiansWhere, invitationScope, type InvitationScope } from "@/lib/domain/invitations/scope";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/types";
import type { Locale } from "@/lib/generated/prisma/enums";

const CANDIDATE = {
  id: true, email: true, locale: true, passwordHash: true, disabledAt: true,
  notifications: { where: { kind: "INVITATION" as const }, orderBy: { createdAt: "desc" as const }, take: 1, select: { status: true, createdAt: true, deliveredAt: true } },
};

type Candidate = { id: string; email: string | null; locale: Locale; passwordHash: string | null; disabledAt: Date | null; notifications: { status: "PENDING" | "SENDING" | "DELIVERED" | "FAILED" | "SKIPPED"; createdAt: Date; deliveredAt: Date | null }[] };

function statusOf(user: Candidate, now: Date) {
  return invitationStatus({ hasPassword: user.passwordHash !== null, email: user.email, disabled: user.disabledAt !== null }, user.notifications[0] ?? null, now);
}

/**
 * Queues the invitations in one transaction, one per person; the form's key
 * plus the person is the message's requestKey, so the same form submitted
 * twice queues nothing new. Returns how many this request has queued in all
 * (a repeated submit answers the same number as the first).
 */
async function queue(scope: InvitationScope, users: Candidate[], requestKey: string): Promise<number> {
  return db.$transaction(async (tx) => {
    for (const user of users) {
      await queueAccountMail(tx, { kind: "INVITATION", userId: user.id, email: user.email!, locale: user.locale, schoolId: scope.schoolId, requestKey: `${requestKey}:${user.id}` });
    }
    return tx.notification.count({ where: { requestKey: { startsWith: `${requestKey}:` } } });
    // A whole school is a few thousand rows: more than Prisma's default 5 s.
  }, { timeout: 120_000 });
}

/**
 * Invites one person (or sends a new link: the old one stops working when the
 * new e-mail goes out). Someone outside the actor's scope answers 404 and
 * leaves an audit row; someone who cannot be invited now (active, no e-mail
 * address, blocked, an invitation still waiting) is a conflict.
 */
export async function invitePerson(actor: Actor, input: { schoolId: string | null; userId: string; requestKey: string }, now = new Date()): Promise<number> {
  const scope = await invitationScope(actor, input.schoolId);
  const user = await db.user.findFirst({
    where: {
      id: input.userId,
      OR: [{ guardian: guardiansWhere(scope) }, ...(scope.staff && scope.schoolId ? [{ staff: { schoolId: scope.schoolId } }] : [])],
    },
    select: CANDIDATE,
  });
  if (!user) return denyAccess(actor, "invitation:sent", input.userId, scope.page);
  // The same form again (a double click): answer as the first time did.
  if (await db.notification.count({ where: { requestKey: `${input.requestKey}:${user.id}` } })) return 1;
  if (!mayInvite(statusOf(user, now))) throw new AppError("conflict");
  const count = await queue(scope, [user], input.requestKey);
  await writeAudit(actor, "invitation:sent", "ALLOWED", user.id, { schoolId: scope.schoolId, count }, scope.page);
  return count;
}

/**
 * "Invite everyone not yet active": every guardian in scope (of one class, or
 * the whole school for an administrator) who has an e-mail address and no
 * account or valid invitation yet. A class outside the scope answers 404.
 */
export async function inviteEveryone(actor: Actor, input: { schoolId: string | null; classId: string | null; requestKey: string }, now = new Date()): Promise<number> {
  const scope = await invitationScope(actor, input.schoolId);
  if (input.classId) {
    const inScope = await db.classGroup.count({ where: { AND: [{ id: input.classId }, scope.classes] } });
    if (!inScope) return denyAccess(actor, "invitation:sent", input.classId, scope.page);
  } else if (actor.role !== "ADMIN") {
    // A mentor invites per class.
    throw new AppError("forbidden");
  }
  const guardians = await db.user.findMany({ where: { guardian: guardiansWhere(scope, input.classId ?? undefined) }, select: CANDIDATE });
  const staff = !input.classId && scope.staff && scope.schoolId
    ? await db.user.findMany({ where: { staff: { schoolId: scope.schoolId } }, select: CANDIDATE })
    : [];
  const invitable = [...guardians, ...staff].filter((u) => includedInBulk(statusOf(u, now)));
  const count = await queue(scope, invitable, input.requestKey);
  await writeAudit(actor, "invitation:sent", "ALLOWED", input.classId ?? scope.schoolId, { schoolId: scope.schoolId, classId: input.classId, count }, scope.page);
  return count;
}
