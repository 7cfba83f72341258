import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import { writeAuditForList } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import type { AbsenceKind, ThresholdCaseStatus } from "@/lib/generated/prisma/enums";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { schoolWeeks, type Holiday } from "@/lib/domain/attendance/school-weeks";
import { assessPupil, countsTowardThreshold, type ThresholdRecord, type ThresholdState } from "@/lib/domain/attendance/threshold";
import { surnameSortKey } from "@/lib/domain/pupils/names";

const ALL_KINDS = ["SICK", "AUTHORISED", "UNAUTHORISED", "LATE", "REMOVED"] as const satisfies readonly AbsenceKind[];
/** The kinds the rule counts, from the rule itself (unauthorised and late). */
export const COUNTING_KINDS = ALL_KINDS.filter(countsTowardThreshold);
const DAY_MS = 86_400_000;

export type SchoolCalendar = {
  year: { id: string; name: string; startsOn: Date; endsOn: Date } | null;
  holidays: (Holiday & { name: string })[];
};

type CalendarRow = { id: string | null; name: string | null; startsOn: Date | null; endsOn: Date | null; holidays: { name: string; startsOn: string; endsOn: string }[] };

/**
 * The current school year (the row containing today) and the school's holidays in it, in one
 * round trip: a query for each would push the page over its budget of four.
 */
async function loadCalendar(schoolId: string, today: Date): Promise<SchoolCalendar> {
  const national = schoolYearOf(today);
  const [row] = await db.$queryRaw<CalendarRow[]>`
    SELECT y."id", y."name", y."startsOn", y."endsOn",
      COALESCE((
        SELECT json_agg(json_build_object('name', h."name", 'startsOn', h."startsOn", 'endsOn', h."endsOn") ORDER BY h."startsOn")
        FROM "SchoolHoliday" h
        WHERE h."schoolId" = ${schoolId} AND h."endsOn" >= ${national.startsOn}::date AND h."startsOn" <= ${national.endsOn}::date
      ), '[]'::json) AS "holidays"
    FROM (SELECT 1) AS one
    LEFT JOIN "SchoolYear" y ON y."startsOn" <= ${today}::date AND y."endsOn" >= ${today}::date
    ORDER BY y."startsOn" DESC
    LIMIT 1`;
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return {
    year: row?.id ? { id: row.id, name: row.name!, startsOn: row.startsOn!, endsOn: row.endsOn! } : null,
    holidays: (row?.holidays ?? []).map((h) => ({ name: h.name, startsOn: day(h.startsOn), endsOn: day(h.endsOn) })),
  };
}

/**
 * Counting minutes per pupil per school day (not per lesson: a day is what the rule needs, and
 * it keeps the rows few), for the pupils in the actor's scope, from `from` up to `today`.
 */
async function countingMinutesPerDay(actor: Actor, from: Date, today: Date) {
  const rows = await db.absenceRecord.groupBy({
    by: ["pupilId", "date"],
    where: { kind: { in: COUNTING_KINDS }, date: { gte: from, lte: today }, pupil: scopeFor(actor, "pupil") },
    _sum: { minutes: true },
  });
  const byPupil = new Map<string, ThresholdRecord[]>();
  for (const row of rows) {
    const records = byPupil.get(row.pupilId) ?? [];
    // The day's sum stands in for its records: only counting kinds were summed.
    records.push({ date: row.date, kind: "UNAUTHORISED", minutes: row._sum.minutes ?? 0 });
    byPupil.set(row.pupilId, records);
  }
  return byPupil;
}

export type ThresholdCaseView = { status: ThresholdCaseStatus; reportedOn: Date | null; note: string | null; updatedAt: Date; updatedBy: string };

export type ThresholdPupil = {
  pupilId: string;
  name: string;
  className: string;
  mentors: string[];
  state: Exclude<ThresholdState, "below">;
  minutes: number;
  hours: number;
  /** Monday of the first and Friday of the last school week of the worst 4-week window. */
  windowStart: Date;
  windowEnd: Date;
  case: ThresholdCaseView | null;
};

export type ThresholdList = {
  today: Date;
  year: SchoolCalendar["year"];
  holidays: SchoolCalendar["holidays"];
  over: ThresholdPupil[];
  near: ThresholdPupil[];
};

/**
 * The school's pupils over (≥ 16 h) and near (≥ 10 h) the truancy threshold in the current
 * school year, worst first, with the attendance officer's follow-up.
 *
 * Queries: 4, whatever the number of pupils — the calendar and the per-day sums in parallel,
 * then one for the names, classes, mentors and cases of the listed pupils and one audit row
 * per listed pupil (neither when nobody is listed). A page adds 1 for the signed-in actor: 5 in total.
 */
export async function getThresholdList(actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<ThresholdList> {
  assertCan(actor, "attendance:view");
  if (!actor.schoolId) throw new AppError("forbidden");
  const today = dutchToday(now);
  const [calendar, minutes] = await Promise.all([
    loadCalendar(actor.schoolId, today),
    countingMinutesPerDay(actor, schoolYearOf(today).startsOn, today),
  ]);
  const { year, holidays } = calendar;
  if (!year) return { today, year, holidays, over: [], near: [] };

  const weeks = schoolWeeks(year.startsOn, today, holidays);
  const listed = new Map<string, { state: "over" | "near"; minutes: number; firstWeek: Date; lastWeek: Date }>();
  for (const [pupilId, records] of minutes) {
    const { state, window } = assessPupil(records, weeks);
    if (state !== "below" && window) listed.set(pupilId, { state, ...window });
  }
  if (listed.size === 0) return { today, year, holidays, over: [], near: [] };

  const pupils = await db.pupil.findMany({
    // Pupils who left the school are off the officer's list.
    where: { id: { in: [...listed.keys()] }, leftOn: null, ...scopeFor(actor, "pupil") },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      classGroup: { select: { name: true, mentorships: { select: { staff: { select: { user: { select: { name: true } } } } } } } },
      thresholdCases: {
        where: { schoolYearId: year.id },
        select: { status: true, reportedOn: true, note: true, updatedAt: true, updatedBy: { select: { user: { select: { name: true } } } } },
      },
    },
  });

  const sortName = new Map(pupils.map((p) => [p.id, surnameSortKey(p.lastName)]));
  const rows: ThresholdPupil[] = pupils.map((pupil) => {
    const found = listed.get(pupil.id)!;
    const kase = pupil.thresholdCases[0];
    return {
      pupilId: pupil.id,
      name: `${pupil.firstName} ${pupil.lastName}`,
      className: pupil.classGroup.name,
      mentors: pupil.classGroup.mentorships.map((m) => m.staff.user.name),
      state: found.state,
      minutes: found.minutes,
      hours: found.minutes / 60,
      windowStart: found.firstWeek,
      windowEnd: new Date(found.lastWeek.getTime() + 4 * DAY_MS),
      case: kase ? { status: kase.status, reportedOn: kase.reportedOn, note: kase.note, updatedAt: kase.updatedAt, updatedBy: kase.updatedBy.user.name } : null,
    };
  });
  // One row per pupil listed (the officer and the leader see names, hours and the case).
  await writeAuditForList(actor, "attendance:view", rows.map((r) => r.pupilId), { category: "attendance", route: "/attendance" });
  rows.sort(
    (a, b) => b.minutes - a.minutes || sortName.get(a.pupilId)!.localeCompare(sortName.get(b.pupilId)!, "nl") || a.name.localeCompare(b.name, "nl"),
  );
  return { today, year, holidays, over: rows.filter((r) => r.state === "over"), near: rows.filter((r) => r.state === "near") };
}
