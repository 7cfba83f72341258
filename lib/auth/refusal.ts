import "server-only";
import { assertCan, can, type Permission } from "@/lib/auth/permissions";
import { writeAudit, type AuditAction, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/types";

/**
 * assertCan for a request about one pupil (or a link or request of one): a
 * role without the permission is refused with AppError("forbidden") like
 * assertCan, and the attempt is audited DENIED with what was asked for, so the
 * pupil's log names it (audit.ts fills pupilId when `targetId` is a pupil).
 * `context` (data category, route) as for denyAccess. No query when the role
 * may. docs/decisions/0018.
 */
export async function assertCanAbout(actor: Actor, permission: Permission, action: AuditAction, targetId: string, context: AuditContext = {}): Promise<void> {
  if (!can(actor, permission)) {
    await writeAudit(actor, action, "DENIED", targetId, undefined, context);
    throw new AppError("forbidden");
  }
  assertCan(actor, permission);
}
