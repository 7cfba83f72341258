import { z } from "zod";
import { RETENTION_BOUNDS, type RetentionCategory } from "@/lib/domain/retention/rules";

const years = (category: RetentionCategory) =>
  z.coerce
    .number({ error: `retentionErrors.${category}` })
    .int(`retentionErrors.${category}`)
    .min(RETENTION_BOUNDS[category].min, `retentionErrors.${category}`)
    .max(RETENTION_BOUNDS[category].max, `retentionErrors.${category}`);

/** A school's retention terms, in whole years. */
export const RetentionInput = z.object({
  schoolId: z.string().min(1).max(64),
  results: years("results"),
  contacts: years("contacts"),
  absences: years("absences"),
  audit: years("audit"),
});
export type RetentionInput = z.infer<typeof RetentionInput>;
