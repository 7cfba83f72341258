import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AbsenceKind, ReportedBy } from "@/lib/generated/prisma/enums";
import { scopeFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, type AuditContext } from "@/lib/auth/audit";

/** The absence form is on the mentor's and the attendance officer's pupil page: the row names the actor's. */
const absencePage = (actor: Actor): AuditContext => ({
  category: "absences", route: actor.role === "ATTENDANCE_OFFICER" ? "/attendance/pupils/[pupilId]" : "/mentor/pupils/[pupilId]",
});
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { dayKey, isSchoolDay } from "@/lib/domain/attendance/school-weeks";
import { FIRST_LESSON, LAST_LESSON, earliestRegistrableDay, isWeekend, lessonRange, type AbsenceInput } from "@/lib/domain/attendance/schemas";
import { isAlertKind, queueAbsenceAlerts } from "@/lib/notifications/alerts";

/** Expected input problems found by the command: catalogue keys per field. */
export class AbsenceValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

export type AbsenceRecordsInput = {
  pupilId: string;
  /** The pupil's school: its holidays are not school days. */
  schoolId: string;
  /** Calendar date as UTC midnight. */
  date: Date;
  /** Lesson hours, each becomes one record. */
  lessons: readonly number[];
  kind: AbsenceKind;
  /** Per record: minutes late for LATE, otherwise the lesson's length. */
  minutes: number;
  reason: string | null;
  /** The reason the pupil gave (hidden from parents of a pupil of 16+ without the pupil's say-so). */
  pupilReason?: string | null;
  /** Staff member who registered it; null for an import. */
  recordedById: string | null;
  reportedBy: ReportedBy;
};

export type AbsenceRegistration = { written: number; alertsQueued: number };

/**
 * The core of registering absence, WITHOUT any authorisation or scoping: no
 * actor, so it is named `unsafe…` (house style). `registerAbsence` calls it after
 * checking the staff member's scope; the import from the school's
 * administration system will call it once per pupil and day, after checking
 * itself that the pupils belong to the school it imports for.
 *
 * Call it inside a transaction (`db.$transaction(tx => …)`): it writes one
 * record per lesson hour and queues the guardians' alert in that same
 * transaction, so either both happen or neither does.
 *
 * - Refuses days that are not school days (weekend or a holiday of `schoolId`).
 * - Registering a lesson that already has a record updates it (kind, minutes,
 *   reason, who registered it): corrections and double submits never create a
 *   second record (unique pupil + date + lesson hour).
 * - Alerts are queued only when a lesson becomes an alert kind (unauthorised,
 *   late) that it was not before, so saving the same thing again never sends a
 *   second message, also after the first one was delivered. Several records for
 *   one day share one waiting message (see `queueAbsenceAlerts`).
 */
export async function unsafeRegisterAbsenceRecords(
  tx: Prisma.TransactionClient,
  input: AbsenceRecordsInput,
  options: { now?: Date } = {},
): Promise<AbsenceRegistration> {
  const lessons = [...new Set(input.lessons)];
  if (lessons.length === 0 || lessons.some((l) => !Number.isInteger(l) || l < FIRST_LESSON || l > LAST_LESSON)) {
    throw new AbsenceValidationError({ fromLesson: "absenceErrors.lesson" });
  }
  await assertSchoolDay(tx, input.schoolId, input.date);
  const day = dayKey(input.date);
  // One statement for every lesson; `previous` reads the rows as they were before it.
  const rows = await tx.$queryRaw<{ lessonHour: number; previousKind: AbsenceKind | null }[]>`
    WITH previous AS (
      SELECT "lessonHour", "kind"::text AS "kind" FROM "AbsenceRecord"
      WHERE "pupilId" = ${input.pupilId} AND "date" = ${day}::date AND "lessonHour" = ANY(${lessons}::int[])
    ), written AS (
      INSERT INTO "AbsenceRecord" ("id", "pupilId", "date", "lessonHour", "kind", "minutes", "reason", "pupilReason", "reportedBy", "recordedById", "updatedAt")
      SELECT gen_random_uuid()::text, ${input.pupilId}, ${day}::date, lesson, ${input.kind}::"AbsenceKind", ${input.minutes}::int,
             ${input.reason}, ${input.pupilReason ?? null}, ${input.reportedBy}::"ReportedBy", ${input.recordedById}, now()
      FROM unnest(${lessons}::int[]) AS lesson
      ON CONFLICT ("pupilId", "date", "lessonHour") DO UPDATE
        SET "kind" = EXCLUDED."kind", "minutes" = EXCLUDED."minutes", "reason" = EXCLUDED."reason", "pupilReason" = EXCLUDED."pupilReason",
            "reportedBy" = EXCLUDED."reportedBy", "recordedById" = EXCLUDED."recordedById", "updatedAt" = now()
      RETURNING "lessonHour"
    )
    SELECT w."lessonHour", p."kind" AS "previousKind" FROM written w LEFT JOIN previous p ON p."lessonHour" = w."lessonHour"`;
  const newsForGuardians = isAlertKind(input.kind) && rows.some((r) => r.previousKind !== input.kind);
  const queued = newsForGuardians ? await queueAbsenceAlerts(tx, { pupilId: input.pupilId, date: input.date, now: options.now }) : [];
  return { written: rows.length, alertsQueued: queued.length };
}

async function assertSchoolDay(tx: Prisma.TransactionClient, schoolId: string, date: Date): Promise<void> {
  if (isWeekend(date)) throw new AbsenceValidationError({ date: "absenceErrors.weekend" });
  const holidays = await tx.schoolHoliday.findMany({
    where: { schoolId, startsOn: { lte: date }, endsOn: { gte: date } },
    select: { startsOn: true, endsOn: true },
  });
  if (!isSchoolDay(date, holidays)) throw new AbsenceValidationError({ date: "absenceErrors.holiday" });
}

/** Staff register today or up to REGISTRATION_WINDOW_DAYS back (schemas.ts), never ahead. */
function assertWithinWindow(date: Date, now: Date): void {
  const today = dutchToday(now);
  if (date > today) throw new AbsenceValidationError({ date: "absenceErrors.dateInFuture" });
  if (date < earliestRegistrableDay(today)) throw new AbsenceValidationError({ date: "absenceErrors.dateTooLongAgo" });
}

/**
 * A mentor (own classes) or attendance officer (own school) registers absence
 * for lesson hours of one day. Out of scope: 404 and an audit row, nothing written.
 */
export async function registerAbsence(actor: Actor, input: AbsenceInput, options: { now?: Date } = {}): Promise<AbsenceRegistration> {
  await assertCanFor(actor, "absence:record", "absence:record", input.pupilId, absencePage(actor));
  if (!actor.staffId) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  const pupil = await db.pupil.findFirst({ where: { id: input.pupilId, ...scopeFor(actor, "pupil") }, select: { id: true, schoolId: true } });
  if (!pupil) return denyAccess(actor, "absence:record", input.pupilId, absencePage(actor));
  assertWithinWindow(input.date, now);
  const recordedById = actor.staffId;
  return db.$transaction((tx) =>
    unsafeRegisterAbsenceRecords(
      tx,
      {
        pupilId: pupil.id, schoolId: pupil.schoolId, date: input.date, lessons: lessonRange(input.fromLesson, input.toLesson),
        kind: input.kind, minutes: input.minutes, reason: input.reason, pupilReason: input.pupilReason, recordedById, reportedBy: "SCHOOL",
      },
      { now },
    ),
  );
}
