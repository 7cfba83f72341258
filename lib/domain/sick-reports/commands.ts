import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SickReportReason } from "@/lib/generated/prisma/enums";
import { guardianScope } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, writeAudit, type AuditAction, type AuditContext } from "@/lib/auth/audit";

// The sick-report panel is on the child page.
const CHILD_PAGE: AuditContext = { category: "absences", route: "/parent/children/[pupilId]" };
const ABOUT_REPORT: AuditContext = { ...CHILD_PAGE, target: "sickReport" };
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import type { ChangeSickReportInput, SickReportInput } from "@/lib/domain/sick-reports/schemas";
import {
  FULL_SCHOOL_DAY_MINUTES,
  absenceKindFor,
  endOnRecovery,
  resolveChange,
  isSchoolDay,
  periodsOverlap,
  reportWindow,
  resolveReport,
} from "@/lib/domain/sick-reports/rules";

// AuditAction (lib/auth/audit.ts) does not list "sickReport:create" yet; the
// column is free text, so the row is written correctly. Drop the cast once it does.
const AUDIT_ACTION: AuditAction = "sickReport:create";

export class SickReportValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

export type SickReportResult = { id: string; startsOn: Date; endsOn: Date | null; reason: SickReportReason; created: boolean };

const reportSelect = { id: true, pupilId: true, guardianId: true, startsOn: true, endsOn: true, reason: true } as const;

/** One record per school day, marked as reported by the guardian; the reason and the note stay on the report. */
function absenceRows(report: { id: string; pupilId: string; reason: SickReportReason }, days: Date[]) {
  return days.map((date) => ({
    pupilId: report.pupilId,
    date,
    lessonHour: null,
    kind: absenceKindFor(report.reason),
    minutes: FULL_SCHOOL_DAY_MINUTES,
    reason: null,
    reportedBy: "PARENT" as const,
    sickReportId: report.id,
  }));
}

function existingResult(report: { id: string; pupilId: string; guardianId: string; startsOn: Date; endsOn: Date | null; reason: SickReportReason }, actor: Actor, pupilId: string): SickReportResult {
  // The same key from someone else, or for another child, is not a resubmission.
  if (report.guardianId !== actor.guardianId || report.pupilId !== pupilId) throw new AppError("conflict");
  return { id: report.id, startsOn: report.startsOn, endsOn: report.endsOn, reason: report.reason, created: false };
}

/**
 * A guardian reports a child sick or absent. Submitting the same form twice
 * (same idempotency key) creates one report and returns it both times.
 * A child the guardian may not see: 404 and an audit row, nothing written.
 */
export async function reportSick(actor: Actor, input: SickReportInput, { now = new Date() }: { now?: Date } = {}): Promise<SickReportResult> {
  await assertCanFor(actor, "sickReport:create", AUDIT_ACTION, input.pupilId, CHILD_PAGE);
  const guardianId = actor.guardianId;
  if (!guardianId) throw new AppError("forbidden");
  const today = dutchToday(now);
  // Only a guardian who may report sick (the one rule: authority, or an adult pupil's consent).
  const pupil = await db.pupil.findFirst({
    where: { id: input.pupilId, ...guardianScope(actor, "reportSick", now) },
    select: {
      id: true,
      school: { select: { sickReportDeadline: true, sickReportMaxDaysAhead: true, holidays: { where: { endsOn: { gte: today } }, select: { startsOn: true, endsOn: true } } } },
    },
  });
  if (!pupil) return denyAccess(actor, AUDIT_ACTION, input.pupilId, CHILD_PAGE);

  // A resubmission is answered before the rules: the deadline may have passed in between.
  const earlier = await db.sickReport.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: reportSelect });
  if (earlier) return existingResult(earlier, actor, pupil.id);

  const holidays = pupil.school.holidays;
  const resolved = resolveReport(input, reportWindow({ ...pupil.school, holidays }, now), holidays);
  if (!resolved.ok) throw new SickReportValidationError(resolved.errors);
  const { startsOn, endsOn, days } = resolved.report;

  try {
    return await db.$transaction(async (tx) => {
      // One report at a time per child: two guardians reporting at once cannot both pass the overlap check.
      await tx.$queryRaw`SELECT "id" FROM "Pupil" WHERE "id" = ${pupil.id} FOR UPDATE`;
      const again = await tx.sickReport.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: reportSelect });
      if (again) return existingResult(again, actor, pupil.id);
      const candidates = await tx.sickReport.findMany({
        where: { pupilId: pupil.id, OR: [{ endsOn: null }, { endsOn: { gte: startsOn } }], ...(endsOn ? { startsOn: { lte: endsOn } } : {}) },
        select: { startsOn: true, endsOn: true },
      });
      if (candidates.some((other) => periodsOverlap(other, { startsOn, endsOn }))) {
        throw new SickReportValidationError({ _form: "sickReportErrors.overlap" });
      }
      const report = await tx.sickReport.create({
        // createdAt from the same clock as the rules, so "reported at" and "today" agree.
        data: { pupilId: pupil.id, guardianId, reason: input.reason, note: input.note, startsOn, endsOn, idempotencyKey: input.idempotencyKey, createdAt: now },
        select: reportSelect,
      });
      // skipDuplicates: the unique (sickReportId, date) makes a replay harmless.
      await tx.absenceRecord.createMany({ data: absenceRows(report, days), skipDuplicates: true });
      return { id: report.id, startsOn, endsOn, reason: report.reason, created: true };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.sickReport.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: reportSelect });
      if (existing) return existingResult(existing, actor, pupil.id);
      throw new AppError("conflict");
    }
    throw error;
  }
}

