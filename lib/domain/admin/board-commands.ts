import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";

/**
 * The board's rule that staff (mentor, attendance officer, leader,
 * administrator) must use two-step sign-in. Audited with old and new value;
 * saving the same value again changes and writes nothing.
 */
export async function setStaffTwoFactorRequired(actor: Actor, required: boolean): Promise<boolean> {
  assertCan(actor, "board:manage");
  const boardId = actor.boardId;
  if (!boardId) throw new AppError("forbidden");
  const old = await db.$transaction(async (tx) => {
    const [board] = await tx.$queryRaw<{ requireStaffTwoFactor: boolean }[]>`
      SELECT "requireStaffTwoFactor" FROM "Board" WHERE "id" = ${boardId} FOR UPDATE`;
    if (!board) throw new AppError("notFound");
    if (board.requireStaffTwoFactor !== required) await tx.board.update({ where: { id: boardId }, data: { requireStaffTwoFactor: required } });
    return board.requireStaffTwoFactor;
  });
  if (old === required) return false;
  await writeAudit(actor, "board:update", "ALLOWED", boardId, { requireStaffTwoFactor: { old, new: required } }, { category: "school", route: "/admin" });
  return true;
}
