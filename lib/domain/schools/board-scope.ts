import "server-only";
import { db } from "@/lib/db/client";
import { denyAccess, type AuditContext } from "@/lib/auth/audit";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";

export type BoardSchool = { id: string; name: string; slug: string; brin: string; locationCode: string; boardId: string };

/**
 * A school of the administrator's own board, loaded with the board in the same
 * `where`. Anything else — another board's school, an unknown id — answers 404
 * and writes an audit row naming the id that was asked for. Every page and
 * command of board administration (schools, calendar, staff, imports,
 * invitations) starts here.
 */
/** The board pages' audit context per permission; the calendar and retention pages pass their own. */
const PAGE: Partial<Record<Permission, AuditContext>> = {
  "schools:manage": { category: "school", route: "/admin/schools/[schoolId]" },
  "staff:manage": { category: "staff", route: "/admin/schools/[schoolId]/staff" },
  "imports:manage": { category: "import", route: "/admin/schools/[schoolId]/imports" },
  "invitations:send": { category: "guardians", route: "/admin/schools/[schoolId]/invitations" },
};

export async function boardSchool(
  actor: Actor, schoolId: string, permission: Permission = "schools:manage",
  context: AuditContext = PAGE[permission] ?? { category: "school", route: "/admin/schools/[schoolId]" },
): Promise<BoardSchool> {
  assertCan(actor, permission);
  const school = actor.boardId
    ? await db.school.findFirst({
        where: { id: schoolId, boardId: actor.boardId },
        select: { id: true, name: true, slug: true, brin: true, locationCode: true, boardId: true },
      })
    : null;
  if (!school) return denyAccess(actor, "school:view", schoolId, context);
  return school;
}
