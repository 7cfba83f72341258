"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { AppError } from "@/lib/errors";
import { AnswerInput, AskQuestionInput, InternalNoteInput, QuestionIdInput, askFormValues } from "@/lib/domain/questions/schemas";
import { answerQuestion, askQuestion, markCalledBack, saveInternalNote } from "@/lib/domain/questions/commands";
import { ContactValidationError } from "@/lib/domain/contacts/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type AskFormValues = { kind: string; body: string; callTimes: string[]; callTimesNote: string; languageWanted: string };
export type QuestionFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** What was submitted, so a rejected form shows it again. */
  values?: AskFormValues & { answer?: string; internalNote?: string };
  attempt?: number;
  saved?: boolean;
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("questionErrors.") ? issue.message : "questionErrors.invalid";
  }
  return errors;
}

function failed(error: unknown): Record<string, string> {
  if (error instanceof ContactValidationError) return { _form: "questionErrors.guardianGone" };
  if (error instanceof AppError) return { _form: `errors.${error.code}` };
  // The database is away: "not saved" (answered 503); the caller echoes what was typed.
  const notSaved = notSavedError(error);
  if (notSaved) return { _form: notSaved };
  // notFound() (out of scope) and unexpected failures go to Next's error handling.
  throw error;
}

const EMPTY: AskFormValues = { kind: "", body: "", callTimes: [], callTimesNote: "", languageWanted: "" };

export async function askQuestionAction(previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = askFormValues(formData);
  const values: AskFormValues = {
    kind: raw.kind ?? "", body: raw.body ?? "", callTimes: raw.callTimes, callTimesNote: raw.callTimesNote ?? "", languageWanted: raw.languageWanted ?? "",
  };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = AskQuestionInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  let id: string;
  try {
    id = (await askQuestion(actor, parsed.data)).id;
  } catch (error) {
    return { errors: failed(error), values, attempt };
  }
  revalidatePath("/mentor", "layout");
  redirect(`/parent/questions/${encodeURIComponent(id)}?sent=1`);
}

export async function answerQuestionAction(previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const answer = typeof formData.get("answer") === "string" ? String(formData.get("answer")) : "";
  const values = { ...EMPTY, answer };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = AnswerInput.safeParse({ questionId: formData.get("questionId"), answer: formData.get("answer") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  try {
    await answerQuestion(actor, parsed.data);
  } catch (error) {
    return { errors: failed(error), values, attempt };
  }
  revalidatePath("/mentor", "layout");
  revalidatePath("/parent", "layout");
  return { attempt, saved: true };
}

export async function internalNoteAction(previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const internalNote = typeof formData.get("internalNote") === "string" ? String(formData.get("internalNote")) : "";
  const values = { ...EMPTY, internalNote };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = InternalNoteInput.safeParse({ questionId: formData.get("questionId"), internalNote });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  try {
    await saveInternalNote(actor, parsed.data);
  } catch (error) {
    return { errors: failed(error), values, attempt };
  }
  revalidatePath("/mentor", "layout");
  return { attempt, saved: true, values };
}

export async function calledBackAction(previous: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, attempt };
  const parsed = QuestionIdInput.safeParse({ questionId: formData.get("questionId") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), attempt };
  try {
    await markCalledBack(actor, parsed.data.questionId);
  } catch (error) {
    return { errors: failed(error), attempt };
  }
  revalidatePath("/mentor", "layout");
  revalidatePath("/parent", "layout");
  return { attempt, saved: true };
}
