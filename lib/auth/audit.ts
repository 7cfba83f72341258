import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";

export type AuditAction =
  | "pupil:view" | "pupil:list" | "route:view" | "contact:create" | "contact:correct" | "indicators:edit"
  | "absence:record" | "sickReport:create" | "sickReport:end" | "threshold:update" | "attendance:view";

/**
 * Writes one audit row. `targetId` is what was asked for, also when it does
 * not exist; pupilId is filled in only when it names a real pupil, in the same
 * statement, so a denial never needs an extra lookup.
 */
export async function writeAudit(
  actor: Actor | null,
  action: AuditAction,
  outcome: "ALLOWED" | "DENIED",
  targetId: string | null,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId")
    VALUES (gen_random_uuid()::text, now(), ${actor?.userId ?? null}, ${action}, ${outcome}::"AuditOutcome",
            (SELECT "id" FROM "Pupil" WHERE "id" = ${targetId}), ${targetId})`;
}

/** One row per pupil shown in a list, in a single statement. */
export async function writeAuditForList(actor: Actor, action: AuditAction, pupilIds: string[]): Promise<void> {
  if (pupilIds.length === 0) return;
  // One statement (createMany would add a transaction: three round trips).
  await db.$executeRaw`
    INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId")
    SELECT gen_random_uuid()::text, now(), ${actor.userId}, ${action}, 'ALLOWED'::"AuditOutcome", p, p
    FROM unnest(${pupilIds}::text[]) AS p`;
}

/** Answer 404 — never reveal whether the thing exists — and record the attempt. */
export async function denyAccess(actor: Actor | null, action: AuditAction, targetId: string | null): Promise<never> {
  await writeAudit(actor, action, "DENIED", targetId);
  notFound();
}
