import "server-only";
import { notFound } from "next/navigation";
import { sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";

export type AuditAction =
  | "pupil:view" | "pupil:list" | "route:view" | "contact:create" | "contact:correct" | "indicators:edit"
  | "absence:record" | "sickReport:create" | "sickReport:end" | "threshold:update" | "attendance:view"
  // Roles and accounts
  | "role:switch" | "signin:succeeded" | "signin:failed" | "signin:throttled"
  | "password:resetRequested" | "password:reset" | "password:changed" | "password:set"
  | "twoFactor:enabled" | "twoFactor:disabled" | "twoFactor:recoveryCodeUsed"
  | "invitation:sent" | "account:blocked" | "account:unblocked"
  // Board administration
  | "board:update" | "school:create" | "school:update" | "school:view" | "calendar:update"
  | "staff:create" | "staff:update" | "guardians:view"
  | "import:create" | "import:apply" | "import:discard" | "import:view" | "import:map"
  // Privacy rights
  | "data:export"
  // A guardian's rights (decisions 0022, 0023): the pupil's consent, requests for information
  | "consent:granted" | "consent:withdrawn" | "reasons:shared" | "reasons:unshared"
  | "information:requested" | "information:granted" | "information:refused" | "information:view";

// Hand-written statements on the app's pool (prepared once per connection): a
// page writes one of these on every view.
const AUDIT_ONE = `
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId")
  VALUES (gen_random_uuid()::text, now(), $1, $2, $3::"AuditOutcome", (SELECT "id" FROM "Pupil" WHERE "id" = $4), $4)`;
const AUDIT_DETAILS = `
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId", "details")
  VALUES (gen_random_uuid()::text, now(), $1, $2, $3::"AuditOutcome", (SELECT "id" FROM "Pupil" WHERE "id" = $4), $4, $5::jsonb)`;
const AUDIT_LIST = `
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId")
  SELECT gen_random_uuid()::text, now(), $1, $2, 'ALLOWED'::"AuditOutcome", p, p
  FROM unnest($3::text[]) AS p`;

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
  details?: AuditDetails,
): Promise<void> {
  if (details) await sqlRows(AUDIT_DETAILS, [actor?.userId ?? null, action, outcome, targetId, JSON.stringify(details)]);
  else await sqlRows(AUDIT_ONE, [actor?.userId ?? null, action, outcome, targetId]);
}

/**
 * What changed or why, for the audit row: setting names with old and new
 * values, a reason code, counts. Never a password, token, e-mail address or
 * other personal data.
 */
export type AuditDetails = Record<string, string | number | boolean | null | Record<string, string | number | boolean | null>>;

/** An audit row for a user who is not (yet) signed in, e.g. a failed sign-in (userId null when the account is unknown). */
export async function writeAnonymousAudit(userId: string | null, action: AuditAction, outcome: "ALLOWED" | "DENIED", details?: AuditDetails): Promise<void> {
  await sqlRows(AUDIT_DETAILS, [userId, action, outcome, null, details ? JSON.stringify(details) : null]);
}

/** One row per pupil shown in a list, in a single statement. */
export async function writeAuditForList(actor: Actor, action: AuditAction, pupilIds: string[]): Promise<void> {
  if (pupilIds.length === 0) return;
  // One statement (createMany would add a transaction: three round trips).
  await sqlRows(AUDIT_LIST, [actor.userId, action, pupilIds]);
}

/** Answer 404 — never reveal whether the thing exists — and record the attempt. */
export async function denyAccess(actor: Actor | null, action: AuditAction, targetId: string | null): Promise<never> {
  await writeAudit(actor, action, "DENIED", targetId);
  notFound();
}
