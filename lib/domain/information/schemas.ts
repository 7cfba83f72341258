import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { CATEGORIES, MESSAGE_MAX, REASON_MAX, UNTIL_MAX_DAYS } from "@/lib/domain/information/fields";

// Error messages are catalogue keys (namespace "informationErrors"), translated where shown.

const categories = (message: string) =>
  z.array(z.enum(CATEGORIES, { error: message }), { error: message }).min(1, message).max(10, message)
    .transform((list) => CATEGORIES.filter((c) => list.includes(c)));

/** A guardian without parental authority asks for information about a pupil. */
export const InformationRequestInput = z.object({
  pupilId: z.string({ error: "informationErrors.invalid" }).min(1, "informationErrors.invalid").max(64, "informationErrors.invalid"),
  idempotencyKey: z.uuid({ error: "informationErrors.invalid" }),
  categories: categories("informationErrors.categories"),
  message: z.string().trim().max(MESSAGE_MAX, "informationErrors.messageTooLong").optional().transform((v) => (v ? v : null)),
});
export type InformationRequestInput = z.infer<typeof InformationRequestInput>;

const isoDay = z
  .string({ error: "informationErrors.until" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "informationErrors.until")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "informationErrors.until")
  .transform((value) => new Date(`${value}T00:00:00Z`));

/** The mentor's or leader's decision: grant (what, until when) or refuse (why). */
export const InformationDecisionInput = z
  .discriminatedUnion("outcome", [
    z.object({
      outcome: z.literal("grant"),
      requestId: z.string().min(1).max(64),
      categories: categories("informationErrors.grantCategories"),
      until: isoDay,
    }),
    z.object({
      outcome: z.literal("refuse"),
      requestId: z.string().min(1).max(64),
      reason: z.string({ error: "informationErrors.reasonRequired" }).trim().min(1, "informationErrors.reasonRequired").max(REASON_MAX, "informationErrors.reasonTooLong"),
    }),
  ], { error: "informationErrors.outcome" });
export type InformationDecisionInput = z.infer<typeof InformationDecisionInput>;

/** The grant's last day must lie between today and two years from now (Dutch calendar days). */
export function untilProblem(until: Date, now: Date = new Date()): string | null {
  const today = dutchToday(now);
  if (until < today) return "informationErrors.untilInPast";
  if (until.getTime() > today.getTime() + UNTIL_MAX_DAYS * 86_400_000) return "informationErrors.untilTooFar";
  return null;
}

export function requestFormValues(formData: FormData) {
  return {
    pupilId: formText(formData, "pupilId"),
    idempotencyKey: formText(formData, "idempotencyKey"),
    categories: formData.getAll("categories").filter((v): v is string => typeof v === "string"),
    message: formText(formData, "message"),
  };
}

export function decisionFormValues(formData: FormData) {
  const outcome = formText(formData, "outcome");
  const common = { outcome, requestId: formText(formData, "requestId") };
  return outcome === "refuse"
    ? { ...common, reason: formText(formData, "reason") }
    : { ...common, categories: formData.getAll("categories").filter((v): v is string => typeof v === "string"), until: formText(formData, "until") };
}
