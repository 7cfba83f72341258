import { z } from "zod";
import { NOTE_MAX, SICK_REPORT_MODES, SICK_REPORT_REASONS } from "@/lib/domain/sick-reports/fields";
import { formText } from "@/lib/forms/form-data";
import { parseFormDay } from "@/lib/domain/calendar/day-input";

export { NOTE_MAX };

// Error messages are catalogue keys (namespace "sickReportErrors"), translated where shown.
// The checks that need the school's rules and today's date (in the past, too
// far ahead, after the deadline, overlap) are made by the command.

/** An empty field is "not given"; anything else must be a real calendar day (the shared check). */
function parseDay(value: string | undefined): Date | null | "invalid" {
  if (!value) return null;
  return parseFormDay(value) ?? "invalid";
}

export const SickReportInput = z
  .object({
    pupilId: z.string({ error: "sickReportErrors.invalid" }).min(1, "sickReportErrors.invalid").max(64, "sickReportErrors.invalid"),
    idempotencyKey: z.uuid({ error: "sickReportErrors.invalid" }),
    mode: z.enum(SICK_REPORT_MODES, { error: "sickReportErrors.mode" }),
    reason: z.enum(SICK_REPORT_REASONS, { error: "sickReportErrors.unknownReason" }),
    // Every date field is always sent (the form works without JavaScript);
    // the ones the chosen mode does not use are ignored, whatever they hold.
    from: z.string().max(32, "sickReportErrors.invalidDate").optional(),
    to: z.string().max(32, "sickReportErrors.invalidDate").optional(),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, "sickReportErrors.noteTooLong")
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .transform((input, ctx) => {
    const usesFrom = input.mode !== "TODAY";
    const usesTo = input.mode === "RANGE";
    const from = usesFrom ? parseDay(input.from) : null;
    const to = usesTo ? parseDay(input.to) : null;
    if (from === "invalid") ctx.addIssue({ code: "custom", path: ["from"], message: "sickReportErrors.invalidDate" });
    if (to === "invalid") ctx.addIssue({ code: "custom", path: ["to"], message: "sickReportErrors.invalidDate" });
    if (usesTo && from === null) ctx.addIssue({ code: "custom", path: ["from"], message: "sickReportErrors.fromRequired" });
    if (usesTo && to === null) ctx.addIssue({ code: "custom", path: ["to"], message: "sickReportErrors.toRequired" });
    if (from instanceof Date && to instanceof Date && to < from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "sickReportErrors.endBeforeStart" });
    if (from === "invalid" || to === "invalid") return z.NEVER;
    return { ...input, from, to };
  });
export type SickReportInput = z.output<typeof SickReportInput>;

export const ReportBetterInput = z.object({
  reportId: z.string({ error: "sickReportErrors.invalid" }).min(1, "sickReportErrors.invalid").max(64, "sickReportErrors.invalid"),
  pupilId: z.string({ error: "sickReportErrors.invalid" }).min(1, "sickReportErrors.invalid").max(64, "sickReportErrors.invalid"),
});

/**
 * Withdrawing or shortening a report with an end (the guardian who made it).
 * No idempotency key: the input names the state wanted, so a second submit
 * finds it in place and changes nothing. `from` empty = keep the start.
 */
export const ChangeSickReportInput = z
  .object({
    reportId: z.string({ error: "sickReportErrors.invalid" }).min(1, "sickReportErrors.invalid").max(64, "sickReportErrors.invalid"),
    pupilId: z.string({ error: "sickReportErrors.invalid" }).min(1, "sickReportErrors.invalid").max(64, "sickReportErrors.invalid"),
    change: z.enum(["WITHDRAW", "SHORTEN"], { error: "sickReportErrors.invalid" }),
    from: z.string().max(32, "sickReportErrors.invalidDate").optional(),
    to: z.string().max(32, "sickReportErrors.invalidDate").optional(),
  })
  .transform((input, ctx) => {
    const base = { reportId: input.reportId, pupilId: input.pupilId };
    if (input.change === "WITHDRAW") return { ...base, change: "WITHDRAW" as const };
    const from = parseDay(input.from);
    const to = parseDay(input.to);
    if (from === "invalid") ctx.addIssue({ code: "custom", path: ["from"], message: "sickReportErrors.invalidDate" });
    if (to === "invalid") ctx.addIssue({ code: "custom", path: ["to"], message: "sickReportErrors.invalidDate" });
    if (to === null) ctx.addIssue({ code: "custom", path: ["to"], message: "sickReportErrors.toRequired" });
    if (from === "invalid" || to === "invalid" || to === null) return z.NEVER;
    return { ...base, change: "SHORTEN" as const, from, to };
  });
export type ChangeSickReportInput = z.output<typeof ChangeSickReportInput>;

/** Reads the form that withdraws or shortens a report. */
export function changeSickReportFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return { reportId: text("reportId"), pupilId: text("pupilId"), change: text("change"), from: text("from"), to: text("to") };
}

/** Reads the sick report form. */
export function sickReportFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return {
    pupilId: text("pupilId"),
    idempotencyKey: text("idempotencyKey"),
    mode: text("mode"),
    reason: text("reason"),
    from: text("from"),
    to: text("to"),
    note: text("note"),
  };
}
