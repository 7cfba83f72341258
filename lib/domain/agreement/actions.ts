"use server";

import { revalidatePath, updateTag } from "next/cache";
import { nextAttempt, submittedForm, formText } from "@/lib/forms/form-data";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/types";
import { PUBLIC_SCHOOLS_TAG, publicSchoolTag } from "@/lib/domain/schools/cache-tags";
import { AcknowledgeInput, AgreementQuestionInput, DraftInput, PublishInput, draftFormValues } from "@/lib/domain/agreement/schemas";
import { acknowledgeAgreement, askAboutAgreement, discardDraft, publishDraft, saveDraft } from "@/lib/domain/agreement/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type AgreementFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a rejected form shows it again. */
  values?: Record<string, string>;
  attempt?: number;
  done?: boolean;
  /** The question the guardian's "I have a question" became. */
  questionId?: string | null;
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    // texts.nl → body_nl (the field's name); a missing or unknown language → the Dutch field.
    const [first, second] = issue.path.map(String);
    const field = first === "texts" ? (second ? `body_${second}` : "body_nl") : (first ?? "_form");
    errors[field] ??= issue.message.startsWith("agreement.errors.") ? issue.message : "agreement.errors.invalid";
  }
  return errors;
}

function failed(error: unknown, conflict = "errors.conflict"): Record<string, string> {
  if (error instanceof AppError) return { _form: error.code === "conflict" ? conflict : `errors.${error.code}` };
  // The database is away: "not saved" (answered 503); the caller echoes what was typed.
  const notSaved = notSavedError(error);
  if (notSaved) return { _form: notSaved };
  // notFound() (out of scope) and unexpected failures go to Next's error handling.
  throw error;
}

export async function saveDraftAction(previous: AgreementFormState, form: FormData): Promise<AgreementFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = draftFormValues(formData);
  const values = Object.fromEntries(Object.entries(raw.texts).map(([locale, body]) => [`body_${locale}`, body]));
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = DraftInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  try {
    await saveDraft(actor, parsed.data);
  } catch (error) {
    return { errors: failed(error), values, attempt };
  }
  revalidatePath("/leader/agreement");
  return { attempt, done: true, values };
}

/**
 * The leader's buttons on one version (publish, discard): the same checks, then
 * the command. `done` only when it ran; the caller expires what it changed.
 */
async function onVersion(
  previous: AgreementFormState,
  form: FormData,
  command: (actor: Actor, input: PublishInput) => Promise<unknown>,
  conflict?: string,
): Promise<{ state: AgreementFormState; actor?: Actor; input?: PublishInput }> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { state: { errors: { _form: "errors.invalidInput" }, attempt } };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { state: { errors: { _form: actor || "errors.forbidden" }, attempt } };
  const parsed = PublishInput.safeParse({ kind: formText(formData, "kind"), versionId: formText(formData, "versionId") });
  if (!parsed.success) return { state: { errors: fieldErrors(parsed.error.issues), attempt } };
  try {
    await command(actor, parsed.data);
  } catch (error) {
    return { state: { errors: failed(error, conflict), attempt } };
  }
  return { state: { attempt, done: true }, actor, input: parsed.data };
}

export async function publishAction(previous: AgreementFormState, form: FormData): Promise<AgreementFormState> {
  const { state, actor, input } = await onVersion(previous, form, publishDraft);
  if (!actor || !input) return state;
  if (input.kind === "POLICY" && actor.schoolId) {
    // The policy is on the public profile: expire its cached copies at once.
    updateTag(PUBLIC_SCHOOLS_TAG);
    updateTag(publicSchoolTag(actor.schoolId));
  }
  revalidatePath("/leader/agreement");
  revalidatePath("/parent", "layout");
  return state;
}

export async function discardDraftAction(previous: AgreementFormState, form: FormData): Promise<AgreementFormState> {
  const { state, actor } = await onVersion(previous, form, discardDraft, "agreement.errors.discardPublished");
  if (actor) revalidatePath("/leader/agreement");
  return state;
}

export async function acknowledgeAction(previous: AgreementFormState, form: FormData): Promise<AgreementFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, attempt };
  const parsed = AcknowledgeInput.safeParse({ versionId: formText(formData, "versionId") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), attempt };
  try {
    await acknowledgeAgreement(actor, parsed.data);
  } catch (error) {
    return { errors: failed(error, "agreement.errors.outdated"), attempt };
  }
  revalidatePath("/parent", "layout");
  return { attempt, done: true };
}

export async function agreementQuestionAction(previous: AgreementFormState, form: FormData): Promise<AgreementFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const values = { note: formText(formData, "note") ?? "" };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = AgreementQuestionInput.safeParse({ versionId: formText(formData, "versionId"), note: values.note });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  let questionId: string | null;
  try {
    questionId = (await askAboutAgreement(actor, parsed.data)).questionId;
  } catch (error) {
    return { errors: failed(error, "agreement.errors.outdated"), values, attempt };
  }
  revalidatePath("/parent", "layout");
  revalidatePath("/mentor", "layout");
  return { attempt, done: true, questionId };
}
