import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { SCHOOL_FIELDS, type SchoolField, type SchoolFormValues } from "@/lib/domain/admin/school-fields";

/** The administrator's board: its name, its two-step rule and its schools with pupil and staff counts. */
export async function getBoardOverview(actor: Actor) {
  assertCan(actor, "schools:manage");
  if (!actor.boardId) throw new AppError("forbidden");
  const today = dutchToday();
  const board = await db.board.findUnique({
    where: { id: actor.boardId },
    select: {
      name: true,
      requireStaffTwoFactor: true,
      schools: {
        orderBy: { name: "asc" },
        select: {
          id: true, name: true, brin: true, locationCode: true, city: true, kind: true,
          // Pupils who left the school (leftOn passed) no longer count.
          _count: { select: { pupils: { where: { OR: [{ leftOn: null }, { leftOn: { gt: today } }] } }, staff: true } },
        },
      },
    },
  });
  if (!board) throw new AppError("forbidden");
  return {
    name: board.name,
    requireStaffTwoFactor: board.requireStaffTwoFactor,
    schools: board.schools.map(({ _count, ...school }) => ({ ...school, pupils: _count.pupils, staff: _count.staff })),
  };
}

/** The defaults of a new school's form (the schema's defaults for the settings). */
export const NEW_SCHOOL_VALUES: SchoolFormValues = {
  name: "", brin: "", locationCode: "00", kind: "SCHOLENGEMEENSCHAP", levels: [], denomination: "OPENBAAR", street: "", postalCode: "",
  city: "", phone: "", email: "", websiteUrl: "", gradeReleaseMode: "IMMEDIATE", gradeReleaseTime: "17:00", sickReportDeadline: "08:30",
  sickReportMaxDaysAhead: "60", contactThresholdWeeks: "6", quietHoursStart: "21:00", quietHoursEnd: "07:30",
};

const FORM_SELECT = Object.fromEntries(SCHOOL_FIELDS.map((f) => [f, true])) as Record<SchoolField, true>;

/** A school of the administrator's board with its form values (404 and an audit row otherwise). */
export async function getSchoolForm(actor: Actor, schoolId: string) {
  const school = await boardSchool(actor, schoolId);
  const row = await db.school.findUniqueOrThrow({ where: { id: school.id }, select: FORM_SELECT });
  const values = Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, Array.isArray(value) ? value : value === null ? "" : String(value)]),
  ) as unknown as SchoolFormValues;
  return { school, values };
}
