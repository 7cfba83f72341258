import { z } from "zod";
import { INTERPRETER_LANGUAGES } from "@/lib/domain/conferences/booking-fields";
import { formText } from "@/lib/forms/form-data";

// Error messages are catalogue keys (namespace "conferenceErrors"), translated where shown.
// Whether the slot, round, child and window fit together is the command's check.

const id = z.string({ error: "conferenceErrors.invalid" }).min(1, "conferenceErrors.invalid").max(64, "conferenceErrors.invalid");

/** "" or absent: no interpreter; otherwise one of the fixed ISO codes. */
const interpreter = z
  .string()
  .max(16, "conferenceErrors.unknownLanguage")
  .optional()
  .transform((v) => (v ? v.trim() : ""))
  .pipe(z.union([z.literal(""), z.enum(INTERPRETER_LANGUAGES, { error: "conferenceErrors.unknownLanguage" })], { error: "conferenceErrors.unknownLanguage" }))
  .transform((v) => (v === "" ? null : v));

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

export const BookSlotInput = z.object({
  roundId: id,
  pupilId: id,
  slotId: z.string({ error: "conferenceErrors.chooseSlot" }).min(1, "conferenceErrors.chooseSlot").max(64, "conferenceErrors.invalid"),
  interpreterLanguage: interpreter,
  childcare: checkbox,
  idempotencyKey: z.uuid({ error: "conferenceErrors.invalid" }),
});
export type BookSlotInput = z.output<typeof BookSlotInput>;

export const MoveBookingInput = z.object({
  bookingId: id,
  slotId: z.string({ error: "conferenceErrors.chooseSlot" }).min(1, "conferenceErrors.chooseSlot").max(64, "conferenceErrors.invalid"),
});
export type MoveBookingInput = z.output<typeof MoveBookingInput>;

export const BookingIdInput = z.object({ bookingId: id });

/** Reads a booking form. */
export function bookingFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return {
    roundId: text("roundId"),
    pupilId: text("pupilId"),
    slotId: text("slotId"),
    interpreterLanguage: text("interpreterLanguage"),
    childcare: text("childcare"),
    idempotencyKey: text("idempotencyKey"),
    bookingId: text("bookingId"),
  };
}
