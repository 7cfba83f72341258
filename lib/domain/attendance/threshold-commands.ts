import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, type AuditAction, type AuditContext } from "@/lib/auth/audit";

const THRESHOLD_PAGE: AuditContext = { category: "attendance", route: "/attendance" };
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { caseFieldErrors, type ThresholdCaseInput } from "@/lib/domain/attendance/threshold-schemas";

// lib/auth/audit.ts has no threshold action yet: like a refused absence registration, a refused
// update is recorded as what it is underneath, an attempt to reach a pupil.
export const THRESHOLD_AUDIT_ACTION: AuditAction = "threshold:update";

export class ThresholdValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

/**
 * Records the attendance officer's follow-up of one pupil for the current school year:
 * to report, reported (with the date), or not required (with a reason). One row per pupil
 * and year; submitting the same form twice leaves one row with the same content.
 */
export async function updateThresholdCase(actor: Actor, input: ThresholdCaseInput, now: Date = new Date()): Promise<void> {
  await assertCanFor(actor, "threshold:update", THRESHOLD_AUDIT_ACTION, input.pupilId, THRESHOLD_PAGE);
  if (!actor.staffId) throw new AppError("forbidden");
  const today = dutchToday(now);
  const [pupil, year] = await Promise.all([
    db.pupil.findFirst({ where: { id: input.pupilId, ...scopeFor(actor, "pupil") }, select: { id: true } }),
    db.schoolYear.findFirst({ where: { startsOn: { lte: today }, endsOn: { gte: today } }, select: { id: true, startsOn: true } }),
  ]);
  if (!pupil) return denyAccess(actor, THRESHOLD_AUDIT_ACTION, input.pupilId, THRESHOLD_PAGE);
  if (!year) throw new AppError("notFound");

  const reportedOn = input.status === "REPORTED" ? input.reportedOn : null;
  const fieldErrors = caseFieldErrors({ ...input, reportedOn }, { today, yearStartsOn: year.startsOn });
  if (Object.keys(fieldErrors).length) throw new ThresholdValidationError(fieldErrors);

  const fields = { status: input.status, reportedOn, note: input.note, updatedById: actor.staffId };
  const where = { pupilId_schoolYearId: { pupilId: pupil.id, schoolYearId: year.id } };
  try {
    await db.thresholdCase.upsert({ where, create: { pupilId: pupil.id, schoolYearId: year.id, ...fields }, update: fields });
  } catch (error) {
    // Two submits racing to create the row: the loser updates the winner's row instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await db.thresholdCase.update({ where, data: fields });
      return;
    }
    throw error;
  }
}
