import { z } from "zod";
import { INDICATOR_BY_CODE, SCHOOL_TYPES } from "@/lib/domain/indicators/catalogue";

export const EXPLANATION_MAX = 1000;

const id = z.string().min(1).max(64);

/** One row of the editor or the CSV: the value as typed, parsed later per unit. */
export const IndicatorEntry = z.object({
  indicatorCode: z.string().refine((code) => INDICATOR_BY_CODE.has(code), "indicatorErrors.unknownIndicator"),
  schoolType: z.enum(SCHOOL_TYPES, { error: "indicatorErrors.unknownSchoolType" }),
  value: z.string().max(40, "indicatorErrors.notANumber"),
  explanation: z.string().trim().max(EXPLANATION_MAX, "indicatorErrors.explanationTooLong"),
});
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

export const DraftInput = z.object({ schoolId: id, schoolYearId: id, entries: z.array(IndicatorEntry).max(500) });
export type DraftInput = z.infer<typeof DraftInput>;

export const PublishInput = z.object({ schoolId: id, schoolYearId: id });
export type PublishInput = z.infer<typeof PublishInput>;

/** The editor's field names: v:<CODE>:<TYPE> and e:<CODE>:<TYPE>. */
export const fieldKey = (code: string, schoolType: string) => `${code}:${schoolType}`;

export function entriesFromForm(formData: FormData): unknown[] {
  const entries = new Map<string, { indicatorCode: string; schoolType: string; value: string; explanation: string }>();
  for (const [name, raw] of formData.entries()) {
    const match = /^([ve]):([A-Z_]+):([A-Z_0-9]+)$/.exec(name);
    if (!match || typeof raw !== "string") continue;
    const [, field, indicatorCode, schoolType] = match;
    const entry = entries.get(fieldKey(indicatorCode, schoolType)) ?? { indicatorCode, schoolType, value: "", explanation: "" };
    if (field === "v") entry.value = raw;
    else entry.explanation = raw;
    entries.set(fieldKey(indicatorCode, schoolType), entry);
  }
  return [...entries.values()];
}