/**
 * The child is better. The report ends today (today's record stays) and the
 * records after today go; a report that had not started yet is withdrawn with
 * all its records. Any guardian who may see the child can do this; twice is a no-op.
 */
export async function reportBetter(actor: Actor, reportId: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  await assertCanFor(actor, "sickReport:create", AUDIT_ACTION, reportId, ABOUT_REPORT);
  const today = dutchToday(now);
  const report = await db.sickReport.findFirst({
    where: { id: reportId, pupil: guardianScope(actor, "reportSick", now) },
    select: { id: true, startsOn: true, endsOn: true, endedAt: true },
  });
  if (!report) return denyAccess(actor, AUDIT_ACTION, reportId, ABOUT_REPORT);
  if (report.endedAt) return;
  const endsOn = endOnRecovery(report, today);
  await db.$transaction([
    // endedAt: null in the where: of two clicks at once, only one changes anything.
    db.sickReport.updateMany({ where: { id: report.id, endedAt: null }, data: { endedAt: now, endsOn } }),
    db.absenceRecord.deleteMany({ where: { sickReportId: report.id, date: { gt: endsOn } } }),
  ]);
}

export type SickReportChangeResult = { changed: boolean; withdrawn: boolean; startsOn: Date; endsOn: Date };

/**
 * The guardian who made a report with an end withdraws it before it starts,
 * or makes it shorter while days of it lie ahead (rules: `resolveChange`).
 * The report and its day records change together: the records of the days it
 * no longer covers go (they are the only ones it made: one full-day record per
 * school day, never the school's own per-lesson records; a sick report never
 * queues a message, so there is nothing to call back). Anyone else — the other
 * parent, a stranger — gets 404 and an audit row naming the pupil; the change
 * itself leaves an ALLOWED row with what changed. Submitting the same change
 * twice changes nothing the second time.
 */
export async function changeSickReport(actor: Actor, input: ChangeSickReportInput, { now = new Date() }: { now?: Date } = {}): Promise<SickReportChangeResult> {
  await assertCanFor(actor, "sickReport:create", "sickReport:change", input.reportId, ABOUT_REPORT);
  const today = dutchToday(now);
  const guardianId = actor.guardianId;
  // Scoped twice: the guardian's own report, of a child they may (still) report sick for.
  const report = guardianId
    ? await db.sickReport.findFirst({
        where: { id: input.reportId, pupilId: input.pupilId, guardianId, pupil: guardianScope(actor, "reportSick", now) },
        select: { id: true, pupil: { select: { school: { select: { id: true } } } } },
      })
    : null;
  if (!report) return denyAccess(actor, "sickReport:change", input.reportId, ABOUT_REPORT);
  const request = input.change === "WITHDRAW" ? { change: "WITHDRAW" as const } : { change: "SHORTEN" as const, from: input.from, to: input.to };

  const result = await db.$transaction(async (tx) => {
    // The row as it is now, locked: a double submit or a "better" at the same moment waits here and sees the outcome.
    await tx.$queryRaw`SELECT "id" FROM "SickReport" WHERE "id" = ${report.id} FOR UPDATE`;
    const current = await tx.sickReport.findUniqueOrThrow({ where: { id: report.id }, select: { startsOn: true, endsOn: true } });
    const holidays = await tx.schoolHoliday.findMany({
      where: { schoolId: report.pupil.school.id, startsOn: { lte: current.endsOn ?? current.startsOn }, endsOn: { gte: current.startsOn } },
      select: { startsOn: true, endsOn: true },
    });
    const resolved = resolveChange(current, request, today, holidays);
    if (!resolved.ok) throw new SickReportValidationError(resolved.errors);
    const outcome = { changed: !resolved.unchanged, withdrawn: resolved.withdrawn, startsOn: resolved.startsOn, endsOn: resolved.endsOn };
    if (resolved.unchanged) return { ...outcome, removed: 0 };
    await tx.sickReport.update({
      where: { id: report.id },
      data: { startsOn: resolved.startsOn, endsOn: resolved.endsOn, ...(resolved.withdrawn ? { endedAt: now } : {}) },
    });
    const { count } = await tx.absenceRecord.deleteMany({
      where: { sickReportId: report.id, OR: [{ date: { lt: resolved.startsOn } }, { date: { gt: resolved.endsOn } }] },
    });
    return { ...outcome, removed: count };
  });
  if (result.changed) {
    await writeAudit(actor, "sickReport:change", "ALLOWED", report.id, { change: result.withdrawn ? "withdraw" : "shorten", daysRemoved: result.removed }, ABOUT_REPORT);
  }
  return { changed: result.changed, withdrawn: result.withdrawn, startsOn: result.startsOn, endsOn: result.endsOn };
}

/**
 * Job (each school morning): adds today's record to every open-ended report
 * that has started, when today is a school day of the child's school. Runs
 * without an actor; returns how many records it added. Running it twice adds nothing.
 */
export async function extendOpenSickReports(now: Date = new Date()): Promise<number> {
  const today = dutchToday(now);
  const open = await db.sickReport.findMany({
    where: { endsOn: null, endedAt: null, startsOn: { lte: today } },
    select: {
      id: true,
      pupilId: true,
      reason: true,
      pupil: { select: { school: { select: { holidays: { where: { startsOn: { lte: today }, endsOn: { gte: today } }, select: { startsOn: true, endsOn: true } } } } } },
    },
  });
  const rows = open.filter((report) => isSchoolDay(today, report.pupil.school.holidays)).flatMap((report) => absenceRows(report, [today]));
  if (rows.length === 0) return 0;
  const { count } = await db.absenceRecord.createMany({ data: rows, skipDuplicates: true });
  return count;
}
