import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";

/**
 * School-level reach figures shown beside the domains they evidence
 * (model.ts `EVIDENCE_OF`). A stand-in for the reach dashboard's
 * `schoolReachSummary(actor, now)` (lib/domain/reach/summary.ts, built in
 * parallel): one function, one statement, so it can be swapped for that later.
 *
 * A family here is a pupil of the school's classes of this school year who has
 * not left (a pupil with two households is one family; the reach module
 * counts households). Counts only; no pupil is named, so nothing is audited.
 */
export type ReachEvidence = {
  schoolYear: string;
  thresholdWeeks: number;
  families: number;
  /** Families with a contact moment within the school's "not reached" threshold. */
  contactWithinThreshold: { count: number; share: number | null };
  /** Families without any contact moment this school year. */
  neverReached: number;
  /** Contact moments this school year with a positive tone, of all of them. */
  positiveShare: { positive: number; total: number; share: number | null };
  /** Conference attendance this school year (came / came + no-show); null: no conference rounds this year ("not in use"). */
  conferenceAttendance: { came: number; marked: number; share: number | null } | null;
};

type Row = {
  threshold: number; families: bigint; within: bigint; never: bigint; positive: bigint; total: bigint;
  rounds: bigint; came: bigint; marked: bigint;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The figures for the leader's own school as of `now` (injected: tests pin the clock). */
export async function schoolReachEvidence(actor: Actor, now: Date): Promise<ReachEvidence> {
  assertCan(actor, "selfAssessment:manage");
  const schoolId = actor.schoolId;
  if (!schoolId) throw new AppError("forbidden");
  const today = dutchToday(now);
  const year = schoolYearOf(today);
  const [row] = await db.$queryRaw<Row[]>`
    WITH school AS (SELECT "contactThresholdWeeks" AS weeks FROM "School" WHERE id = ${schoolId}),
    fam AS (
      SELECT p.id FROM "Pupil" p
      JOIN "ClassGroup" c ON c.id = p."classGroupId"
      JOIN "SchoolYear" y ON y.id = c."schoolYearId" AND y.name = ${year.name}
      WHERE p."schoolId" = ${schoolId} AND (p."leftOn" IS NULL OR p."leftOn" > ${today}::date)
    ),
    contacts AS (
      SELECT m."pupilId", m."occurredOn", m.tone FROM "ContactMoment" m JOIN fam ON fam.id = m."pupilId"
      WHERE m."occurredOn" BETWEEN ${year.startsOn}::date AND ${today}::date
    ),
    per_family AS (
      SELECT fam.id,
        bool_or(c."occurredOn" >= ${today}::date - (SELECT weeks FROM school) * 7) AS within,
        count(c."pupilId") AS contacts
      FROM fam LEFT JOIN contacts c ON c."pupilId" = fam.id GROUP BY fam.id
    ),
    rounds AS (
      SELECT r.id FROM "ConferenceRound" r
      WHERE r."schoolId" = ${schoolId} AND r."bookingClosesAt" >= ${year.startsOn} AND r."bookingOpensAt" <= ${now}
    ),
    bookings AS (
      SELECT b.attendance FROM "ConferenceBooking" b JOIN rounds ON rounds.id = b."roundId"
      WHERE b."cancelledAt" IS NULL AND b.attendance IN ('CAME', 'NO_SHOW')
    )
    SELECT (SELECT weeks FROM school)::int AS threshold,
      (SELECT count(*) FROM per_family) AS families,
      (SELECT count(*) FILTER (WHERE within) FROM per_family) AS within,
      (SELECT count(*) FILTER (WHERE contacts = 0) FROM per_family) AS never,
      (SELECT count(*) FILTER (WHERE tone = 'POSITIVE') FROM contacts) AS positive,
      (SELECT count(*) FROM contacts) AS total,
      (SELECT count(*) FROM rounds) AS rounds,
      (SELECT count(*) FILTER (WHERE attendance = 'CAME') FROM bookings) AS came,
      (SELECT count(*) FROM bookings) AS marked`;
  const n = (v: bigint) => Number(v);
  const families = n(row.families);
  const within = n(row.within);
  const positive = n(row.positive);
  const total = n(row.total);
  const came = n(row.came);
  const marked = n(row.marked);
  return {
    schoolYear: year.name,
    thresholdWeeks: row.threshold,
    families,
    contactWithinThreshold: { count: within, share: share(within, families) },
    neverReached: n(row.never),
    positiveShare: { positive, total, share: share(positive, total) },
    conferenceAttendance: n(row.rounds) === 0 ? null : { came, marked, share: share(came, marked) },
  };
}
