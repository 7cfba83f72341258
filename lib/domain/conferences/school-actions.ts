"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { nextAttempt, submittedForm, formText } from "@/lib/forms/form-data";
import { AttendanceInput, AvailabilityRefInput, BlockInput, BookingRefInput, RoundInput, roundFormValues } from "@/lib/domain/conferences/round-schemas";
import { ConferenceValidationError, createRound, updateRound } from "@/lib/domain/conferences/round-commands";
import { addAvailability, removeAvailability } from "@/lib/domain/conferences/availability-commands";
import { markAttendance, markFollowUpDone } from "@/lib/domain/conferences/attendance-commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type ConferenceFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a rejected form shows it again. */
  values?: Record<string, string | string[]>;
  attempt?: number;
  /** Done: a message key (and a count for the block form). */
  saved?: { key: string; count?: number; id?: string };
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("conferenceSchool.errors.") ? issue.message : "conferenceSchool.errors.invalid";
  }
  return errors;
}

function errorState(error: unknown): { errors: Record<string, string> } {
  if (error instanceof ConferenceValidationError) return { errors: error.fieldErrors };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` } };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved } };
  // notFound() from a refusal, and anything unexpected, goes on to Next.
  throw error;
}

/** The school leader opens a round (or, with roundId, changes one). */
export async function saveRoundAction(previous: ConferenceFormState, form: FormData): Promise<ConferenceFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const raw = roundFormValues(formData);
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ""])) as Record<string, string | string[]>;
  const echo = { values, attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = RoundInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo };
  const roundId = formText(formData, "roundId");
  try {
    if (roundId) {
      await updateRound(actor, roundId, parsed.data);
      revalidatePath("/leader/conferences");
      return { attempt: echo.attempt, values, saved: { key: "saved", id: roundId } };
    }
    const round = await createRound(actor, parsed.data);
    revalidatePath("/leader/conferences");
    return { attempt: echo.attempt, saved: { key: "created", id: round.id } };
  } catch (error) {
    return { ...errorState(error), ...echo };
  }
}

/** A host adds an evening block (cut into slots). */
export async function addBlockAction(previous: ConferenceFormState, form: FormData): Promise<ConferenceFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const raw = { roundId: formText(formData, "roundId"), day: formText(formData, "day"), from: formText(formData, "from"), to: formText(formData, "to"), location: formText(formData, "location") };
  const echo = { values: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ""])), attempt: nextAttempt(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo };
  const parsed = BlockInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo };
  try {
    const block = await addAvailability(actor, parsed.data);
    revalidatePath("/mentor/conferences");
    return { attempt: echo.attempt, saved: { key: "blockAdded", count: block.slots } };
  } catch (error) {
    return { ...errorState(error), ...echo };
  }
}

// The small forms below work without JavaScript: they answer with a redirect
// back to the page, which shows the outcome (a catalogue key) from the address.

function back(path: string, params: Record<string, string>): never {
  redirect(`${path}?${new URLSearchParams(params).toString()}`);
}

function safeReturn(value: string | undefined, fallback: string): string {
  return value && /^\/mentor\/conferences(\/[A-Za-z0-9_-]+(\/schedule)?)?$/.test(value) ? value : fallback;
}

/** Removes a host's block with its free slots (refused while it holds bookings). */
export async function removeBlockAction(form: FormData): Promise<void> {
  const formData = submittedForm(form);
  const actor = await getActor();
  const parsed = AvailabilityRefInput.safeParse({ availabilityId: formData ? formText(formData, "availabilityId") : undefined });
  if (!formData || !actor || !parsed.success) back("/mentor/conferences", { error: "invalid" });
  try {
    await removeAvailability(actor, parsed.data.availabilityId);
  } catch (error) {
    const key = error instanceof ConferenceValidationError ? (error.fieldErrors._form ?? "").split(".").pop() : error instanceof AppError ? "invalid" : null;
    if (key === null) throw error;
    back("/mentor/conferences", { error: key || "invalid" });
  }
  revalidatePath("/mentor/conferences");
  back("/mentor/conferences", { done: "blockRemoved" });
}

/** One-click attendance on the schedule. */
export async function markAttendanceAction(form: FormData): Promise<void> {
  const formData = submittedForm(form);
  const actor = await getActor();
  const returnTo = safeReturn(formData ? formText(formData, "returnTo") : undefined, "/mentor/conferences");
  const parsed = AttendanceInput.safeParse({ bookingId: formData ? formText(formData, "bookingId") : undefined, attendance: formData ? formText(formData, "attendance") : undefined });
  if (!formData || !actor || !parsed.success) back(returnTo, { error: "invalid" });
  try {
    await markAttendance(actor, parsed.data.bookingId, parsed.data.attendance);
  } catch (error) {
    const key = error instanceof ConferenceValidationError ? (error.fieldErrors._form ?? "").split(".").pop() : error instanceof AppError ? "invalid" : null;
    if (key === null) throw error;
    back(returnTo, { error: key || "invalid" });
  }
  revalidatePath("/mentor", "layout");
  redirect(`${returnTo}?done=attendanceSaved#b-${parsed.data.bookingId}`);
}

/** The family was called back: off the follow-up list. */
export async function followUpDoneAction(form: FormData): Promise<void> {
  const formData = submittedForm(form);
  const actor = await getActor();
  const parsed = BookingRefInput.safeParse({ bookingId: formData ? formText(formData, "bookingId") : undefined });
  if (!formData || !actor || !parsed.success) back("/mentor/conferences", { error: "invalid" });
  try {
    await markFollowUpDone(actor, parsed.data.bookingId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    back("/mentor/conferences", { error: "invalid" });
  }
  revalidatePath("/mentor", "layout");
  back("/mentor/conferences", { done: "followUpSaved" });
}
