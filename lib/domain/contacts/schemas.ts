import { z } from "zod";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { formText } from "@/lib/forms/form-data";
// The form's choices and limits live apart so the client form can import them without zod.
import { CONTACT_KINDS, INITIATORS, NOTE_MAX, SUMMARY_MAX, TONES } from "@/lib/domain/contacts/fields";

export { CONTACT_KINDS, INITIATORS, NOTE_MAX, SUMMARY_MAX, TONES };
const DAY_MS = 86_400_000;

// Error messages are catalogue keys (namespace "contactErrors"), translated where shown.
const isoDay = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .transform((value) => new Date(`${value}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()), message);

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
    occurredOn: isoDay("contactErrors.occurredOn"),
    followUpOn: z
      .union([z.literal(""), isoDay("contactErrors.followUpOn")])
      .optional()
      .transform((value) => (value instanceof Date ? value : null)),
  })
  .superRefine((input, ctx) => {
    // Runs even when a field failed; only compare what parsed into dates.
    if (!(input.occurredOn instanceof Date)) return;
    const today = dutchToday();
    if (input.occurredOn > today) ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "contactErrors.occurredInFuture" });
    if (input.occurredOn.getTime() < today.getTime() - 366 * DAY_MS)
      ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "contactErrors.occurredTooLongAgo" });
    if (input.followUpOn instanceof Date && input.followUpOn < today)
      ctx.addIssue({ code: "custom", path: ["followUpOn"], message: "contactErrors.followUpInPast" });
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
