import type { Checker, Row } from "@/lib/domain/imports/check/checker";
import { parseDutchDate } from "@/lib/domain/imports/values";
import { iso } from "@/lib/domain/imports/check/state";

/** A date of this school year up to today (results and absences are history), as YYYY-MM-DD; null after reporting the line. */
export function pastDateOfYear(checker: Checker, file: number, row: Row, field: string): string | null {
  const date = parseDutchDate(row.get(field));
  if (!date) {
    checker.error(file, row.line, row.has(field) ? "dateInvalid" : "required", { field, value: row.get(field) });
    return null;
  }
  if (date > checker.ctx.today) {
    checker.error(file, row.line, "dateInFuture", { value: row.get(field) });
    return null;
  }
  if (date < checker.ctx.year.startsOn) {
    checker.error(file, row.line, "dateOutsideYear", { value: row.get(field), year: checker.ctx.year.name });
    return null;
  }
  return iso(date);
}

/** Monday to Friday and not in one of the school's holidays. */
export function isSchoolDay(checker: Checker, day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !checker.state.holidays.some((h) => h.startsOn <= day && day <= h.endsOn);
}
