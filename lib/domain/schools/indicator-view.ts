import { INDICATOR_GROUPS, INDICATORS, SCHOOL_TYPES, type IndicatorDefinition, type IndicatorGroup } from "@/lib/domain/indicators/catalogue";
import { verdictOf, type PublicFigure, type Verdict } from "@/lib/domain/schools/figures";

// Arranges published figures the way the profile and compare pages show them:
// catalogue order, grouped, one row per school type.

export type TrendPoint = { year: string; value: number; benchmark: number | null };

export type IndicatorRow = {
  schoolType: string;
  latest: PublicFigure;
  verdict: Verdict;
  /** Oldest first, at most the years given to the profile. */
  trend: TrendPoint[];
};

export type IndicatorView = { definition: IndicatorDefinition; rows: IndicatorRow[] };
export type GroupView = { group: IndicatorGroup; indicators: IndicatorView[] };

const typeOrder = (schoolType: string) => {
  const index = (SCHOOL_TYPES as readonly string[]).indexOf(schoolType);
  return index === -1 ? SCHOOL_TYPES.length : index;
};
export const bySchoolType = (a: string, b: string) => typeOrder(a) - typeOrder(b) || a.localeCompare(b);

function rowsOf(definition: IndicatorDefinition, figures: PublicFigure[]): IndicatorRow[] {
  const byType = new Map<string, PublicFigure[]>();
  for (const figure of figures) byType.set(figure.schoolType, [...(byType.get(figure.schoolType) ?? []), figure]);
  return [...byType.keys()].sort(bySchoolType).map((schoolType) => {
    const trend = byType.get(schoolType)!.sort((a, b) => a.year.localeCompare(b.year));
    const latest = trend[trend.length - 1];
    return {
      schoolType,
      latest,
      verdict: verdictOf(definition.unit, definition.direction, latest.value, latest.benchmark),
      trend: trend.map(({ year, value, benchmark }) => ({ year, value, benchmark })),
    };
  });
}

/** Every indicator with at least one published figure, grouped; empty groups are left out. */
export function profileGroups(figures: PublicFigure[]): GroupView[] {
  const byCode = new Map<string, PublicFigure[]>();
  for (const figure of figures) byCode.set(figure.code, [...(byCode.get(figure.code) ?? []), figure]);
  return INDICATOR_GROUPS.map((group) => ({
    group,
    indicators: INDICATORS.filter((d) => d.group === group && byCode.has(d.code)).map((definition) => ({
      definition,
      rows: rowsOf(definition, byCode.get(definition.code)!),
    })),
  })).filter((g) => g.indicators.length > 0);
}

export type CompareCell = { figure: PublicFigure; verdict: Verdict } | null;
export type CompareRow = { definition: IndicatorDefinition; schoolType: string; cells: CompareCell[]; benchmark: number | null };

/**
 * One row per indicator and school type that at least one school published,
 * with one cell per school (its latest published year, or null).
 */
export function compareRows(schools: { latestYear: string | null; figures: PublicFigure[] }[]): CompareRow[] {
  const latest = schools.map((s) => s.figures.filter((f) => f.year === s.latestYear));
  return INDICATORS.flatMap((definition) => {
    const types = [...new Set(latest.flatMap((fs) => fs.filter((f) => f.code === definition.code).map((f) => f.schoolType)))].sort(bySchoolType);
    return types.map((schoolType) => {
      const cells: CompareCell[] = latest.map((fs) => {
        const figure = fs.find((f) => f.code === definition.code && f.schoolType === schoolType);
        return figure ? { figure, verdict: verdictOf(definition.unit, definition.direction, figure.value, figure.benchmark) } : null;
      });
      // The newest benchmark among the cells: schools normally share their latest year.
      const benchmarks = cells.flatMap((c) => (c && c.figure.benchmark !== null ? [c.figure] : []));
      const newest = benchmarks.sort((a, b) => b.year.localeCompare(a.year))[0];
      return { definition, schoolType, cells, benchmark: newest?.benchmark ?? null };
    });
  });
}
