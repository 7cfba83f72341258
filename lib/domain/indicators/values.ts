import type { IndicatorUnit } from "@/lib/generated/prisma/enums";

// What a value of each unit may be. Error keys live in the "indicatorErrors" namespace.
type Rule = { min: number; max: number; decimals: number };

export const UNIT_RULES: Record<IndicatorUnit, Rule> = {
  PERCENT: { min: 0, max: 100, decimals: 1 },
  GRADE: { min: 1, max: 10, decimals: 2 },
  SCORE: { min: 1, max: 10, decimals: 1 },
  COUNT: { min: 0, max: 1_000_000, decimals: 0 },
  EUROS: { min: 0, max: 100_000, decimals: 2 },
  HOURS: { min: 0, max: 10_000, decimals: 0 },
  BOOLEAN: { min: 0, max: 1, decimals: 0 },
  JUDGEMENT: { min: 1, max: 5, decimals: 0 },
};

export type ParsedValue = { ok: true; value: number | null } | { ok: false; error: string };

/**
 * Reads a value as a leader types or pastes it: Dutch "6,8" and "6.8", "85%",
 * "€ 150", ja/nee/yes/no for yes-no indicators, judgement names. Empty = no value.
 */
export function parseIndicatorValue(unit: IndicatorUnit, raw: string): ParsedValue {
  const text = raw.trim().toLowerCase();
  if (text === "") return { ok: true, value: null };
  if (unit === "BOOLEAN") {
    if (["ja", "yes", "1", "true", "نعم"].includes(text)) return { ok: true, value: 1 };
    if (["nee", "no", "0", "false", "لا"].includes(text)) return { ok: true, value: 0 };
    return { ok: false, error: "indicatorErrors.boolean" };
  }
  if (unit === "JUDGEMENT") {
    const names: Record<string, number> = { "zeer zwak": 1, zeer_zwak: 1, zwak: 2, basis: 3, voldoende: 4, goed: 5 };
    if (text in names) return { ok: true, value: names[text] };
  }
  const cleaned = text.replace(/[€%\s]/g, "").replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, error: "indicatorErrors.notANumber" };
  const value = Number(cleaned);
  const rule = UNIT_RULES[unit];
  if (value < rule.min || value > rule.max) return { ok: false, error: `indicatorErrors.range.${unit}` };
  const decimals = cleaned.includes(".") ? cleaned.split(".")[1].length : 0;
  if (decimals > rule.decimals) return { ok: false, error: `indicatorErrors.decimals.${unit}` };
  return { ok: true, value };
}
