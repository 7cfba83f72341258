import "server-only";
import { sqlRows } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { day, dayOrNull, instant, instantOrNull, isoDay } from "@/lib/db/json-values";
import { linkFactsFrom, linkFactsJson, rightsSql, type LinkFactsJson } from "@/lib/auth/guardian-rights-forms";
import { RESULT_JSON_FIELDS, toResultRow, type ResultJson } from "@/lib/domain/results/json-row";
import { CHILD_PAGE_EVENTS } from "@/lib/domain/events/fields";
import { timestampParam, toUpcomingEvent, upcomingEventsSql, type UpcomingEventJson } from "@/lib/domain/events/events-sql";
import type {
  AbsenceKind,
  ContactKind,
  GradeReleaseMode,
  InitiatedBy,
  SickReportReason,
} from "@/lib/generated/prisma/enums";

// The child page is the portal's busiest page. Written as one statement by
// hand, because Prisma 6 compiles a query of this shape again on every call
// (≈ 7 ms of CPU against ≈ 0.7 ms for the statement itself; see
// docs/decisions/0006-hand-written-sql-on-hot-paths.md). Every value is a
// parameter. tests/integration/hot-path-sql.test.ts checks the result
// against the same data read through Prisma.
//
// The guardian's link decides which parts are read at all (the SQL form of
// lib/auth/guardian-rights.ts): a part the guardian may not see is never
// selected, and the pupil's own reason for an absence is left out unless the
// guardian may see it.


type Raw = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  link: LinkFactsJson;
  school: {
    name: string; slug: string; gradeReleaseMode: GradeReleaseMode; gradeReleaseTime: string;
    phone: string | null; sickReportDeadline: string; sickReportMaxDaysAhead: number;
    periods: { number: number; startsOn: string; endsOn: string }[];
    holidays: { startsOn: string; endsOn: string }[];
  };
  classGroup: {
    name: string; year: number; track: string;
    mentors: { name: string; email: string; phone: string | null; contactHours: string | null }[];
  };
  sickReports: {
    id: string; guardianId: string; reason: SickReportReason; note: string | null; startsOn: string; endsOn: string | null;
    createdAt: string; reportedBy: string;
  }[];
  results: ResultJson[];
  absences: { id: string; date: string; lessonHour: number | null; kind: AbsenceKind; minutes: number; reason: string | null; pupilReason: string | null }[];
  contacts: { id: string; occurredOn: string; kind: ContactKind; initiatedBy: InitiatedBy; summary: string; staffName: string }[];
  events: UpcomingEventJson[];
  conference: { roundId: string; bookedAt: string | null } | null;
};

const EMPTY = "'[]'::json";
const may = rightsSql("l", "p", "$3");
/** The subquery when the guardian has `right`, else an empty list (PostgreSQL runs a CASE branch's subquery only when it is taken). */
const when = (right: keyof typeof may, subquery: string) => `CASE WHEN ${may[right]} THEN ${subquery} ELSE ${EMPTY} END`;

