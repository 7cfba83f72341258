import { isBelowPass, toTenths, weightedAverageTenths } from "@/lib/domain/results/grades";
import { isReleased } from "@/lib/domain/results/release";

export type ResultRow = {
  id: string;
  grade: { toString(): string } | null;
  textValue: string | null;
  enteredAt: Date;
  assessment: {
    description: string;
    weight: number;
    heldOn: Date;
    period: { number: number };
    subject: { id: string; code: string; name: string };
  };
};

export type AssessmentLine = {
  id: string;
  heldOn: Date;
  description: string;
  weight: number;
  period: number;
  gradeTenths: number | null;
  textValue: string | null;
  belowPass: boolean;
};

export type Trend = "up" | "down" | "steady" | "none";

export type SubjectReport = {
  subjectId: string;
  code: string;
  name: string;
  averageTenths: number | null;
  belowPass: boolean;
  trend: Trend;
  lines: AssessmentLine[];
};

/** Released results only, grouped per subject (alphabetical), assessments oldest first. */
export function buildSubjectReports(results: readonly ResultRow[], cutoff: Date): SubjectReport[] {
  const bySubject = new Map<string, { subject: ResultRow["assessment"]["subject"]; lines: AssessmentLine[] }>();
  for (const result of results) {
    if (!isReleased(result.enteredAt, cutoff)) continue;
    const subject = result.assessment.subject;
    const entry = bySubject.get(subject.id) ?? { subject, lines: [] };
    const gradeTenths = result.grade === null ? null : toTenths(result.grade);
    entry.lines.push({
      id: result.id,
      heldOn: result.assessment.heldOn,
      description: result.assessment.description,
      weight: result.assessment.weight,
      period: result.assessment.period.number,
      gradeTenths,
      textValue: result.textValue,
      belowPass: gradeTenths !== null && isBelowPass(gradeTenths),
    });
    bySubject.set(subject.id, entry);
  }
  return [...bySubject.values()]
    .map(({ subject, lines }) => {
      lines.sort((a, b) => a.heldOn.getTime() - b.heldOn.getTime());
      const graded = lines.flatMap((l) => (l.gradeTenths === null ? [] : [{ gradeTenths: l.gradeTenths, weight: l.weight }]));
      const averageTenths = weightedAverageTenths(graded);
      return {
        subjectId: subject.id,
        code: subject.code,
        name: subject.name,
        averageTenths,
        belowPass: averageTenths !== null && isBelowPass(averageTenths),
        trend: trendOf(graded.map((g) => g.gradeTenths)),
        lines,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

/** Compares the average of the last (up to) three grades with the ones before. */
export function trendOf(gradesTenths: readonly number[]): Trend {
  if (gradesTenths.length < 3) return "none";
  const recent = gradesTenths.slice(-3);
  const earlier = gradesTenths.slice(0, -3).length ? gradesTenths.slice(0, -3) : gradesTenths.slice(0, 1);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const delta = mean(recent) - mean(earlier);
  if (delta >= 5) return "up";
  if (delta <= -5) return "down";
  return "steady";
}

/** The most recently entered released results, newest first. */
export function latestResults(results: readonly ResultRow[], cutoff: Date, count: number): ResultRow[] {
  return results
    .filter((r) => isReleased(r.enteredAt, cutoff))
    .sort((a, b) => b.enteredAt.getTime() - a.enteredAt.getTime())
    .slice(0, count);
}
