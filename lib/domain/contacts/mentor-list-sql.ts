import "server-only";
import { sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { day, dayOrNull, instant, isoDay } from "@/lib/db/json-values";
import { mentorClassesSql } from "@/lib/auth/scope";
import { rightsSql } from "@/lib/auth/guardian-rights-forms";
import type { ContactChannel, Locale, Tone } from "@/lib/generated/prisma/enums";
import type { AuditAction, AuditContext } from "@/lib/auth/audit";

// The mentor's pupil list is the page a mentor opens every day: one
// hand-written statement (docs/decisions/0006, addendum 3) instead of Prisma's
// nested query, which it compiled again on every call and sent as several
// statements. tests/integration/hot-path-sql.test.ts checks it against the
// same question asked through Prisma for every mentor of the demo.

type Raw = {
  id: string;
  firstName: string;
  lastName: string;
  className: string;
  contactThresholdWeeks: number;
  guardians: { id: string; name: string; locale: Locale; channel: ContactChannel; interpreterWanted: boolean }[];
  moments: { id: string; occurredOn: string; createdAt: string; tone: Tone; followUpOn: string | null; summary: string }[];
  lastNoShow: string | null;
};

/**
 * `$1` is the mentor's classes (actor.mentorOf), the scope through the
 * authorization layer's SQL form of pupilScope's MENTOR case. Only guardians
 * the school may involve are listed (the one rule's SQL form on Dutch day
 * `$3`: not restricted, and for a pupil of 18+ only with the pupil's consent),
 * as on every mentor page; contact moments are this school year's, and so is
 * the newest conference the family did not come to (a contact attempt,
 * decision 0028). Pupils
 * who left the school (a full export no longer lists them) are not in the list.
 */
const STATEMENT = `
SELECT p.id, p."firstName", p."lastName", c.name AS "className", s."contactThresholdWeeks",
  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', u.name, 'locale', u.locale,
       'channel', g."preferredChannel", 'interpreterWanted', g."interpreterWanted") ORDER BY l."createdAt", l.id), '[]'::json)
    FROM "GuardianLink" l JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
    WHERE l."pupilId" = p.id AND ${rightsSql("l", "p", "$3").involve}) AS guardians,
  (SELECT coalesce(json_agg(json_build_object('id', m.id, 'occurredOn', m."occurredOn", 'createdAt', m."createdAt", 'tone', m.tone,
       'followUpOn', m."followUpOn", 'summary', m.summary)), '[]'::json)
    FROM "ContactMoment" m WHERE m."pupilId" = p.id AND m."occurredOn" >= $2::date) AS moments,
  (SELECT to_json(max(b."startsAt")) FROM "ConferenceBooking" b
    WHERE b."pupilId" = p.id AND b.attendance = 'NO_SHOW' AND b."cancelledAt" IS NULL AND b."startsAt" >= $2::date) AS "lastNoShow"
FROM "Pupil" p JOIN "ClassGroup" c ON c.id = p."classGroupId" JOIN "School" s ON s.id = p."schoolId"
WHERE ${mentorClassesSql('p."classGroupId"', "$1")} AND p."leftOn" IS NULL`;

// The list's audit rows ride on the contact-hours statement, which runs in parallel with
// the list: one row per pupil of the mentor's classes (`$3`, the same scope and the same
// "not left" as the list) — every pupil the page reads, names, counts or shows a
// follow-up of, also when a filter hides some — so the page makes no extra round trip or
// query (docs/decisions/0019). A data-modifying CTE runs whether or not it is read.
const CONTACT_HOURS_AND_LIST_AUDIT = `
WITH listed AS (
  INSERT INTO "AuditLog" ("id", "at", "actorUserId", "action", "outcome", "pupilId", "targetId", "role", "category", "route", "schoolId")
  SELECT gen_random_uuid()::text, now(), $2, $4, 'ALLOWED'::"AuditOutcome", p.id, p.id, $5::"Role", $6, $7, p."schoolId"
  FROM "Pupil" p WHERE ${mentorClassesSql('p."classGroupId"', "$3")} AND p."leftOn" IS NULL)
SELECT "contactHours" FROM "Staff" WHERE id = $1`;

/** The pupils of the actor's mentor classes (`actor.mentorOf`, acting as mentor), in no particular order, with their guardians and this school year's contact moments, on Dutch day `today`. */
export async function loadMentorPupils(actor: Actor, yearStartsOn: Date, today: Date) {
  if (actor.role !== "MENTOR" || actor.mentorOf.length === 0) return [];
  const rows = await sqlRows<Raw>(STATEMENT, [actor.mentorOf, isoDay(yearStartsOn), isoDay(today)]);
  return rows.map((row) => ({
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    className: row.className,
    contactThresholdWeeks: row.contactThresholdWeeks,
    guardians: row.guardians,
    moments: row.moments.map((m) => ({
      id: m.id,
      occurredOn: day(m.occurredOn),
      createdAt: instant(m.createdAt),
      tone: m.tone,
      followUpOn: dayOrNull(m.followUpOn),
      summary: m.summary,
    })),
    lastNoShow: row.lastNoShow ? instant(row.lastNoShow) : null,
  }));
}

/**
 * The mentor's contact hours, and an audit row (`action`, `context`) for every pupil of
 * the mentor's classes (`mentorOf`) — the pupils loadMentorPupils reads — in one statement.
 */
export async function loadContactHoursAuditingList(
  actor: Actor, action: AuditAction, context: AuditContext,
): Promise<string | null> {
  if (!actor.staffId) return null;
  const [row] = await sqlRows<{ contactHours: string | null }>(CONTACT_HOURS_AND_LIST_AUDIT, [
    actor.staffId, actor.userId, actor.mentorOf, action, actor.role, context.category, context.route,
  ]);
  return row?.contactHours ?? null;
}
