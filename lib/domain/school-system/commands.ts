import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { assertCanFor, writeAudit, type AuditContext } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import type { PromotionRulesInput } from "@/lib/domain/school-system/schemas";

const LEADER_PAGE: AuditContext = { category: "school", route: "/leader" };

/**
 * Sets the school leader's own school's promotion rules (empty: none).
 * Saving the same text again writes nothing, so a double submit is one change;
 * a change is audited `school:update` with lengths only (never the text).
 */
export async function setPromotionRules(actor: Actor, input: PromotionRulesInput): Promise<boolean> {
  await assertCanFor(actor, "promotionRules:edit", "school:update", actor.schoolId ?? null, LEADER_PAGE);
  const schoolId = actor.schoolId;
  if (!schoolId) throw new AppError("forbidden");
  const next = input.text === "" ? null : input.text;
  // One conditional update: it changes the row only when the text differs, and says what it was.
  const rows = await db.$queryRaw<{ old: string | null }[]>`
    UPDATE "School" s SET "promotionRules" = ${next}
    FROM (SELECT id, "promotionRules" AS old FROM "School" WHERE id = ${schoolId} FOR UPDATE) o
    WHERE s.id = o.id AND s."promotionRules" IS DISTINCT FROM ${next}
    RETURNING o.old`;
  if (!rows.length) return false;
  await writeAudit(actor, "school:update", "ALLOWED", schoolId,
    { promotionRules: { old: rows[0].old?.length ?? 0, new: next?.length ?? 0 } }, LEADER_PAGE);
  return true;
}
