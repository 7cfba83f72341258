import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { HOLIDAY_KINDS, HOLIDAY_NAME_MAX } from "@/lib/domain/admin/calendar-fields";

// Error messages are catalogue keys (namespace "calendarErrors").

/** A calendar day "YYYY-MM-DD" between 2000 and 2100 that exists ("2030-02-30" would roll over to 2 March). */
const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100;
};

const isoDay = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isRealDay, message)
    .transform((value) => new Date(`${value}T00:00:00Z`));

const id = z.string().min(1).max(64);

export const PeriodInput = z.object({
  schoolYearId: id,
  periodId: id.optional(),
  startsOn: isoDay("calendarErrors.startsOn"),
  endsOn: isoDay("calendarErrors.endsOn"),
});
export type PeriodInput = z.infer<typeof PeriodInput>;

export const HolidayInput = z
  .object({
    holidayId: id.optional(),
    kind: z.enum(HOLIDAY_KINDS, { error: "calendarErrors.kind" }),
    customName: z.string().trim().max(HOLIDAY_NAME_MAX, "calendarErrors.customNameTooLong").optional(),
    startsOn: isoDay("calendarErrors.startsOn"),
    endsOn: isoDay("calendarErrors.endsOn"),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "other" && (input.customName ?? "").length < 2) ctx.addIssue({ code: "custom", path: ["customName"], message: "calendarErrors.customNameRequired" });
  })
  // The stored name: the catalogue key, or the name the school typed.
  .transform(({ kind, customName, ...rest }) => ({ ...rest, name: kind === "other" ? customName! : kind }));
export type HolidayInput = z.infer<typeof HolidayInput>;

export const SchoolYearInput = z.object({ startYear: z.coerce.number().int().min(2000).max(2100) });

const optionalId = (formData: FormData, name: string) => formText(formData, name) || undefined;

export function periodFormValues(formData: FormData) {
  return { schoolYearId: formText(formData, "schoolYearId"), periodId: optionalId(formData, "periodId"), startsOn: formText(formData, "startsOn") ?? "", endsOn: formText(formData, "endsOn") ?? "" };
}

export function holidayFormValues(formData: FormData) {
  return {
    holidayId: optionalId(formData, "holidayId"), kind: formText(formData, "kind") ?? "", customName: formText(formData, "customName") ?? "",
    startsOn: formText(formData, "startsOn") ?? "", endsOn: formText(formData, "endsOn") ?? "",
  };
}
