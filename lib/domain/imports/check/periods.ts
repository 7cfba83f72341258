import type { Checker } from "@/lib/domain/imports/check/checker";
import { iso } from "@/lib/domain/imports/check/state";

export type PendingAssessment = {
  id: string; key: string; classGroupId: string; subjectId: string; description: string; heldOn: string; weight: number;
  period: number | null; line: number; existing?: { id: string; weight: number; periodId: string };
};

const dayBefore = (day: string) => iso(new Date(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000));

/**
 * Puts each test in its term (periode): the one the file names, else the one
 * its date falls in. A school without terms for this year gets them from the
 * file — each named term from its first test to the day before the next term's
 * first test, the first from the start of the year, the last to its end — or
 * one term for the whole year when the file names none.
 */
export function assignPeriods(checker: Checker, file: number, assessments: PendingAssessment[]): void {
  const periods = new Map<number, { id: string; startsOn: string; endsOn: string }>(checker.state.periods);
  if (periods.size === 0 && assessments.length) {
    const firstDay = new Map<number, string>();
    for (const a of assessments) if (a.period !== null && (!firstDay.has(a.period) || a.heldOn < firstDay.get(a.period)!)) firstDay.set(a.period, a.heldOn);
    const numbers = [...firstDay.keys()].sort((a, b) => a - b);
    if (numbers.length === 0) numbers.push(1);
    const yearStart = iso(checker.ctx.year.startsOn);
    const yearEnd = iso(checker.ctx.year.endsOn);
    numbers.forEach((number, i) => {
      const startsOn = i === 0 ? yearStart : firstDay.get(number)!;
      const endsOn = i === numbers.length - 1 ? yearEnd : dayBefore(firstDay.get(numbers[i + 1])!);
      const period = { id: checker.newId(), number, startsOn, endsOn };
      periods.set(number, period);
      checker.plan.periods.push(period);
      checker.count("periods", "created", { label: `${number}: ${startsOn} – ${endsOn}` });
    });
  }
  for (const a of assessments) {
    const periodId = a.period !== null ? periods.get(a.period)?.id : [...periods.values()].find((p) => p.startsOn <= a.heldOn && a.heldOn <= p.endsOn)?.id;
    if (!periodId) {
      checker.error(file, a.line, a.period !== null ? "unknownPeriod" : "noPeriodForDate", { value: a.period ?? a.heldOn });
      continue;
    }
    if (!a.existing) {
      checker.plan.assessments.create.push({ id: a.id, classGroupId: a.classGroupId, subjectId: a.subjectId, periodId, description: a.description, weight: a.weight, heldOn: a.heldOn });
      checker.count("assessments", "created", { label: `${a.description} (${a.heldOn})` });
    } else if (a.existing.weight !== a.weight || a.existing.periodId !== periodId) {
      checker.plan.assessments.update.push({ id: a.id, weight: a.weight, periodId });
      checker.count("assessments", "changed", { label: `${a.description} (${a.heldOn})`, fields: [...(a.existing.weight !== a.weight ? ["weight"] : []), ...(a.existing.periodId !== periodId ? ["period"] : [])] });
    } else checker.count("assessments", "unchanged");
  }
}
