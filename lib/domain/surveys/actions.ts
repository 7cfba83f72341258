"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { nextAttempt, submittedForm, formText } from "@/lib/forms/form-data";
import { AppError } from "@/lib/errors";
import {
  CreateSurveyInput, QuestionInput, QuestionRef, ResponseInput, SurveyRef, createSurveyFormValues, questionFormValues, responseFormValues,
} from "@/lib/domain/surveys/schemas";
import {
  SurveyValidationError, addQuestion, carrySatisfactionToIndicators, closeSurvey, createSurvey, remindSurvey, removeQuestion, sendSurvey, submitResponse,
} from "@/lib/domain/surveys/commands";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

// Server actions of the survey pages: parse (zod), call the command, answer a
// translated error for anything wrong (never a 500), redirect on success.

export type SurveyFormState = { errors?: Record<string, string>; values?: Record<string, unknown>; attempt?: number };

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message.startsWith("surveys.errors.") ? issue.message : "surveys.errors.invalid";
  }
  return errors;
}

function failed(error: unknown, values: Record<string, unknown>, attempt: number): SurveyFormState {
  if (error instanceof SurveyValidationError) return { errors: error.fieldErrors, values, attempt };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, values, attempt };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved }, values, attempt };
  throw error;
}

export async function createSurveyAction(previous: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = createSurveyFormValues(formData);
  const values = { title: raw.title ?? "", closesOn: raw.closesOn ?? "", classIds: raw.classIds, templateKeys: raw.templateKeys };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = CreateSurveyInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  let id: string;
  try {
    id = (await createSurvey(actor, parsed.data)).id;
  } catch (error) {
    return failed(error, values, attempt);
  }
  revalidatePath("/leader/surveys");
  redirect(`/leader/surveys/${id}`);
}

export async function addQuestionAction(previous: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = questionFormValues(formData);
  const values = { ...raw };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = QuestionInput.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  try {
    await addQuestion(actor, parsed.data);
  } catch (error) {
    return failed(error, values, attempt);
  }
  revalidatePath(`/leader/surveys/${parsed.data.surveyId}`);
  return { attempt, values: {} };
}

type Step = "send" | "remind" | "close" | "indicator" | "removeQuestion";

/** The buttons on a survey's page (send, remind, close, carry into the indicators, remove a question): one form each. */
export async function surveyStepAction(previous: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const step = formText(formData, "step") as Step | undefined;
  const parsed = step === "removeQuestion"
    ? QuestionRef.safeParse({ surveyId: formText(formData, "surveyId"), questionId: formText(formData, "questionId") })
    : SurveyRef.safeParse({ surveyId: formText(formData, "surveyId") });
  if (!parsed.success || !step || !["send", "remind", "close", "indicator", "removeQuestion"].includes(step)) return { errors: { _form: "surveys.errors.invalid" }, attempt };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, attempt };
  const { surveyId } = parsed.data;
  let done = step as string;
  try {
    if (step === "send") await sendSurvey(actor, surveyId);
    else if (step === "remind") done = (await remindSurvey(actor, surveyId)).first ? "remind" : "remindedBefore";
    else if (step === "close") await closeSurvey(actor, surveyId);
    else if (step === "indicator") await carrySatisfactionToIndicators(actor, surveyId);
    else await removeQuestion(actor, surveyId, (parsed.data as unknown as { questionId: string }).questionId);
  } catch (error) {
    return failed(error, {}, attempt);
  }
  revalidatePath(`/leader/surveys/${surveyId}`);
  redirect(`/leader/surveys/${surveyId}?done=${done}`);
}

export async function answerSurveyAction(previous: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const attempt = nextAttempt(previous);
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt };
  const raw = responseFormValues(formData);
  const values = { answers: raw.answers };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, values, attempt };
  const parsed = ResponseInput.safeParse(raw);
  if (!parsed.success) return { errors: { _form: "surveys.errors.invalid" }, values, attempt };
  try {
    await submitResponse(actor, parsed.data);
  } catch (error) {
    return failed(error, values, attempt);
  }
  revalidatePath("/parent/surveys");
  redirect("/parent/surveys?answered=1");
}
