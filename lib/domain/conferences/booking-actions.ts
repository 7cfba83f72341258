"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { BookSlotInput, BookingIdInput, MoveBookingInput, bookingFormValues } from "@/lib/domain/conferences/booking-schemas";
import { BookingError, bookSlot, cancelBooking, joinBooking, moveBooking } from "@/lib/domain/conferences/booking-commands";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type BookingFormValues = { slotId: string; interpreterLanguage: string; childcare: boolean };

export type BookingFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a rejected form shows it again. */
  values?: BookingFormValues;
  attempt?: number;
  /** A lost race: the nearest free slots of the same host (ISO times), and the slot that was lost. */
  offers?: { id: string; startsAt: string; endsAt: string }[];
  lost?: string;
};

const PAGE = "/parent/conferences";

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    const key = issue.message.startsWith("conferenceErrors.") ? issue.message : "conferenceErrors.invalid";
    errors[field === "slotId" || field === "interpreterLanguage" ? field : "_form"] ??= key;
  }
  return errors;
}

function errorState(error: unknown): Pick<BookingFormState, "errors" | "offers"> {
  if (error instanceof BookingError) {
    const field = error.reason === "slotTaken" || error.reason === "noSecondSlot" || error.reason === "slotPast" || error.reason === "slotNotInRound" ? "slotId" : "_form";
    return {
      errors: { [field]: `conferenceErrors.${error.reason}` },
      offers: error.offers.map((o) => ({ id: o.id, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
    };
  }
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` } };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved } };
  throw error;
}

function echo(formData: FormData, previous: unknown): Pick<BookingFormState, "values" | "attempt"> {
  const v = bookingFormValues(formData);
  return {
    attempt: nextAttempt(previous),
    values: { slotId: (v.slotId ?? "").slice(0, 64), interpreterLanguage: (v.interpreterLanguage ?? "").slice(0, 16), childcare: v.childcare === "on" },
  };
}

function done(what: "booked" | "moved" | "cancelled" | "joined", bookingId: string): never {
  revalidatePath(PAGE);
  revalidatePath("/parent");
  redirect(`${PAGE}?done=${what}#booking-${encodeURIComponent(bookingId)}`);
}

export async function bookSlotAction(previous: BookingFormState, form: FormData): Promise<BookingFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const parsed = BookSlotInput.safeParse(bookingFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  let bookingId: string;
  try {
    bookingId = (await bookSlot(actor, parsed.data, { now: new Date() })).id;
  } catch (error) {
    return { ...errorState(error), ...echo(formData, previous), lost: parsed.data.slotId };
  }
  done("booked", bookingId);
}

export async function moveBookingAction(previous: BookingFormState, form: FormData): Promise<BookingFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const parsed = MoveBookingInput.safeParse(bookingFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  try {
    await moveBooking(actor, parsed.data, { now: new Date() });
  } catch (error) {
    return { ...errorState(error), ...echo(formData, previous), lost: parsed.data.slotId };
  }
  done("moved", parsed.data.bookingId);
}

/** Cancel and join: a form with only the booking's id, one command, one outcome. */
async function onBookingAction(
  previous: BookingFormState, form: FormData,
  command: typeof cancelBooking | typeof joinBooking, outcome: "cancelled" | "joined",
): Promise<BookingFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const parsed = BookingIdInput.safeParse(bookingFormValues(formData));
  if (!parsed.success) return { errors: { _form: "conferenceErrors.invalid" }, attempt: nextAttempt(previous) };
  try {
    await command(actor, parsed.data.bookingId, { now: new Date() });
  } catch (error) {
    return { ...errorState(error), attempt: nextAttempt(previous) };
  }
  done(outcome, parsed.data.bookingId);
}

export async function cancelBookingAction(previous: BookingFormState, form: FormData): Promise<BookingFormState> {
  return onBookingAction(previous, form, cancelBooking, "cancelled");
}

export async function joinBookingAction(previous: BookingFormState, form: FormData): Promise<BookingFormState> {
  return onBookingAction(previous, form, joinBooking, "joined");
}
