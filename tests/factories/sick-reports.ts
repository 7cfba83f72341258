import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { SickReportInput } from "@/lib/domain/sick-reports/schemas";
import type { LinkOptions } from "@/tests/factories";

// Factories for sick reports: school rules, holidays and valid form input.

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A Dutch wall-clock moment in winter time (UTC+1), e.g. amsterdam("2026-11-28", "10:00"). */
export const amsterdam = (iso: string, time: string) => new Date(`${iso}T${time}:00+01:00`);

export async function setSickReportRules(schoolId: string, rules: { sickReportDeadline?: string; sickReportMaxDaysAhead?: number; phone?: string | null }) {
  return db.school.update({ where: { id: schoolId }, data: rules });
}

export async function createHoliday(schoolId: string, startsOn: string, endsOn: string, name = "autumn") {
  return db.schoolHoliday.create({ data: { schoolId, name, startsOn: day(startsOn), endsOn: day(endsOn) } });
}

/** Form input as the action would parse it; every field overridable (raw strings, like a form). */
export function sickReportInput(pupilId: string, overrides: Record<string, unknown> = {}): SickReportInput {
  return SickReportInput.parse({ pupilId, idempotencyKey: randomUUID(), mode: "TODAY", reason: "SICK", from: "", to: "", note: "", ...overrides });
}

export const recordsOf = (sickReportId: string) =>
  db.absenceRecord.findMany({ where: { sickReportId }, orderBy: { date: "asc" } });

export const isoDays = (records: { date: Date }[]) => records.map((r) => r.date.toISOString().slice(0, 10));

/** Another child in a class, linked to an existing guardian (so each test has a child without reports). */
export async function createChildOf(guardianId: string, classGroup: { id: string; schoolId: string }, link: LinkOptions = {}) {
  const pupil = await db.pupil.create({
    data: {
      schoolId: classGroup.schoolId, classGroupId: classGroup.id, studentNumber: randomUUID().slice(0, 8),
      firstName: "Noor", lastName: `de Vries ${randomUUID().slice(0, 4)}`, birthDate: day("2012-03-14"),
    },
  });
  await db.guardianLink.create({ data: { guardianId, pupilId: pupil.id, relationship: "FATHER", hasParentalAuthority: link.hasParentalAuthority ?? true, ...link } });
  return pupil;
}
