import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AbsenceKind, ReportedBy } from "@/lib/generated/prisma/enums";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, writeAudit, writeAuditForList, type AuditContext } from "@/lib/auth/audit";

const MENTOR_PUPIL_PAGE: AuditContext = { category: "absences", route: "/mentor/pupils/[pupilId]" };
const OFFICER_PUPIL_PAGE: AuditContext = { category: "record", route: "/attendance/pupils/[pupilId]" };
const CLASS_LIST: AuditContext = { category: "profile", route: "/attendance/pupils" };
import type { Actor } from "@/lib/auth/types";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { surnameSortKey } from "@/lib/domain/pupils/names";
import { earliestRegistrableDay, lastSchoolDay } from "@/lib/domain/attendance/schemas";
import type { Holiday } from "@/lib/domain/attendance/school-weeks";

// Scopes are combined with AND, never spread: a scope may constrain the same
// column (a mentor's scope is a classGroupId filter) and would overwrite it.

export type AbsenceDayRecord = {
  lessonHour: number | null;
  kind: AbsenceKind;
  minutes: number;
  reason: string | null;
  /** The reason the pupil gave (staff always see it). */
  pupilReason: string | null;
  reportedBy: ReportedBy;
  /** Staff member who registered it, when a staff member did. */
  recordedBy: string | null;
  fromSickReport: boolean;
};

export type AbsenceDay = {
  date: Date;
  records: AbsenceDayRecord[];
  /** A guardian reported the child sick or absent for this day. */
  reportedByGuardian: boolean;
};

/**
 * The absences of `requested`, or — when no day was asked for — of the
 * registration window, with the school's holidays in it, so that the last
 * school day can be picked from the same query (`dayOf`).
 */
function absencesOn(requested: Date | null, today: Date) {
  const earliest = earliestRegistrableDay(today);
  return {
    school: { select: { holidays: { where: { startsOn: { lte: today }, endsOn: { gte: earliest } }, select: { startsOn: true, endsOn: true } } } },
    absences: {
      where: requested ? { date: requested } : { date: { gte: earliest, lte: today } },
      orderBy: [{ lessonHour: "asc" }, { createdAt: "asc" }],
      select: {
        date: true, lessonHour: true, kind: true, minutes: true, reason: true, pupilReason: true, reportedBy: true, sickReportId: true,
        recordedBy: { select: { user: { select: { name: true } } } },
      },
    },
  } satisfies Prisma.PupilSelect;
}

type SelectedAbsence = {
  lessonHour: number | null; kind: AbsenceKind; minutes: number; reason: string | null; pupilReason: string | null; reportedBy: ReportedBy;
  sickReportId: string | null; recordedBy: { user: { name: string } } | null;
};

/** The day the page shows: the one asked for, else the last school day up to today (weekends and holidays skipped). */
function dayOf(requested: Date | null, today: Date, holidays: readonly Holiday[]): Date {
  return requested ?? lastSchoolDay(today, holidays);
}

function toAbsenceDay(date: Date, selected: (SelectedAbsence & { date: Date })[]): AbsenceDay {
  const absences = selected.filter((a) => a.date.getTime() === date.getTime());
  const records = absences.map((a) => ({
    lessonHour: a.lessonHour, kind: a.kind, minutes: a.minutes, reason: a.reason, pupilReason: a.pupilReason, reportedBy: a.reportedBy,
    recordedBy: a.recordedBy?.user.name ?? null, fromSickReport: a.sickReportId !== null,
  }));
  return { date, records, reportedByGuardian: records.some((r) => r.fromSickReport || r.reportedBy === "PARENT") };
}

/**
 * What is registered for a pupil on one day, for the absence form: which
 * lessons already have a record and whether a guardian reported the child sick.
 * The day is `requested`, or when null the last school day up to today.
 * Out of scope: 404 and an audit row.
 */
export async function getAbsenceDay(actor: Actor, pupilId: string, requested: Date | null, now: Date = new Date()): Promise<AbsenceDay> {
  await assertCanFor(actor, "absence:record", "absence:record", pupilId, MENTOR_PUPIL_PAGE);
  const today = dutchToday(now);
  const pupil = await db.pupil.findFirst({ where: { AND: [{ id: pupilId }, scopeFor(actor, "pupil")] }, select: absencesOn(requested, today) });
  if (!pupil) return denyAccess(actor, "absence:record", pupilId, MENTOR_PUPIL_PAGE);
  return toAbsenceDay(dayOf(requested, today, pupil.school.holidays), pupil.absences);
}

/** The classes of this school year with pupils the actor may register absence for (an officer: the whole school). */
export async function listRegistrationClasses(actor: Actor) {
  assertCan(actor, "absence:record");
  const today = dutchToday();
  const classes = await db.classGroup.findMany({
    where: { schoolYear: { startsOn: { lte: today }, endsOn: { gte: today } }, pupils: { some: { AND: [scopeFor(actor, "pupil"), { leftOn: null }] } } },
    select: { id: true, name: true },
  });
  return classes.sort((a, b) => a.name.localeCompare(b.name, "nl", { numeric: true }));
}

/** The pupils of one class the actor may register absence for, by surname. Another school's class gives an empty list. */
export async function listClassPupils(actor: Actor, classGroupId: string) {
  assertCan(actor, "absence:record");
  const pupils = await db.pupil.findMany({
    // Pupils who left the school are not registered for any more.
    where: { AND: [{ classGroupId }, scopeFor(actor, "pupil"), { leftOn: null }] },
    select: { id: true, firstName: true, lastName: true },
  });
  await writeAuditForList(actor, "pupil:list", pupils.map((p) => p.id), CLASS_LIST);
  return pupils.sort(
    (a, b) => surnameSortKey(a.lastName).localeCompare(surnameSortKey(b.lastName), "nl") || a.firstName.localeCompare(b.firstName, "nl"),
  );
}

/** One pupil for the attendance officer's page: name, class and what is registered on `requested` (null: the last school day). */
export async function getAttendancePupil(actor: Actor, pupilId: string, requested: Date | null, now: Date = new Date()) {
  await assertCanFor(actor, "absence:record", "pupil:view", pupilId, OFFICER_PUPIL_PAGE);
  const today = dutchToday(now);
  const pupil = await db.pupil.findFirst({
    where: { AND: [{ id: pupilId }, scopeFor(actor, "pupil")] },
    select: { id: true, firstName: true, lastName: true, classGroup: { select: { id: true, name: true } }, ...absencesOn(requested, today) },
  });
  if (!pupil) return denyAccess(actor, "pupil:view", pupilId, OFFICER_PUPIL_PAGE);
  await writeAudit(actor, "pupil:view", "ALLOWED", pupil.id, undefined, OFFICER_PUPIL_PAGE);
  return {
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    classGroup: pupil.classGroup,
    day: toAbsenceDay(dayOf(requested, today, pupil.school.holidays), pupil.absences),
  };
}

export type AttendancePupil = Awaited<ReturnType<typeof getAttendancePupil>>;
