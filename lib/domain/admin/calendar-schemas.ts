import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { formDay } from "@/lib/domain/calendar/day-input";
import { HOLIDAY_KINDS, HOLIDAY_NAME_MAX } from "@/lib/domain/admin/calendar-fields";

// Error messages are catalogue keys (namespace "calendarErrors").

/** A calendar day "YYYY-MM-DD" between 2000 and 2100 that exists ("2030-02-30" would roll over to 2 March). */
const isoDay = (message: string) => formDay(message).refine((day) => day.getUTCFullYear() >= 2000 && day.getUTCFullYear() <= 2100, message);

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
