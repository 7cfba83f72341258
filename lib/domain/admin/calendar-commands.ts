import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, type AuditContext, type AuditDetails } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { holidayProblem, numberedByDate, periodProblem, schoolYearStarting, type DayRange } from "@/lib/domain/admin/calendar-rules";
import { applyHolidayRule } from "@/lib/domain/admin/holiday-effects";
import type { HolidayInput, PeriodInput } from "@/lib/domain/admin/calendar-schemas";

type Tx = Prisma.TransactionClient;
const CALENDAR: AuditContext = { category: "calendar", route: "/admin/schools/[schoolId]/calendar" };
const day = (d: Date) => d.toISOString().slice(0, 10);

/** One calendar change at a time per school: the overlap checks see every committed change. */
async function lockSchool(tx: Tx, schoolId: string) {
  await tx.$queryRaw`SELECT "id" FROM "School" WHERE "id" = ${schoolId} FOR UPDATE`;
}

async function audit(actor: Actor, targetId: string, details: AuditDetails) {
  await writeAudit(actor, "calendar:update", "ALLOWED", targetId, details, CALENDAR);
}

/** Terms are numbered by date, 1…n. Two steps, because the unique number would clash halfway through a swap. */
async function renumber(tx: Tx, schoolId: string, schoolYearId: string) {
  const periods = await tx.period.findMany({ where: { schoolId, schoolYearId }, select: { id: true, startsOn: true, endsOn: true, number: true } });
  const order = numberedByDate(periods).filter((p) => periods.find((q) => q.id === p.id)!.number !== p.number);
  if (!order.length) return;
  await tx.period.updateMany({ where: { id: { in: order.map((p) => p.id) } }, data: { number: { increment: 1000 } } });
  for (const p of order) await tx.period.update({ where: { id: p.id }, data: { number: p.number } });
}

/**
 * Adds the national school year starting in `startYear` (1 Aug – 31 Jul), at
 * most one year after the latest. Adding one that exists changes nothing.
 */
export async function addSchoolYear(actor: Actor, schoolId: string, startYear: number): Promise<string> {
  await boardSchool(actor, schoolId, "schools:manage", CALENDAR);
  const latest = await db.schoolYear.findFirst({ orderBy: { startsOn: "desc" }, select: { startsOn: true } });
  if (latest && startYear > latest.startsOn.getUTCFullYear() + 1) throw new AdminValidationError({ _form: "calendarErrors.yearNotNext" });
  const year = schoolYearStarting(startYear);
  const existing = await db.schoolYear.findUnique({ where: { name: year.name }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.schoolYear.upsert({ where: { name: year.name }, update: {}, create: year, select: { id: true } });
  await audit(actor, created.id, { change: "schoolYear:create", schoolYear: year.name });
  return created.id;
}

/** Adds or changes a term of a school year. Submitting the same new term twice adds it once. */
export async function savePeriod(actor: Actor, schoolId: string, input: PeriodInput): Promise<string> {
  await boardSchool(actor, schoolId, "schools:manage", CALENDAR);
  const year = await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true, name: true, startsOn: true, endsOn: true } });
  if (!year) throw new AppError("notFound");
  const range: DayRange = { startsOn: input.startsOn, endsOn: input.endsOn };
  const result = await db.$transaction(async (tx) => {
    await lockSchool(tx, schoolId);
    const periods = await tx.period.findMany({ where: { schoolId, schoolYearId: year.id }, select: { id: true, startsOn: true, endsOn: true } });
    const current = input.periodId ? periods.find((p) => p.id === input.periodId) : undefined;
    if (input.periodId && !current) throw new AppError("notFound");
    const same = periods.find((p) => p.startsOn.getTime() === range.startsOn.getTime() && p.endsOn.getTime() === range.endsOn.getTime());
    if (same && (!current || same.id === current.id)) return { id: same.id, changed: false as const };
    const problem = periodProblem(range, year, periods.filter((p) => p.id !== current?.id));
    if (problem) throw new AdminValidationError(problem);
    if (current) {
      const outside = await tx.assessment.count({ where: { periodId: current.id, OR: [{ heldOn: { lt: range.startsOn } }, { heldOn: { gt: range.endsOn } }] } });
      if (outside) throw new AdminValidationError({ startsOn: "calendarErrors.assessmentsOutside" });
      await tx.period.update({ where: { id: current.id }, data: range });
    }
    const id = current?.id ?? (await tx.period.create({ data: { schoolId, schoolYearId: year.id, number: 1000 + periods.length + 1, ...range }, select: { id: true } })).id;
    await renumber(tx, schoolId, year.id);
    return { id, changed: true as const, old: current };
  });
  if (result.changed) {
    const now = { startsOn: day(range.startsOn), endsOn: day(range.endsOn) };
    await audit(actor, result.id, result.old
      ? { change: "period:update", schoolYear: year.name, old: { startsOn: day(result.old.startsOn), endsOn: day(result.old.endsOn) }, new: now }
      : { change: "period:create", schoolYear: year.name, ...now });
  }
  return result.id;
}

