import type { Direction, IndicatorUnit } from "@/lib/generated/prisma/enums";

// Published figures as the public pages use them. Everything here is plain
// JSON (numbers, strings): the cached query results are serialised.

/** One published value of a school, with the national benchmark of the same year and school type. */
export type PublicFigure = {
  code: string;
  schoolType: string;
  /** School year name, e.g. "2024-2025". */
  year: string;
  value: number;
  explanation: string | null;
  benchmark: number | null;
};

export type BenchmarkRow = { code: string; year: string; schoolType: string; value: number };

const benchmarkKey = (code: string, year: string, schoolType: string) => `${code}|${year}|${schoolType}`;

/** Attaches the benchmark of the same indicator, year and school type, else the whole-school ("ALL") one. */
export function withBenchmarks(figures: Omit<PublicFigure, "benchmark">[], benchmarks: BenchmarkRow[]): PublicFigure[] {
  const byKey = new Map(benchmarks.map((b) => [benchmarkKey(b.code, b.year, b.schoolType), b.value]));
  return figures.map((f) => ({
    ...f,
    benchmark: byKey.get(benchmarkKey(f.code, f.year, f.schoolType)) ?? byKey.get(benchmarkKey(f.code, f.year, "ALL")) ?? null,
  }));
}

/**
 * How a value relates to its benchmark. BETTER/WORSE only where the indicator
 * has a direction; for the others (where leavers go, pupil count) we say
 * higher or lower without judging.
 */
export type Verdict = "BETTER" | "WORSE" | "SAME" | "HIGHER" | "LOWER" | "NO_BENCHMARK";

// Differences smaller than this are within a normal year-to-year wobble;
// calling 88.4% "better" than 88.3% would mislead parents.
const SAME_MARGIN: Record<IndicatorUnit, number> = {
  PERCENT: 1,
  GRADE: 0.1,
  SCORE: 0.1,
  COUNT: 0,
  EUROS: 10,
  HOURS: 10,
  BOOLEAN: 0,
  JUDGEMENT: 0,
};

export function verdictOf(unit: IndicatorUnit, direction: Direction, value: number, benchmark: number | null): Verdict {
  if (benchmark === null) return "NO_BENCHMARK";
  const difference = value - benchmark;
  if (Math.abs(difference) <= SAME_MARGIN[unit]) return "SAME";
  if (direction === "NONE") return difference > 0 ? "HIGHER" : "LOWER";
  const higherIsBetter = direction === "HIGHER";
  return difference > 0 === higherIsBetter ? "BETTER" : "WORSE";
}

/** The most recent school years in `years` (names sort chronologically: "2023-2024" < "2024-2025"). */
export function latestYears(years: Iterable<string>, count: number): string[] {
  return [...new Set(years)].sort().slice(-count);
}
