import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/types";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { boardSchool } from "@/lib/domain/schools/board-scope";

/**
 * A school's calendar for one school year (the current one unless asked):
 * every national school year, the school's terms and holidays in that year,
 * and the next school year to offer. 404 and an audit row for another board's school.
 */
export async function getSchoolCalendar(actor: Actor, schoolId: string, schoolYearId?: string) {
  const school = await boardSchool(actor, schoolId, "schools:manage", { category: "calendar", route: "/admin/schools/[schoolId]/calendar" });
  const years = await db.schoolYear.findMany({ orderBy: { startsOn: "asc" }, select: { id: true, name: true, startsOn: true, endsOn: true } });
  const today = dutchToday();
  const year = years.find((y) => y.id === schoolYearId) ?? years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? years.at(-1) ?? null;
  const [periods, holidays] = year
    ? await Promise.all([
        db.period.findMany({
          where: { schoolId: school.id, schoolYearId: year.id }, orderBy: { number: "asc" },
          select: { id: true, number: true, startsOn: true, endsOn: true, _count: { select: { assessments: true } } },
        }),
        db.schoolHoliday.findMany({
          where: { schoolId: school.id, startsOn: { gte: year.startsOn, lte: year.endsOn } }, orderBy: { startsOn: "asc" },
          select: { id: true, name: true, startsOn: true, endsOn: true },
        }),
      ])
    : [[], []];
  const last = years.at(-1);
  return {
    school,
    years,
    year,
    periods: periods.map(({ _count, ...p }) => ({ ...p, assessments: _count.assessments })),
    holidays,
    nextStartYear: last ? last.startsOn.getUTCFullYear() + 1 : schoolYearOf(today).startsOn.getUTCFullYear(),
  };
}
