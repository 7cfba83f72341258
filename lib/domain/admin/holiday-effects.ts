import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSchoolDay } from "@/lib/domain/attendance/school-weeks";
import { FULL_SCHOOL_DAY_MINUTES, absenceKindFor } from "@/lib/domain/sick-reports/rules";
import { daysFrom, type DayRange } from "@/lib/domain/admin/calendar-rules";

type Tx = Prisma.TransactionClient;

/**
 * What a change to the school's holidays does to absence already registered
 * (docs/architecture.md, "The holiday rule"). Call it inside the transaction
 * that changed the holidays, with every day whose status may have changed
 * (the old and the new range).
 *
 * - Absence the school registered (per lesson) is history and stays, on any
 *   day; on a holiday it no longer counts towards the 16-hour rule, because
 *   that rule counts school days only (lib/domain/attendance/threshold.ts).
 * - A parent's sick report covers school days: from today on, its day records
 *   on days that are now a holiday go, and days that are a school day again
 *   (a holiday shortened or removed) get one. Days before today are history
 *   and stay as they are. An open-ended report is extended by the morning job,
 *   which skips holidays, so only today can change for it here.
 */
export async function applyHolidayRule(tx: Tx, schoolId: string, changed: DayRange, today: Date): Promise<{ added: number; removed: number }> {
  const days = daysFrom(changed, today);
  if (days.length === 0) return { added: 0, removed: 0 };
  const first = days[0];
  const last = days[days.length - 1];
  const holidays = await tx.schoolHoliday.findMany({ where: { schoolId, startsOn: { lte: last }, endsOn: { gte: first } }, select: { startsOn: true, endsOn: true } });
  const reports = await tx.sickReport.findMany({
    where: { pupil: { schoolId }, startsOn: { lte: last }, OR: [{ endsOn: null, endedAt: null }, { endsOn: { gte: first } }] },
    select: { id: true, pupilId: true, reason: true, startsOn: true, endsOn: true, absences: { where: { date: { gte: first, lte: last }, lessonHour: null }, select: { date: true } } },
  });
  let added = 0;
  let removed = 0;
  for (const report of reports) {
    // The days this report covers within the change: open-ended ones up to today.
    const until = report.endsOn ?? today;
    const covered = days.filter((d) => d >= report.startsOn && d <= until);
    const recorded = new Set(report.absences.map((a) => a.date.getTime()));
    const stale = covered.filter((d) => recorded.has(d.getTime()) && !isSchoolDay(d, holidays));
    const missing = covered.filter((d) => !recorded.has(d.getTime()) && isSchoolDay(d, holidays));
    if (stale.length) {
      removed += (await tx.absenceRecord.deleteMany({ where: { sickReportId: report.id, lessonHour: null, date: { in: stale } } })).count;
    }
    if (missing.length) {
      const rows = missing.map((date) => ({
        pupilId: report.pupilId, date, lessonHour: null, kind: absenceKindFor(report.reason), minutes: FULL_SCHOOL_DAY_MINUTES,
        reason: null, reportedBy: "PARENT" as const, sickReportId: report.id,
      }));
      added += (await tx.absenceRecord.createMany({ data: rows, skipDuplicates: true })).count;
    }
  }
  return { added, removed };
}
