import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { INDICATOR_BY_CODE } from "@/lib/domain/indicators/catalogue";
import { parseIndicatorValue } from "@/lib/domain/indicators/values";
import { fieldKey, type DraftInput, type IndicatorEntry, type PublishInput } from "@/lib/domain/indicators/schemas";

export class IndicatorValidationError extends AppError {
  /** Catalogue keys per entry (fieldKey) or per CSV line. */
  constructor(public readonly entryErrors: Record<string, string>) {
    super("invalidInput");
  }
}

/** A leader works only on their own school; anything else is refused and audited. */
async function assertOwnSchool(actor: Actor, schoolId: string, schoolYearId: string): Promise<void> {
  assertCan(actor, "indicators:edit");
  const year = schoolId === actor.schoolId ? await db.schoolYear.findUnique({ where: { id: schoolYearId }, select: { id: true } }) : null;
  if (!year) {
    await writeAudit(actor, "indicators:edit", "DENIED", null, undefined, { category: "indicators", route: "/leader/indicators" });
    throw new AppError("notFound");
  }
}

type ParsedEntry = { indicatorId: string; schoolType: string; value: number | null; explanation: string | null };

async function parseEntries(entries: IndicatorEntry[], keyOf: (entry: IndicatorEntry, index: number) => string): Promise<ParsedEntry[]> {
  const indicators = new Map((await db.qualityIndicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  const errors: Record<string, string> = {};
  const parsed: ParsedEntry[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const definition = INDICATOR_BY_CODE.get(entry.indicatorCode);
    const indicatorId = indicators.get(entry.indicatorCode);
    const key = keyOf(entry, index);
    if (!definition || !indicatorId) return void (errors[key] = "indicatorErrors.unknownIndicator");
    if (!definition.perSchoolType && entry.schoolType !== "ALL") return void (errors[key] = "indicatorErrors.notPerSchoolType");
    if (seen.has(fieldKey(entry.indicatorCode, entry.schoolType))) return void (errors[key] = "indicatorErrors.duplicate");
    seen.add(fieldKey(entry.indicatorCode, entry.schoolType));
    const value = parseIndicatorValue(definition.unit, entry.value);
    if (!value.ok) return void (errors[key] = value.error);
    parsed.push({ indicatorId, schoolType: entry.schoolType, value: value.value, explanation: entry.explanation || null });
  });
  if (Object.keys(errors).length) throw new IndicatorValidationError(errors);
  return parsed;
}

/**
 * Saves draft values for one school year, all or nothing. Saving the same
 * form twice leaves the same drafts. Public pages never read drafts.
 */
export async function saveIndicatorDrafts(
  actor: Actor,
  input: DraftInput,
  keyOf: (entry: IndicatorEntry, index: number) => string = (e) => fieldKey(e.indicatorCode, e.schoolType),
): Promise<number> {
  await assertOwnSchool(actor, input.schoolId, input.schoolYearId);
  const entries = await parseEntries(input.entries, keyOf);
  const existing = await db.indicatorValue.findMany({
    where: { schoolId: input.schoolId, schoolYearId: input.schoolYearId },
    select: { indicatorId: true, schoolType: true },
  });
  const exists = new Set(existing.map((v) => `${v.indicatorId}:${v.schoolType}`));
  // Nothing typed for a figure that has no row yet: nothing to store.
  const toWrite = entries.filter((e) => e.value !== null || e.explanation !== null || exists.has(`${e.indicatorId}:${e.schoolType}`));
  await db.$transaction(
    toWrite.map((e) =>
      db.indicatorValue.upsert({
        where: { schoolId_indicatorId_schoolYearId_schoolType: { schoolId: input.schoolId, indicatorId: e.indicatorId, schoolYearId: input.schoolYearId, schoolType: e.schoolType } },
        create: { schoolId: input.schoolId, schoolYearId: input.schoolYearId, indicatorId: e.indicatorId, schoolType: e.schoolType, draftValue: e.value, draftExplanation: e.explanation, updatedById: actor.userId },
        update: { draftValue: e.value, draftExplanation: e.explanation, updatedById: actor.userId },
      }),
    ),
  );
  return toWrite.length;
}

const same = (a: Prisma.Decimal | null, b: Prisma.Decimal | null) => (a === null || b === null ? a === b : a.equals(b));

/**
 * Publishes a school year's drafts at once. Only figures whose draft differs
 * from what is public change; each change is kept (who, when, old, new).
 * Publishing again without changes does nothing, so a double click is harmless.
 */
export async function publishIndicators(actor: Actor, input: PublishInput): Promise<number> {
  await assertOwnSchool(actor, input.schoolId, input.schoolYearId);
  return db.$transaction(async (tx) => {
    // Serialise publications of one school year (two leaders clicking at once).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`indicators:${input.schoolId}:${input.schoolYearId}`}))`;
    const values = await tx.indicatorValue.findMany({
      where: { schoolId: input.schoolId, schoolYearId: input.schoolYearId },
      select: { id: true, draftValue: true, draftExplanation: true, publishedValue: true, publishedExplanation: true, publishedAt: true },
    });
    const changed = values.filter(
      (v) => !same(v.draftValue, v.publishedValue) || (v.draftExplanation ?? null) !== (v.publishedExplanation ?? null) || (v.publishedAt === null && v.draftValue !== null),
    );
    if (changed.length === 0) return 0;
    const publication = await tx.indicatorPublication.create({
      data: { schoolId: input.schoolId, schoolYearId: input.schoolYearId, publishedById: actor.userId },
      select: { id: true, publishedAt: true },
    });
    await tx.indicatorValueChange.createMany({
      data: changed.map((v) => ({
        publicationId: publication.id, indicatorValueId: v.id,
        oldValue: v.publishedAt ? v.publishedValue : null, newValue: v.draftValue,
        oldExplanation: v.publishedAt ? v.publishedExplanation : null, newExplanation: v.draftExplanation,
      })),
    });
    await tx.$executeRaw`
      UPDATE "IndicatorValue" SET "publishedValue" = "draftValue", "publishedExplanation" = "draftExplanation",
        "publishedAt" = ${publication.publishedAt}, "updatedAt" = now()
      WHERE "id" = ANY(${changed.map((v) => v.id)}::text[])`;
    return changed.length;
  });
}
