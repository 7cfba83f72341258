import "server-only";
import { notFound } from "next/navigation";
import { sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { can, assertCan, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const AUDIT_ACTIONS = [
  "pupil:view", "pupil:list", "route:view", "contact:create", "contact:correct", "indicators:edit",
  "absence:record", "sickReport:create", "sickReport:end", "sickReport:change", "threshold:update", "attendance:view",
  // Roles and accounts
  "role:switch", "signin:succeeded", "signin:failed", "signin:throttled",
  "password:resetRequested", "password:reset", "password:changed", "password:set",
  "twoFactor:enabled", "twoFactor:disabled", "twoFactor:recoveryCodeUsed",
  "invitation:sent", "account:blocked", "account:unblocked",
  // Board administration
  "board:update", "school:create", "school:update", "school:view", "calendar:update",
  "staff:create", "staff:update", "guardians:view",
  "import:create", "import:apply", "import:discard", "import:view", "import:map",
  // Privacy rights
  "data:export",
  // A guardian's rights (decisions 0022, 0023): the pupil's consent, requests for information
  "consent:granted", "consent:withdrawn", "reasons:shared", "reasons:unshared",
  "information:requested", "information:granted", "information:refused", "information:view",
  // The privacy view: who looked at a pupil's data (the school leader, a guardian, the pupil); decision 0024
  "privacy:view", "privacy:export",
  // Ask the mentor and class announcements (issue 16)
  "question:ask", "question:view", "question:answer", "question:note", "question:done", "announcement:send",
  // School events (issue 16): planning, allowing a planner, a guardian's reply or calendar file
  "event:plan", "event:planner", "event:reply", "event:calendar",
  // Conference rounds, the school's side (issue 16)
  "conference:create", "conference:update", "conference:view", "conference:availability",
  "conference:attendance", "conference:followUp",
  // Conference booking by parents (issue 16)
  "conference:book", "conference:move", "conference:cancel", "conference:join",
  // The school–parent agreement and policy (issue 19): the leader's draft and publication, a guardian's answer
  "agreement:save", "agreement:publish", "agreement:discard", "agreement:acknowledge", "agreement:question",
  // The leader's reach dashboard (issue 19): a class's families not reached, by name
  "reach:view",
  // Needs and satisfaction surveys (issue 19): the leader's steps; a parent's answer is never audited with its content
  "survey:create", "survey:edit", "survey:send", "survey:remind", "survey:close", "survey:results", "survey:export",
  "survey:indicator", "survey:answer",
  // The involvement self-assessment (issue 19 part 4, decision 0038)
  "selfAssessment:save", "selfAssessment:publish",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The kind of data a row is about, so the privacy view can say "viewed results"
 * rather than a route. One word per kind; never the data itself (docs/audit-trail.md).
 * - record: a pupil's page (results, absences, contacts, guardians — as far as the role may see)
 * - profile: who the pupil is (name, class), e.g. a class list
 * - guardians: the guardians of pupils (names, addresses), e.g. invitation lists
 * - attendance: the 16-hour rule and its case; absences: absence records and sick reports
 * - messages: the school's messages to guardians about a pupil (delivery, not content)
 */
export const AUDIT_CATEGORIES = [
  "record", "profile", "guardians", "results", "absences", "contacts", "messages", "consent", "information",
  "personalData", "attendance", "indicators", "account", "school", "calendar", "staff", "import", "retention",
  // The school's events (issue 16): planning, replies, calendar files
  "events",
  // Reading the audit log itself (the privacy view and its export).
  "audit",
  // A guardian's questions to the mentor; the school's class announcements (issue 16).
  "questions", "announcements",
  // Conference rounds: schedules, attendance marks, follow-up and not-booked lists, arrangements; bookings by parents.
  "conferences",
  // Needs and satisfaction surveys (issue 19): counts and answers, never who answered what.
  "surveys",
] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/**
 * The route pattern of the page or API route ("/mentor/pupils/[pupilId]"); for a
 * server action, the pattern of the page whose form posts it (docs/decisions/0019).
 */
export type AuditRoute = `/${string}`;

/**
 * What `targetId` is, when it is not a pupil's id: the row then names the pupil
 * the link, request or report belongs to (looked up in the same statement).
 */
export type AuditTarget = "guardianLink" | "informationRequest" | "sickReport" | "mentorQuestion" | "conferenceBooking";

/**
 * Where a row was written: the data category and the route pattern. Required on
 * every row, so a new call site cannot forget them (the type checker says so).
 */
export type AuditContext = { category: AuditCategory; route: AuditRoute; target?: AuditTarget };

// Hand-written statements on the app's pool (prepared once per connection): a
// page writes one of these on every view. The list's ids are read through
// `(SELECT $3)`, a value the planner does not look into, so custom and generic
// plans cost the same and PostgreSQL keeps the prepared one (decisions/0006,
// addendum 4): with the bare array a list of one or two pupils was planned anew
// on every call. The school is the pupil's when the
// row names one, else the actor's ($7), so the privacy view finds refusals too.
const AUDIT_ONE = `
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId", "details", "role", "category", "route", "schoolId")
  SELECT gen_random_uuid()::text, now(), $1, $2, $3::"AuditOutcome", p.id, $4, $5::jsonb, $6::"Role", $8, $9, COALESCE(p."schoolId", $7)
  FROM (SELECT 1) AS one LEFT JOIN "Pupil" p ON p.id = $4`;
// The same for a target that belongs to one pupil (a guardian link, a request for
// information, a sick report): the row names that pupil, found in the same statement.
const targetPupil = (table: string) => AUDIT_ONE.replace(
  'LEFT JOIN "Pupil" p ON p.id = $4',
  `LEFT JOIN "${table}" t ON t.id = $4 LEFT JOIN "Pupil" p ON p.id = t."pupilId"`,
);
const AUDIT_VIA: Record<AuditTarget, string> = {
  guardianLink: targetPupil("GuardianLink"),
  informationRequest: targetPupil("InformationRequest"),
  sickReport: targetPupil("SickReport"),
  mentorQuestion: targetPupil("MentorQuestion"),
  conferenceBooking: targetPupil("ConferenceBooking"),
};
const AUDIT_LIST = `
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId", "role", "category", "route", "schoolId")
  SELECT gen_random_uuid()::text, now(), $1, $2, 'ALLOWED'::"AuditOutcome", p.id, p.id, $4::"Role", $5, $6, p."schoolId"
  FROM "Pupil" p WHERE p.id = ANY((SELECT $3::text[])::text[])`;

/**
 * Writes one audit row. `targetId` is what was asked for, also when it does
 * not exist; pupilId (and the school) are filled in only when it names a real
 * pupil, in the same statement, so a denial never needs an extra lookup.
 */
export async function writeAudit(
  actor: Actor | null,
  action: AuditAction,
  outcome: "ALLOWED" | "DENIED",
  targetId: string | null,
  details: AuditDetails | undefined,
  context: AuditContext,
): Promise<void> {
  await sqlRows(context.target ? AUDIT_VIA[context.target] : AUDIT_ONE, [
    actor?.userId ?? null, action, outcome, targetId, details ? JSON.stringify(details) : null,
    actor?.role ?? null, actor?.schoolId ?? null, context.category, context.route,
  ]);
}

/**
 * What changed or why, for the audit row: setting names with old and new
 * values, a reason code, counts. Never a password, token, e-mail address or
 * other personal data.
 */
export type AuditDetails = Record<string, string | number | boolean | null | Record<string, string | number | boolean | null>>;

/** An audit row for a user who is not (yet) signed in, e.g. a failed sign-in (userId null when the account is unknown). */
export async function writeAnonymousAudit(
  userId: string | null, action: AuditAction, outcome: "ALLOWED" | "DENIED", details: AuditDetails | undefined, context: AuditContext,
): Promise<void> {
  await sqlRows(AUDIT_ONE, [userId, action, outcome, null, details ? JSON.stringify(details) : null, null, null, context.category, context.route]);
}

/** One row per pupil shown in a list, in a single statement. */
export async function writeAuditForList(actor: Actor, action: AuditAction, pupilIds: string[], context: AuditContext): Promise<void> {
  if (pupilIds.length === 0) return;
  // One statement (createMany would add a transaction: three round trips).
  await sqlRows(AUDIT_LIST, [actor.userId, action, pupilIds, actor.role, context.category, context.route]);
}

/** Answer 404 — never reveal whether the thing exists — and record the attempt. */
export async function denyAccess(actor: Actor | null, action: AuditAction, targetId: string | null, context: AuditContext): Promise<never> {
  await writeAudit(actor, action, "DENIED", targetId, undefined, context);
  notFound();
}

/**
 * `assertCan` for a command about one pupil (or a link, request or report of
 * one): a role that may not do it leaves a DENIED row naming the pupil
 * (`details.reason: "role"`), then the command fails with AppError("forbidden").
 */
export async function assertCanFor(
  actor: Actor, permission: Permission, action: AuditAction, targetId: string | null, context: AuditContext,
): Promise<void> {
  if (!can(actor, permission)) {
    await writeAudit(actor, action, "DENIED", targetId, { reason: "role" }, context);
    throw new AppError("forbidden");
  }
  assertCan(actor, permission);
}
