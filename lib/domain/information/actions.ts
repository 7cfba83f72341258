"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { AppError } from "@/lib/errors";
import { InformationDecisionInput, InformationRequestInput, decisionFormValues, requestFormValues } from "@/lib/domain/information/schemas";
import { InformationValidationError, decideInformationRequest, requestInformation } from "@/lib/domain/information/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type InformationFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a rejected form shows it again. */
  values?: { categories: string[]; message?: string; outcome?: string; until?: string; reason?: string };
  attempt?: number;
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("informationErrors.") ? issue.message : "informationErrors.invalid";
  }
  return errors;
}

function failed(error: unknown): Record<string, string> {
  if (error instanceof InformationValidationError) return error.fieldErrors;
  if (error instanceof AppError) return { _form: `errors.${error.code}` };
  // The database is away: "not saved" (answered 503); the caller echoes what was typed.
  const notSaved = notSavedError(error);
  if (notSaved) return { _form: notSaved };
  // notFound() (out of scope) and unexpected failures go to Next's error handling.
  throw error;
}

export async function requestInformationAction(previous: InformationFormState, form: FormData): Promise<InformationFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = requestFormValues(formData);
  const values = { categories: raw.categories, message: raw.message ?? "" };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = InformationRequestInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  try {
    await requestInformation(actor, parsed.data);
  } catch (error) {
    return { errors: failed(error), values, attempt };
  }
  revalidatePath("/parent", "layout");
  redirect(`/parent/information/${encodeURIComponent(parsed.data.pupilId)}?sent=1`);
}

export async function decideInformationAction(previous: InformationFormState, form: FormData): Promise<InformationFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = decisionFormValues(formData);
  const values = { categories: "categories" in raw ? raw.categories : [], outcome: raw.outcome ?? "", until: "until" in raw ? (raw.until ?? "") : "", reason: "reason" in raw ? (raw.reason ?? "") : "" };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = InformationDecisionInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  try {
    await decideInformationRequest(actor, parsed.data);
  } catch (error) {
    return { errors: failed(error), values, attempt };
  }
  const home = actor.role === "LEADER" ? "/leader" : "/mentor";
  revalidatePath(home, "layout");
  redirect(`${home}/information-requests?decided=${encodeURIComponent(parsed.data.requestId)}`);
}
