import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { formDay, parseFormDay } from "@/lib/domain/calendar/day-input";
import { isSchoolDay, type Holiday } from "@/lib/domain/attendance/school-weeks";
// The form's choices and limits live apart so the client form can import them without zod.
import {
  FIRST_LESSON,
  LAST_LESSON,
  LATE_MINUTES_MAX,
  LESSON_MINUTES,
  REASON_MAX,
  REGISTRABLE_KINDS,
  lessonRange,
} from "@/lib/domain/attendance/absence-fields";

export { FIRST_LESSON, LAST_LESSON, LATE_MINUTES_MAX, LESSON_MINUTES, REASON_MAX, REGISTRABLE_KINDS, lessonRange };
/** Staff may register or correct absence up to this many days back; older corrections go through the administration. */
export const REGISTRATION_WINDOW_DAYS = 30;

/** The first day staff may still register, REGISTRATION_WINDOW_DAYS before `today`. */
export function earliestRegistrableDay(today: Date): Date {
  return new Date(today.getTime() - REGISTRATION_WINDOW_DAYS * 86_400_000);
}

// Error messages are catalogue keys (namespace "absenceErrors"), translated where shown.
// A real calendar day (2026-02-30 is refused, not rolled over to March); the command bounds it to the last 30 days.
const isoDay = formDay("absenceErrors.date");

/** Form fields arrive as strings; an empty field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const lesson = (message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).min(FIRST_LESSON, message).max(LAST_LESSON, message));

export function isWeekend(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6;
}

export const AbsenceInput = z
  .object({
    pupilId: z.string({ error: "absenceErrors.invalid" }).min(1, "absenceErrors.invalid").max(64, "absenceErrors.invalid"),
    date: isoDay.refine((date) => !isWeekend(date), "absenceErrors.weekend"),
    fromLesson: lesson("absenceErrors.lesson"),
    toLesson: lesson("absenceErrors.lesson"),
    kind: z.enum(REGISTRABLE_KINDS, { error: "absenceErrors.kind" }),
    // Only for late arrival: the form sends an empty field otherwise.
    minutes: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "absenceErrors.minutes" }).int("absenceErrors.minutes").min(1, "absenceErrors.minutes").max(LATE_MINUTES_MAX, "absenceErrors.minutes").optional(),
    ),
    reason: z
      .string({ error: "absenceErrors.invalid" })
      .trim()
      .max(REASON_MAX, "absenceErrors.reasonTooLong")
      .optional()
      .transform((value) => (value ? value : null)),
    // The pupil's own reason, in its own field (decision 0023).
    pupilReason: z
      .string({ error: "absenceErrors.invalid" })
      .trim()
      .max(REASON_MAX, "pupilReasons.tooLong")
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((input, ctx) => {
    // Runs even when a field failed; only compare what parsed.
    const lessonsParsed = typeof input.fromLesson === "number" && typeof input.toLesson === "number";
    if (lessonsParsed && input.toLesson < input.fromLesson) ctx.addIssue({ code: "custom", path: ["toLesson"], message: "absenceErrors.lessonRange" });
    if (input.kind !== "LATE") return;
    if (input.minutes === undefined) ctx.addIssue({ code: "custom", path: ["minutes"], message: "absenceErrors.minutesRequired" });
    if (lessonsParsed && input.toLesson !== input.fromLesson) ctx.addIssue({ code: "custom", path: ["toLesson"], message: "absenceErrors.lateOneLesson" });
  })
  .transform(({ minutes, ...input }) => ({
    ...input,
    // Late arrival counts the minutes late; every other kind counts whole lessons.
    minutes: input.kind === "LATE" && minutes !== undefined ? minutes : LESSON_MINUTES,
  }));
export type AbsenceInput = z.infer<typeof AbsenceInput>;

/** Reads the absence form. */
export function absenceFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return {
    pupilId: text("pupilId"),
    date: text("date"),
    fromLesson: text("fromLesson"),
    toLesson: text("toLesson"),
    kind: text("kind"),
    minutes: text("minutes"),
    reason: text("reason"),
    pupilReason: text("pupilReason"),
  };
}

/** `?absenceDate=YYYY-MM-DD` when it is a real day up to today; null when it is missing or not one (then the page picks the day). */
export function requestedAbsenceDay(value: unknown, today: Date): Date | null {
  const day = parseFormDay(value);
  return day && day <= today ? day : null;
}

/**
 * The day the absence form starts on when none was asked for: the last school
 * day up to today — on a Saturday, Sunday or holiday the mentor registers what
 * happened on the last day there was school. Weekends and the school's
 * holidays (national ones included: they are SchoolHoliday rows too) are
 * skipped; looked for within the registration window, else today.
 */
export function lastSchoolDay(today: Date, holidays: readonly Holiday[]): Date {
  const earliest = earliestRegistrableDay(today);
  for (let day = today; day >= earliest; day = new Date(day.getTime() - 86_400_000)) if (isSchoolDay(day, holidays)) return day;
  return today;
}
