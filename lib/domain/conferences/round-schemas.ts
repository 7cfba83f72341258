import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { amsterdamDateTime, amsterdamInstant } from "@/lib/domain/conferences/local-time";

// Error messages are catalogue keys (namespace "conferenceSchool"), translated where shown.

const E = (key: string) => `conferenceSchool.errors.${key}`;
const id = z.string({ error: E("invalid") }).min(1, E("invalid")).max(64, E("invalid"));
const whole = (min: number, max: number, key: string) =>
  z.string({ error: E(key) }).regex(/^\d{1,3}$/, E(key)).transform(Number).pipe(z.number().int().min(min, E(key)).max(max, E(key)));

export const TITLE_MAX = 120;
export const LOCATION_MAX = 60;

export const RoundInput = z
  .object({
    idempotencyKey: z.uuid({ error: E("invalid") }),
    title: z.string({ error: E("titleRequired") }).trim().min(1, E("titleRequired")).max(TITLE_MAX, E("titleTooLong")),
    classIds: z.array(id).min(1, E("classesRequired")).max(60, E("invalid")),
    hostStaffIds: z.array(id).max(60, E("invalid")),
    opensAt: z.string({ error: E("opensAt") }).max(32, E("opensAt")),
    closesAt: z.string({ error: E("closesAt") }).max(32, E("closesAt")),
    slotMinutes: whole(5, 60, "slotMinutes"),
    breakAfterSlots: z.string().max(4).optional(),
    breakMinutes: z.string().max(4).optional(),
    parentMode: z.enum(["SHARED", "SEPARATE"], { error: E("parentMode") }),
  })
  .transform((input, ctx) => {
    const opensAt = amsterdamDateTime(input.opensAt);
    const closesAt = amsterdamDateTime(input.closesAt);
    if (!opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: E("opensAt") });
    if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: E("closesAt") });
    if (opensAt && closesAt && closesAt <= opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: E("closesBeforeOpens") });
    // A break is both numbers or neither.
    const after = input.breakAfterSlots?.trim() ? Number(input.breakAfterSlots) : null;
    const minutes = input.breakMinutes?.trim() ? Number(input.breakMinutes) : null;
    if (after !== null && (!Number.isInteger(after) || after < 1 || after > 20)) ctx.addIssue({ code: "custom", path: ["breakAfterSlots"], message: E("breakAfterSlots") });
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 5 || minutes > 60)) ctx.addIssue({ code: "custom", path: ["breakMinutes"], message: E("breakMinutes") });
    if ((after === null) !== (minutes === null)) ctx.addIssue({ code: "custom", path: [after === null ? "breakAfterSlots" : "breakMinutes"], message: E("breakBoth") });
    if (!opensAt || !closesAt) return z.NEVER;
    return {
      idempotencyKey: input.idempotencyKey,
      title: input.title,
      classIds: [...new Set(input.classIds)],
      hostStaffIds: [...new Set(input.hostStaffIds)],
      opensAt,
      closesAt,
      slotMinutes: input.slotMinutes,
      breakAfterSlots: after,
      breakMinutes: minutes,
      parentMode: input.parentMode,
    };
  });
export type RoundInput = z.output<typeof RoundInput>;

export function roundFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  const many = (name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    idempotencyKey: text("idempotencyKey"),
    title: text("title"),
    classIds: many("classIds"),
    hostStaffIds: many("hostStaffIds"),
    opensAt: text("opensAt"),
    closesAt: text("closesAt"),
    slotMinutes: text("slotMinutes"),
    breakAfterSlots: text("breakAfterSlots"),
    breakMinutes: text("breakMinutes"),
    parentMode: text("parentMode"),
  };
}

export const BlockInput = z
  .object({
    roundId: id,
    day: z.string({ error: E("day") }).max(32, E("day")),
    from: z.string({ error: E("from") }).max(8, E("from")),
    to: z.string({ error: E("to") }).max(8, E("to")),
    location: z.string().trim().max(LOCATION_MAX, E("locationTooLong")).optional().transform((v) => (v ? v : null)),
  })
  .transform((input, ctx) => {
    const startsAt = amsterdamInstant(input.day, input.from);
    const endsAt = amsterdamInstant(input.day, input.to);
    if (!amsterdamInstant(input.day, "12:00")) ctx.addIssue({ code: "custom", path: ["day"], message: E("day") });
    else {
      if (!startsAt) ctx.addIssue({ code: "custom", path: ["from"], message: E("from") });
      if (!endsAt) ctx.addIssue({ code: "custom", path: ["to"], message: E("to") });
    }
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["to"], message: E("toBeforeFrom") });
    if (!startsAt || !endsAt) return z.NEVER;
    return { roundId: input.roundId, startsAt, endsAt, location: input.location };
  });
export type BlockInput = z.output<typeof BlockInput>;

export const AttendanceInput = z.object({
  bookingId: id,
  attendance: z.enum(["CAME", "NO_SHOW", "CANCELLED"], { error: E("invalid") }),
});

export const BookingRefInput = z.object({ bookingId: id });
export const AvailabilityRefInput = z.object({ availabilityId: id });
