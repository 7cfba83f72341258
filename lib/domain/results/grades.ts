// Dutch grades run from 1.0 to 10.0 with one decimal; 5.5 is a pass.
// We compute in tenths (integers) so no floating-point error can move a
// rounding boundary: 5.45 must become 5.5, not 5.4.

export const PASS_MARK_TENTHS = 55;

export type WeightedGrade = { gradeTenths: number; weight: number };

export function toTenths(grade: number | string | { toString(): string }): number {
  return Math.round(Number(grade.toString()) * 10);
}

/**
 * The weighted average as Dutch schools report it: Σ(grade × weight) / Σ weight,
 * rounded half up to one decimal. Returns tenths, or null when nothing counts.
 */
export function weightedAverageTenths(grades: readonly WeightedGrade[]): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const { gradeTenths, weight } of grades) {
    if (!Number.isInteger(weight) || weight <= 0) continue;
    numerator += gradeTenths * weight;
    denominator += weight;
  }
  if (denominator === 0) return null;
  // Round half up in integer arithmetic: floor((2n + d) / 2d).
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export function isBelowPass(gradeTenths: number): boolean {
  return gradeTenths < PASS_MARK_TENTHS;
}

export function tenthsToNumber(tenths: number): number {
  return tenths / 10;
}
