import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";

/** The school years an indicator page offers (newest first, up to four) and the chosen one. */
export async function indicatorYears(schoolYearId?: string) {
  const years = await db.schoolYear.findMany({ where: { startsOn: { lte: dutchToday() } }, orderBy: { startsOn: "desc" }, take: 4, select: { id: true, name: true } });
  const year = years.find((y) => y.id === schoolYearId) ?? years[0];
  if (!year) throw new AppError("notFound");
  return { years, year };
}
