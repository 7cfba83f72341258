import { z } from "zod";
import { FILE_KINDS, IGNORE, isFieldOf } from "@/lib/domain/imports/fields";

/** The upload form's fields besides the files (messages are importErrors keys). */
export const ImportUploadInput = z.object({
  idempotencyKey: z.string().min(8, "importErrors.invalid").max(64, "importErrors.invalid"),
  fullExport: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type ImportUploadInput = z.infer<typeof ImportUploadInput>;

export const RunRef = z.object({ schoolId: z.string().min(1).max(64), runId: z.string().min(1).max(64) });

/** The column form: per file its kind, per header the field it holds (or "ignore"). */
export const ColumnChoices = z
  .object({
    kinds: z.array(z.object({ position: z.number().int().min(0).max(50), kind: z.enum(FILE_KINDS) })).max(50),
    columns: z.array(z.object({ position: z.number().int().min(0).max(50), header: z.string().min(1).max(200), field: z.string().min(1).max(40) })).max(2000),
  })
  .superRefine((value, ctx) => {
    const kinds = new Map(value.kinds.map((k) => [k.position, k.kind]));
    value.columns.forEach((c, i) => {
      const kind = kinds.get(c.position);
      if (c.field !== IGNORE && (!kind || !isFieldOf(kind, c.field))) ctx.addIssue({ code: "custom", path: ["columns", i], message: "importErrors.fieldUnknown" });
    });
  });
export type ColumnChoices = z.infer<typeof ColumnChoices>;
