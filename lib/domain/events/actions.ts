"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { nextAttempt, submittedForm, formText } from "@/lib/forms/form-data";
import { EventIdInput, EventInput, PlannerInput, ReplyInput, eventFormValues } from "@/lib/domain/events/schemas";
import { EventValidationError, cancelEvent, createEvent, replyToEvent, setEventPlanner, updateEvent } from "@/lib/domain/events/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type EventFormValues = {
  kind: string; title: string; description: string; place: string; startsAt: string; endsAt: string;
  audience: string; years: string[]; classIds: string[]; asksReply: boolean;
};

export type EventFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, shown again after a refusal (React resets forms after an action). */
  values?: EventFormValues;
  attempt?: number;
  saved?: { id: string; created: boolean };
};

export type SmallActionState = { errors?: Record<string, string>; done?: boolean };

function echo(formData: FormData, previous: unknown): Pick<EventFormState, "values" | "attempt"> {
  const v = eventFormValues(formData);
  return {
    attempt: nextAttempt(previous),
    values: {
      kind: v.kind ?? "", title: v.title ?? "", description: v.description ?? "", place: v.place ?? "", startsAt: v.startsAt ?? "", endsAt: v.endsAt ?? "",
      audience: v.audience ?? "", years: v.years, classIds: v.classIds, asksReply: v.asksReply,
    },
  };
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("eventErrors.") ? issue.message : "eventErrors.invalid";
  }
  return errors;
}

function errorState(error: unknown): { errors: Record<string, string> } {
  if (error instanceof EventValidationError) return { errors: error.fieldErrors };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` } };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved } };
  throw error;
}

function revalidate() {
  revalidatePath("/leader/events");
  revalidatePath("/mentor/events");
  revalidatePath("/parent", "layout");
}

/** Plans a new event, or (with `eventId` in the form) changes one. */
export async function saveEventAction(previous: EventFormState, form: FormData): Promise<EventFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, ...echo(formData, previous) };
  const parsed = EventInput.safeParse(eventFormValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), ...echo(formData, previous) };
  const eventId = formText(formData, "eventId");
  try {
    const saved = eventId ? { ...(await updateEvent(actor, eventId.slice(0, 64), parsed.data)), created: false } : await createEvent(actor, parsed.data);
    revalidate();
    return { attempt: nextAttempt(previous), saved };
  } catch (error) {
    return { ...errorState(error), ...echo(formData, previous) };
  }
}

export async function cancelEventAction(_: SmallActionState, form: FormData): Promise<SmallActionState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const parsed = EventIdInput.safeParse({ eventId: formData.get("eventId") });
  if (!parsed.success) return { errors: { _form: "eventErrors.invalid" } };
  try {
    await cancelEvent(actor, parsed.data.eventId);
  } catch (error) {
    return errorState(error);
  }
  revalidate();
  return { done: true };
}

export async function setPlannerAction(_: SmallActionState, form: FormData): Promise<SmallActionState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const parsed = PlannerInput.safeParse({ staffId: formData.get("staffId"), allowed: formData.get("allowed") });
  if (!parsed.success) return { errors: { _form: "eventErrors.invalid" } };
  try {
    await setEventPlanner(actor, parsed.data.staffId, parsed.data.allowed);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/leader/events");
  return { done: true };
}

/** "We come" / "we don't come" for one child. */
export async function replyEventAction(_: SmallActionState, form: FormData): Promise<SmallActionState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" } };
  const parsed = ReplyInput.safeParse({ eventId: formData.get("eventId"), pupilId: formData.get("pupilId"), answer: formData.get("answer") });
  if (!parsed.success) return { errors: { _form: "eventErrors.answer" } };
  try {
    await replyToEvent(actor, parsed.data);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/parent", "layout");
  return { done: true };
}
