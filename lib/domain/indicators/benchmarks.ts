import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { indicatorYears } from "@/lib/domain/indicators/years";
import { INDICATORS, INDICATOR_BY_CODE, SCHOOL_TYPES } from "@/lib/domain/indicators/catalogue";
import { parseIndicatorValue } from "@/lib/domain/indicators/values";
import { IndicatorValidationError } from "@/lib/domain/indicators/commands";

// National benchmarks per indicator, school year and school type. The board
// administrator keeps them; every school's public figures are compared with them.

const num = (d: { toString(): string }) => Number(d.toString());

export const BenchmarkInput = z.object({
  schoolYearId: z.string().min(1).max(64),
  entries: z
    .array(z.object({ indicatorCode: z.string().max(64), schoolType: z.enum(SCHOOL_TYPES), value: z.string().max(40) }))
    .max(500),
});
export type BenchmarkInput = z.infer<typeof BenchmarkInput>;

export async function getBenchmarkEditor(actor: Actor, schoolYearId?: string) {
  assertCan(actor, "benchmarks:edit");
  const { years, year } = await indicatorYears(schoolYearId);
  const stored = await db.indicatorBenchmark.findMany({ where: { schoolYearId: year.id }, select: { schoolType: true, value: true, indicator: { select: { code: true } } } });
  const byKey = new Map(stored.map((b) => [`${b.indicator.code}:${b.schoolType}`, num(b.value)]));
  const rows = INDICATORS.flatMap((d) =>
    (d.perSchoolType ? SCHOOL_TYPES.filter((t) => t !== "ALL") : (["ALL"] as const)).map((schoolType) => ({
      code: d.code, group: d.group, unit: d.unit, schoolType, value: byKey.get(`${d.code}:${schoolType}`) ?? null,
    })),
  );
  return { years, year, rows };
}

/** Saves a school year's benchmarks, all or nothing; an emptied field removes the benchmark. */
export async function saveBenchmarks(actor: Actor, input: BenchmarkInput): Promise<number> {
  assertCan(actor, "benchmarks:edit");
  const year = await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true } });
  if (!year) throw new AppError("notFound");
  const indicators = new Map((await db.qualityIndicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  const errors: Record<string, string> = {};
  const parsed: { indicatorId: string; schoolType: string; value: number | null }[] = [];
  for (const entry of input.entries) {
    const key = `${entry.indicatorCode}:${entry.schoolType}`;
    const definition = INDICATOR_BY_CODE.get(entry.indicatorCode);
    const indicatorId = indicators.get(entry.indicatorCode);
    if (!definition || !indicatorId) { errors[key] = "indicatorErrors.unknownIndicator"; continue; }
    if (definition.perSchoolType === (entry.schoolType === "ALL")) { errors[key] = "indicatorErrors.unknownSchoolType"; continue; }
    const value = parseIndicatorValue(definition.unit, entry.value);
    if (!value.ok) { errors[key] = value.error; continue; }
    parsed.push({ indicatorId, schoolType: entry.schoolType, value: value.value });
  }
  if (Object.keys(errors).length) throw new IndicatorValidationError(errors);
  await db.$transaction(
    parsed.map((b) => {
      const where = { indicatorId_schoolYearId_schoolType: { indicatorId: b.indicatorId, schoolYearId: year.id, schoolType: b.schoolType } };
      return b.value === null
        ? db.indicatorBenchmark.deleteMany({ where: { indicatorId: b.indicatorId, schoolYearId: year.id, schoolType: b.schoolType } })
        : db.indicatorBenchmark.upsert({ where, create: { indicatorId: b.indicatorId, schoolYearId: year.id, schoolType: b.schoolType, value: b.value }, update: { value: b.value } });
    }),
  );
  return parsed.filter((b) => b.value !== null).length;
}
