import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { amsterdamInstant } from "@/lib/domain/events/audience";
import {
  DESCRIPTION_MAX, EVENT_ANSWERS, EVENT_AUDIENCES, EVENT_KINDS, MAX_EVENT_HOURS, PLACE_MAX, SCHOOL_YEARS_MAX, SCHOOL_YEARS_MIN, TITLE_MAX,
} from "@/lib/domain/events/fields";

// Error messages are catalogue keys (namespace "eventErrors"), translated where shown.
// Whether the classes belong to the planner's school is checked by the command.

const id = z.string({ error: "eventErrors.invalid" }).min(1, "eventErrors.invalid").max(64, "eventErrors.invalid");
const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).optional().transform((value) => (value ? value : null));

export const EventInput = z
  .object({
    idempotencyKey: z.uuid({ error: "eventErrors.invalid" }),
    kind: z.enum(EVENT_KINDS, { error: "eventErrors.kind" }),
    title: z.string({ error: "eventErrors.titleRequired" }).trim().min(1, "eventErrors.titleRequired").max(TITLE_MAX, "eventErrors.titleTooLong"),
    description: optionalText(DESCRIPTION_MAX, "eventErrors.descriptionTooLong"),
    place: optionalText(PLACE_MAX, "eventErrors.placeTooLong"),
    startsAt: z.string({ error: "eventErrors.startInvalid" }).max(32, "eventErrors.startInvalid"),
    endsAt: z.string({ error: "eventErrors.endInvalid" }).max(32, "eventErrors.endInvalid"),
    audience: z.enum(EVENT_AUDIENCES, { error: "eventErrors.audience" }),
    years: z.array(z.coerce.number({ error: "eventErrors.years" }).int("eventErrors.years").min(SCHOOL_YEARS_MIN, "eventErrors.years").max(SCHOOL_YEARS_MAX, "eventErrors.years")).max(SCHOOL_YEARS_MAX, "eventErrors.years"),
    classIds: z.array(id).max(200, "eventErrors.classes"),
    asksReply: z.boolean(),
  })
  .transform((input, ctx) => {
    const startsAt = amsterdamInstant(input.startsAt);
    const endsAt = amsterdamInstant(input.endsAt);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "eventErrors.startInvalid" });
    if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "eventErrors.endInvalid" });
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "eventErrors.endBeforeStart" });
    if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > MAX_EVENT_HOURS * 3_600_000) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "eventErrors.tooLong" });
    }
    const years = [...new Set(input.years)].sort((a, b) => a - b);
    const classIds = [...new Set(input.classIds)];
    if (input.audience === "YEARS" && years.length === 0) ctx.addIssue({ code: "custom", path: ["years"], message: "eventErrors.yearsRequired" });
    if (input.audience === "CLASSES" && classIds.length === 0) ctx.addIssue({ code: "custom", path: ["classIds"], message: "eventErrors.classesRequired" });
    if (!startsAt || !endsAt) return z.NEVER;
    // Only the chosen audience's list is kept: a year ticked before switching to "classes" means nothing.
    return {
      ...input, startsAt, endsAt,
      years: input.audience === "YEARS" ? years : [],
      classIds: input.audience === "CLASSES" ? classIds : [],
    };
  });
export type EventInput = z.output<typeof EventInput>;

export const EventIdInput = z.object({ eventId: id });

export const ReplyInput = z.object({
  eventId: id,
  pupilId: id,
  answer: z.enum(EVENT_ANSWERS, { error: "eventErrors.answer" }),
});
export type ReplyInput = z.output<typeof ReplyInput>;

export const PlannerInput = z.object({ staffId: id, allowed: z.enum(["true", "false"], { error: "eventErrors.invalid" }).transform((v) => v === "true") });

/** Reads the event form (check boxes and multi-selects arrive as repeated fields). */
export function eventFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  const all = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    idempotencyKey: text("idempotencyKey"),
    kind: text("kind"),
    title: text("title"),
    description: text("description"),
    place: text("place"),
    startsAt: text("startsAt"),
    endsAt: text("endsAt"),
    audience: text("audience"),
    years: all("years"),
    classIds: all("classIds"),
    asksReply: text("asksReply") === "on",
  };
}