const STATEMENT = `
SELECT p.id, p."firstName", p."lastName", p."birthDate"::text AS "birthDate", json_build_object(${linkFactsJson("l")}) AS link,
  json_build_object(
    'name', s.name, 'slug', s.slug, 'gradeReleaseMode', s."gradeReleaseMode", 'gradeReleaseTime', s."gradeReleaseTime",
    'phone', s.phone, 'sickReportDeadline', s."sickReportDeadline", 'sickReportMaxDaysAhead', s."sickReportMaxDaysAhead",
    'periods', (SELECT coalesce(json_agg(json_build_object('number', pe.number, 'startsOn', pe."startsOn", 'endsOn', pe."endsOn")), ${EMPTY})
      FROM "Period" pe WHERE pe."schoolId" = s.id AND pe."startsOn" <= $3::date AND pe."endsOn" >= $3::date),
    'holidays', (SELECT coalesce(json_agg(json_build_object('startsOn', h."startsOn", 'endsOn', h."endsOn")), ${EMPTY})
      FROM "SchoolHoliday" h WHERE h."schoolId" = s.id AND h."startsOn" <= $3::date AND h."endsOn" >= $3::date)
  ) AS school,
  json_build_object(
    'name', c.name, 'year', c.year, 'track', c.track,
    'mentors', ${when("mentor", `(SELECT coalesce(json_agg(json_build_object('name', mu.name, 'email', mu.email, 'phone', ms.phone, 'contactHours', ms."contactHours") ORDER BY mu.name, ms.id), ${EMPTY})
      FROM "Mentorship" m JOIN "Staff" ms ON ms.id = m."staffId" JOIN "User" mu ON mu.id = ms."userId" WHERE m."classGroupId" = c.id)`)}
  ) AS "classGroup",
  ${when("reportSick", `(SELECT coalesce(json_agg(json_build_object('id', r.id, 'guardianId', r."guardianId", 'reason', r.reason, 'note', r.note, 'startsOn', r."startsOn", 'endsOn', r."endsOn",
      'createdAt', r."createdAt", 'reportedBy', ru.name) ORDER BY r."startsOn", r."createdAt"), ${EMPTY})
    FROM "SickReport" r JOIN "Guardian" rg ON rg.id = r."guardianId" JOIN "User" ru ON ru.id = rg."userId"
    WHERE r."pupilId" = p.id AND ((r."endsOn" IS NULL AND r."endedAt" IS NULL) OR r."endsOn" >= $3::date))`)} AS "sickReports",
  ${when("results", `(SELECT coalesce(json_agg(json_build_object(${RESULT_JSON_FIELDS})), ${EMPTY})
    FROM "Result" re JOIN "Assessment" a ON a.id = re."assessmentId" JOIN "Period" ap ON ap.id = a."periodId" JOIN "Subject" su ON su.id = a."subjectId"
    WHERE re."pupilId" = p.id AND a."heldOn" >= $4::date)`)} AS results,
  ${when("absences", `(SELECT coalesce(json_agg(json_build_object('id', ab.id, 'date', ab.date, 'lessonHour', ab."lessonHour", 'kind', ab.kind, 'minutes', ab.minutes,
      'reason', ab.reason, 'pupilReason', CASE WHEN ${may.absenceReasons} THEN ab."pupilReason" END) ORDER BY ab.date DESC, ab."lessonHour"), ${EMPTY})
    FROM "AbsenceRecord" ab WHERE ab."pupilId" = p.id AND ab.date >= $4::date)`)} AS absences,
  ${when("contacts", `(SELECT coalesce(json_agg(json_build_object('id', cm.id, 'occurredOn', cm."occurredOn", 'kind', cm.kind, 'initiatedBy', cm."initiatedBy",
      'summary', cm.summary, 'staffName', cu.name) ORDER BY cm."occurredOn" DESC, cm."createdAt" DESC), ${EMPTY})
    FROM "ContactMoment" cm JOIN "Staff" cst ON cst.id = cm."staffId" JOIN "User" cu ON cu.id = cst."userId"
    WHERE cm."pupilId" = p.id
      AND EXISTS (SELECT 1 FROM "ContactMomentGuardian" cg WHERE cg."contactMomentId" = cm.id AND cg."guardianId" = $2))`)} AS contacts,
  ${upcomingEventsSql("p", "c", "$2", "$5", CHILD_PAGE_EVENTS)} AS events,
  -- Conference booking (issue 16): the open round of the child's class, when the guardian may book, and their own live booking's start.
  CASE WHEN ${may.book} THEN (SELECT json_build_object('roundId', cr.id, 'bookedAt', (SELECT min(cb."startsAt") FROM "ConferenceBooking" cb
      WHERE cb."roundId" = cr.id AND cb."pupilId" = p.id AND cb."cancelledAt" IS NULL
        AND EXISTS (SELECT 1 FROM "ConferenceBookingGuardian" cbg WHERE cbg."bookingId" = cb.id AND cbg."guardianId" = $2)))
    FROM "ConferenceRoundClass" crc JOIN "ConferenceRound" cr ON cr.id = crc."roundId"
    WHERE crc."classGroupId" = c.id AND cr."bookingOpensAt" <= $5::timestamp AND cr."bookingClosesAt" > $5::timestamp
    ORDER BY cr."bookingClosesAt", cr.id LIMIT 1) END AS conference
FROM "Pupil" p JOIN "GuardianLink" l ON l."pupilId" = p.id AND l."guardianId" = $2
  JOIN "School" s ON s.id = p."schoolId" JOIN "ClassGroup" c ON c.id = p."classGroupId"
WHERE p.id = $1 AND ${may.any}`;

/**
 * Everything the child page shows of one pupil, if the actor, acting as
 * parent, may see anything of them on calendar day `today` (null otherwise;
 * the guardian is always the actor's own, never an id from the caller), each part
 * only as far as their link allows: the school with its current term,
 * holidays and sick-report rules; class and mentors; current and coming sick
 * reports; the school year's results and absences; and only the contact
 * moments this guardian took part in (the internal note is never selected);
 * and the school's events for this child that have not ended at `now`, with
 * this guardian's reply (any guardian who sees the child sees them).
 * With the link's facts, so the caller can tell the guardian what they see and why.
 */
export async function loadChildRecords(actor: Actor, pupilId: string, today: Date, yearStartsOn: Date, now: Date = new Date()) {
  if (actor.role !== "PARENT" || !actor.guardianId) return null;
  const [row] = await sqlRows<Raw>(STATEMENT, [pupilId, actor.guardianId, isoDay(today), isoDay(yearStartsOn), timestampParam(now)]);
  if (!row) return null;
  const results = row.results.map(toResultRow);
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: day(row.birthDate),
    link: linkFactsFrom(row.link),
    school: {
      ...row.school,
      periods: row.school.periods.map((p) => ({ number: p.number, startsOn: day(p.startsOn), endsOn: day(p.endsOn) })),
      holidays: row.school.holidays.map((h) => ({ startsOn: day(h.startsOn), endsOn: day(h.endsOn) })),
    },
    classGroup: row.classGroup,
    sickReports: row.sickReports.map((r) => ({
      id: r.id,
      guardianId: r.guardianId,
      reason: r.reason,
      note: r.note,
      startsOn: day(r.startsOn),
      endsOn: dayOrNull(r.endsOn),
      createdAt: instant(r.createdAt),
      guardian: { user: { name: r.reportedBy } },
    })),
    results,
    absences: row.absences.map((a) => ({ ...a, date: day(a.date) })),
    contacts: row.contacts.map((c) => ({ ...c, occurredOn: day(c.occurredOn) })),
    events: row.events.map(toUpcomingEvent),
    conference: row.conference ? { roundId: row.conference.roundId, bookedAt: instantOrNull(row.conference.bookedAt) } : null,
  };
}

export type ChildRecords = NonNullable<Awaited<ReturnType<typeof loadChildRecords>>>;
