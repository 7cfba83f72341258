import { z } from "zod";
import type { ThresholdCaseStatus } from "@/lib/generated/prisma/enums";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { formText } from "@/lib/forms/form-data";
import { formDay } from "@/lib/domain/calendar/day-input";
// The form's choices and limits live apart so the client form can import them without zod.
import { CASE_NOTE_MAX, THRESHOLD_STATUSES } from "@/lib/domain/attendance/threshold-fields";

export { CASE_NOTE_MAX, THRESHOLD_STATUSES };
/** "Not required" needs a reason someone else can follow up on, not "nvt". */
export const REASON_MIN = 5;

// Error messages are catalogue keys (namespace "thresholdErrors"), translated where shown.
// Date() rolls 31 February over to 3 March: the shared check takes the date only as it was typed.
const isoDay = formDay;

type CaseFields = { status: ThresholdCaseStatus; reportedOn: Date | null; note: string | null };

/**
 * The rules between fields, as catalogue keys per field. Shared by the schema (with the
 * national school year) and the command (with the school year row), so they cannot drift.
 */
export function caseFieldErrors(input: CaseFields, bounds: { today: Date; yearStartsOn: Date }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.status === "REPORTED") {
    if (!input.reportedOn) errors.reportedOn = "thresholdErrors.reportedOnRequired";
    else if (input.reportedOn > bounds.today) errors.reportedOn = "thresholdErrors.reportedOnInFuture";
    else if (input.reportedOn < bounds.yearStartsOn) errors.reportedOn = "thresholdErrors.reportedOnBeforeYear";
  }
  if (input.status === "NOT_REQUIRED" && (input.note ?? "").length < REASON_MIN) errors.note = "thresholdErrors.reasonRequired";
  return errors;
}

export const ThresholdCaseInput = z
  .object({
    pupilId: z.string({ error: "thresholdErrors.invalid" }).min(1, "thresholdErrors.invalid").max(64, "thresholdErrors.invalid"),
    status: z.enum(THRESHOLD_STATUSES, { error: "thresholdErrors.status" }),
    // An empty date field means "no date"; anything else must be a real date.
    reportedOn: z.preprocess((value) => (value === "" ? null : value), isoDay("thresholdErrors.reportedOnInvalid").nullish().transform((value) => value ?? null)),
    note: z
      .string({ error: "thresholdErrors.invalid" })
      .trim()
      .max(CASE_NOTE_MAX, "thresholdErrors.noteTooLong")
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((input, ctx) => {
    // May run when a field failed: only judge fields that parsed (a bad date has its own message).
    const parsed = { reportedOn: input.reportedOn === null || input.reportedOn instanceof Date, note: input.note === null || typeof input.note === "string" };
    if (!THRESHOLD_STATUSES.includes(input.status)) return;
    const today = dutchToday();
    const errors = caseFieldErrors(input, { today, yearStartsOn: schoolYearOf(today).startsOn });
    for (const [field, message] of Object.entries(errors)) {
      if (parsed[field as keyof typeof parsed]) ctx.addIssue({ code: "custom", path: [field], message });
    }
  })
  // A date only belongs to "reported": switching status back clears it.
  .transform((input) => ({ ...input, reportedOn: input.status === "REPORTED" ? input.reportedOn : null }));
export type ThresholdCaseInput = z.infer<typeof ThresholdCaseInput>;

/** Reads the status form. */
export function thresholdCaseFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return { pupilId: text("pupilId"), status: text("status"), reportedOn: text("reportedOn"), note: text("note") };
}