/** Removes a term without assessments; the others are numbered again. Removing it twice is a no-op. */
export async function deletePeriod(actor: Actor, schoolId: string, periodId: string): Promise<void> {
  await boardSchool(actor, schoolId, "schools:manage", CALENDAR);
  const deleted = await db.$transaction(async (tx) => {
    await lockSchool(tx, schoolId);
    const period = await tx.period.findFirst({ where: { id: periodId, schoolId }, select: { id: true, schoolYearId: true, startsOn: true, endsOn: true, _count: { select: { assessments: true } } } });
    if (!period) return null;
    if (period._count.assessments) throw new AdminValidationError({ _form: "calendarErrors.periodInUse" });
    await tx.period.delete({ where: { id: period.id } });
    await renumber(tx, schoolId, period.schoolYearId);
    return period;
  });
  if (deleted) await audit(actor, deleted.id, { change: "period:delete", startsOn: day(deleted.startsOn), endsOn: day(deleted.endsOn) });
}

/**
 * Adds or changes a holiday and applies the holiday rule to the sick reports
 * it touches (holiday-effects.ts). Submitting the same new holiday twice adds it once.
 */
export async function saveHoliday(actor: Actor, schoolId: string, input: HolidayInput, now: Date = new Date()): Promise<string> {
  await boardSchool(actor, schoolId, "schools:manage", CALENDAR);
  const range: DayRange = { startsOn: input.startsOn, endsOn: input.endsOn };
  const years = await db.schoolYear.findMany({ select: { startsOn: true, endsOn: true } });
  const result = await db.$transaction(async (tx) => {
    await lockSchool(tx, schoolId);
    const holidays = await tx.schoolHoliday.findMany({ where: { schoolId }, select: { id: true, name: true, startsOn: true, endsOn: true } });
    const current = input.holidayId ? holidays.find((h) => h.id === input.holidayId) : undefined;
    if (input.holidayId && !current) throw new AppError("notFound");
    const same = holidays.find((h) => h.name === input.name && h.startsOn.getTime() === range.startsOn.getTime() && h.endsOn.getTime() === range.endsOn.getTime());
    if (same && (!current || same.id === current.id)) return { id: same.id, changed: false as const };
    const problem = holidayProblem(range, years, holidays.filter((h) => h.id !== current?.id));
    if (problem) throw new AdminValidationError(problem);
    const data = { name: input.name, ...range };
    const id = current ? (await tx.schoolHoliday.update({ where: { id: current.id }, data, select: { id: true } })).id
      : (await tx.schoolHoliday.create({ data: { schoolId, ...data }, select: { id: true } })).id;
    // The days whose status may have changed: the old and the new range.
    const span = current ? { startsOn: new Date(Math.min(+current.startsOn, +range.startsOn)), endsOn: new Date(Math.max(+current.endsOn, +range.endsOn)) } : range;
    const effect = await applyHolidayRule(tx, schoolId, span, dutchToday(now));
    return { id, changed: true as const, old: current, effect };
  });
  if (result.changed) {
    const next = { name: input.name, startsOn: day(range.startsOn), endsOn: day(range.endsOn) };
    const sick = { sickDaysRemoved: result.effect.removed, sickDaysAdded: result.effect.added };
    await audit(actor, result.id, result.old
      ? { change: "holiday:update", old: { name: result.old.name, startsOn: day(result.old.startsOn), endsOn: day(result.old.endsOn) }, new: next, ...sick }
      : { change: "holiday:create", ...next, ...sick });
  }
  return result.id;
}

/** Removes a holiday: its days are school days again (the holiday rule adds sick-report days from today on). */
export async function deleteHoliday(actor: Actor, schoolId: string, holidayId: string, now: Date = new Date()): Promise<void> {
  await boardSchool(actor, schoolId, "schools:manage", CALENDAR);
  const deleted = await db.$transaction(async (tx) => {
    await lockSchool(tx, schoolId);
    const holiday = await tx.schoolHoliday.findFirst({ where: { id: holidayId, schoolId }, select: { id: true, name: true, startsOn: true, endsOn: true } });
    if (!holiday) return null;
    await tx.schoolHoliday.delete({ where: { id: holiday.id } });
    return { ...holiday, effect: await applyHolidayRule(tx, schoolId, holiday, dutchToday(now)) };
  });
  if (deleted) {
    await audit(actor, deleted.id, {
      change: "holiday:delete", name: deleted.name, startsOn: day(deleted.startsOn), endsOn: day(deleted.endsOn),
      sickDaysRemoved: deleted.effect.removed, sickDaysAdded: deleted.effect.added,
    });
  }
}
