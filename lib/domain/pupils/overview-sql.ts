import "server-only";
import { sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { day, instant, isoDay } from "@/lib/db/json-values";
import { linkFactsFrom, linkFactsJson, rightsSql, type LinkFactsJson } from "@/lib/auth/guardian-rights-forms";
import { ABSENCE_KINDS, type AbsenceTotals } from "@/lib/domain/attendance/totals";
import { RESULT_JSON_FIELDS, toResultRow, type ResultJson } from "@/lib/domain/results/json-row";
import { OVERVIEW_EVENTS } from "@/lib/domain/events/fields";
import { timestampParam, toUpcomingEvent, upcomingEventsSql, type UpcomingEventJson } from "@/lib/domain/events/events-sql";
import type { AbsenceKind, GradeReleaseMode, InformationRequestStatus } from "@/lib/generated/prisma/enums";

// The parent's overview is where every parent lands after signing in, so it
// is a hot path like the child page (docs/decisions/0006): one hand-written
// statement instead of a Prisma query compiled again on every call. Every
// value is a parameter. tests/integration/hot-path-sql.test.ts checks the
// overview against the same data read through Prisma.

type Raw = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  link: LinkFactsJson;
  lastRequest: { status: InformationRequestStatus; createdAt: string; decidedAt: string | null } | null;
  schoolName: string;
  gradeReleaseMode: GradeReleaseMode;
  gradeReleaseTime: string;
  className: string;
  term: number | null;
  mentors: string[];
  results: ResultJson[];
  absences: Partial<Record<AbsenceKind, { count: number; minutes: number }>>;
  events: UpcomingEventJson[];
  conferenceOpen: boolean;
};

/**
 * The children the guardian may see anything of, and those they may ask the
 * school about (art. 1:377c BW), each part only as far as the link allows
 * (the SQL form of lib/auth/guardian-rights.ts; a part the guardian may not
 * see is never read).
 *
 * The current term is the school's period around today. The newest 20 results
 * of the school year leave room for a day's unreleased grades (the caller
 * keeps the released ones). Absences are counted per kind over the current
 * term, or over the school year when today is in no term. The next few
 * events of the child's school that are for the child (not ended at `now`).
 *
 * `(SELECT $3::date)` in the results subquery hides the date from the planner
 * on purpose: with it visible PostgreSQL found the generic plan costlier and
 * planned every call again (decision 0006, addendum 4).
 */
const may = rightsSql("l", "p", "$2");
const STATEMENT = `
SELECT p.id, p."firstName", p."lastName", p."birthDate"::text AS "birthDate", json_build_object(${linkFactsJson("l")}) AS link,
  s.name AS "schoolName", s."gradeReleaseMode", s."gradeReleaseTime", c.name AS "className",
  t.number AS term,
  CASE WHEN ${may.mentor} THEN (SELECT coalesce(json_agg(mu.name ORDER BY mu.name), '[]'::json)
    FROM "Mentorship" m JOIN "Staff" ms ON ms.id = m."staffId" JOIN "User" mu ON mu.id = ms."userId" WHERE m."classGroupId" = c.id) ELSE '[]'::json END AS mentors,
  CASE WHEN ${may.results} THEN (SELECT coalesce(json_agg(x.result ORDER BY x."enteredAt" DESC, x.id), '[]'::json)
    FROM (SELECT re.id, re."enteredAt", json_build_object(${RESULT_JSON_FIELDS}) AS result
          FROM "Result" re JOIN "Assessment" a ON a.id = re."assessmentId" JOIN "Period" ap ON ap.id = a."periodId" JOIN "Subject" su ON su.id = a."subjectId"
          WHERE re."pupilId" = p.id AND a."heldOn" >= (SELECT $3::date)
          ORDER BY re."enteredAt" DESC, re.id LIMIT 20) x) ELSE '[]'::json END AS results,
  CASE WHEN ${may.absences} THEN (SELECT coalesce(json_object_agg(k.kind, json_build_object('count', k.count, 'minutes', k.minutes)), '{}'::json)
    FROM (SELECT ab.kind, count(*)::int AS count, sum(ab.minutes)::int AS minutes FROM "AbsenceRecord" ab
          WHERE ab."pupilId" = p.id AND ab.date >= $3::date AND (t.number IS NULL OR ab.date BETWEEN t."startsOn" AND t."endsOn")
          GROUP BY ab.kind) k) ELSE '{}'::json END AS absences,
  CASE WHEN ${may.ask} THEN (SELECT json_build_object('status', ir.status, 'createdAt', ir."createdAt", 'decidedAt', ir."decidedAt")
    FROM "InformationRequest" ir WHERE ir."linkId" = l.id ORDER BY ir."createdAt" DESC, ir.id LIMIT 1) END AS "lastRequest",
  CASE WHEN ${may.any} THEN ${upcomingEventsSql("p", "c", "$1", "$4", OVERVIEW_EVENTS)} ELSE '[]'::json END AS events,
  -- Conference booking (issue 16): the child's class is in a round whose booking window is open, and the guardian may book.
  CASE WHEN ${may.book} THEN EXISTS (SELECT 1 FROM "ConferenceRoundClass" crc JOIN "ConferenceRound" cr ON cr.id = crc."roundId"
    WHERE crc."classGroupId" = c.id AND cr."bookingOpensAt" <= $4::timestamp AND cr."bookingClosesAt" > $4::timestamp) ELSE false END AS "conferenceOpen"
FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id AND l."guardianId" = $1
  JOIN "School" s ON s.id = p."schoolId" JOIN "ClassGroup" c ON c.id = p."classGroupId"
  LEFT JOIN LATERAL (SELECT pe.number, pe."startsOn", pe."endsOn" FROM "Period" pe
    WHERE pe."schoolId" = s.id AND pe."startsOn" <= $2::date AND pe."endsOn" >= $2::date ORDER BY pe."startsOn" DESC LIMIT 1) t ON true
WHERE ${may.any} OR ${may.ask}
ORDER BY p."birthDate", p.id`;

/** The children the actor, acting as parent, may see or ask about on `today`, oldest first, with what their overview cards need. */
export async function loadChildrenOverview(actor: Actor, today: Date, yearStartsOn: Date, now: Date = new Date()) {
  if (actor.role !== "PARENT" || !actor.guardianId) return [];
  const rows = await sqlRows<Raw>(STATEMENT, [actor.guardianId, isoDay(today), isoDay(yearStartsOn), timestampParam(now)]);
  return rows.map((row) => ({
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: day(row.birthDate),
    link: linkFactsFrom(row.link),
    lastRequest: row.lastRequest && {
      status: row.lastRequest.status, createdAt: instant(row.lastRequest.createdAt), decidedAt: row.lastRequest.decidedAt === null ? null : instant(row.lastRequest.decidedAt),
    },
    school: { name: row.schoolName, gradeReleaseMode: row.gradeReleaseMode, gradeReleaseTime: row.gradeReleaseTime },
    className: row.className,
    mentors: row.mentors,
    term: row.term,
    results: row.results.map(toResultRow),
    events: row.events.map(toUpcomingEvent),
    termAbsences: Object.fromEntries(ABSENCE_KINDS.map((kind) => [kind, row.absences[kind] ?? { count: 0, minutes: 0 }])) as AbsenceTotals,
    conferenceOpen: row.conferenceOpen,
  }));
}
