import { z } from "zod";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { addDays, formDay } from "@/lib/domain/calendar/day-input";
import { formText } from "@/lib/forms/form-data";
// The form's choices and limits live apart so the client form can import them without zod.
import { CONTACT_KINDS, FOLLOW_UP_MAX_DAYS, INITIATORS, NOTE_MAX, SUMMARY_MAX, TONES } from "@/lib/domain/contacts/fields";

export { CONTACT_KINDS, INITIATORS, NOTE_MAX, SUMMARY_MAX, TONES };

// Error messages are catalogue keys (namespace "contactErrors"), translated where shown.

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

export const ContactMomentInput = z
  .object({
    pupilId: z.string().min(1).max(64),
    idempotencyKey: z.uuid({ error: "contactErrors.invalid" }),
    kind: z.enum(CONTACT_KINDS, { error: "contactErrors.kind" }),
    initiatedBy: z.enum(INITIATORS, { error: "contactErrors.initiatedBy" }),
    tone: z.enum(TONES, { error: "contactErrors.tone" }),
    guardianIds: z
      .array(z.string().min(1).max(64), { error: "contactErrors.guardians" })
      .min(1, "contactErrors.guardians")
      .max(10, "contactErrors.guardians")
      .transform((ids) => [...new Set(ids)]),
    summary: z.string({ error: "contactErrors.summaryRequired" }).trim().min(1, "contactErrors.summaryRequired").max(SUMMARY_MAX, "contactErrors.summaryTooLong"),
    internalNote: optionalText(NOTE_MAX, "contactErrors.noteTooLong"),
    // A real calendar day (2026-02-30 is refused, not rolled over to 2 March).
    occurredOn: formDay("contactErrors.occurredOn"),
    followUpOn: z.preprocess((value) => (value === "" || value === undefined ? null : value), formDay("contactErrors.followUpOn").nullable()),
  })
  .superRefine((input, ctx) => {
    // Runs even when a field failed; only compare what parsed into dates.
    const today = dutchToday();
    if (input.occurredOn instanceof Date) {
      if (input.occurredOn > today) ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "contactErrors.occurredInFuture" });
      // Contact is counted per school year (the mentor's coverage starts on 1 August).
      if (input.occurredOn < schoolYearOf(today).startsOn) ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "contactErrors.occurredBeforeSchoolYear" });
    }
    if (input.followUpOn instanceof Date) {
      if (input.followUpOn < today) ctx.addIssue({ code: "custom", path: ["followUpOn"], message: "contactErrors.followUpInPast" });
      if (input.followUpOn > addDays(today, FOLLOW_UP_MAX_DAYS)) ctx.addIssue({ code: "custom", path: ["followUpOn"], message: "contactErrors.followUpTooFar" });
    }
  });
export type ContactMomentInput = z.infer<typeof ContactMomentInput>;

export const ContactHoursInput = z.object({
  contactHours: z.string().trim().max(500, "contactErrors.contactHoursTooLong"),
});
export type ContactHoursInput = z.infer<typeof ContactHoursInput>;

/** Reads the contact form; checkboxes arrive as repeated fields. */
export function contactFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return {
    pupilId: text("pupilId"),
    idempotencyKey: text("idempotencyKey"),
    kind: text("kind"),
    initiatedBy: text("initiatedBy"),
    tone: text("tone"),
    guardianIds: formData.getAll("guardianIds").filter((v): v is string => typeof v === "string"),
    summary: text("summary"),
    internalNote: text("internalNote"),
    occurredOn: text("occurredOn"),
    followUpOn: text("followUpOn"),
  };
}
