import "server-only";
import { sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { day, dayOrNull, instant, isoDay } from "@/lib/db/json-values";
import { mentorClassesSql } from "@/lib/auth/scope";
import { rightsSql } from "@/lib/auth/guardian-rights-forms";
import type { ContactChannel, Locale, Tone } from "@/lib/generated/prisma/enums";

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
};

/**
 * `$1` is the mentor's classes (actor.mentorOf), the scope through the
 * authorization layer's SQL form of pupilScope's MENTOR case. Only guardians
 * the school may involve are listed (the one rule's SQL form on Dutch day
 * `$3`: not restricted, and for a pupil of 18+ only with the pupil's consent),
 * as on every mentor page; contact moments are this school year's. Pupils
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
    FROM "ContactMoment" m WHERE m."pupilId" = p.id AND m."occurredOn" >= $2::date) AS moments
FROM "Pupil" p JOIN "ClassGroup" c ON c.id = p."classGroupId" JOIN "School" s ON s.id = p."schoolId"
WHERE ${mentorClassesSql('p."classGroupId"', "$1")} AND p."leftOn" IS NULL`;

const CONTACT_HOURS = `SELECT "contactHours" FROM "Staff" WHERE id = $1`;

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
  }));
}

/** The actor's own contact hours (a staff role) as shown to parents, or null. */
export async function loadContactHours(actor: Actor): Promise<string | null> {
  if (!actor.staffId) return null;
  const [row] = await sqlRows<{ contactHours: string | null }>(CONTACT_HOURS, [actor.staffId]);
  return row?.contactHours ?? null;
}
