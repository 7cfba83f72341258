"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { DisableTwoStepInput, TwoStepCodeInput } from "@/lib/domain/accounts/schemas";
import { disableTwoStep, enableTwoStep } from "@/lib/domain/accounts/two-step-commands";
import { AccountFormError } from "@/lib/domain/accounts/errors";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type TwoStepFormState = { errors?: Record<string, string>; attempt?: number; recoveryCodes?: string[]; done?: boolean };

/** Whatever the client sent back as the previous state (null included). */
const next = nextAttempt;

function rejected(error: unknown, previous: TwoStepFormState): TwoStepFormState {
  if (error instanceof AccountFormError) return { errors: error.fieldErrors, attempt: next(previous) };
  if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, attempt: next(previous) };
  const notSaved = notSavedError(error);
  if (notSaved) return { errors: { _form: notSaved }, attempt: next(previous) };
  throw error;
}

/** Confirms the first code from the app; the answer carries the recovery codes, shown once. */
export async function enableTwoStepAction(previous: TwoStepFormState, form: FormData): Promise<TwoStepFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt: next(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, attempt: next(previous) };
  const parsed = TwoStepCodeInput.safeParse({ code: formData.get("code") ?? "" });
  if (!parsed.success) return { errors: { code: parsed.error.issues[0].message }, attempt: next(previous) };
  try {
    const recoveryCodes = await enableTwoStep(actor, parsed.data.code);
    return { recoveryCodes, done: true, attempt: next(previous) };
  } catch (error) {
    return rejected(error, previous);
  }
}

export async function disableTwoStepAction(previous: TwoStepFormState, form: FormData): Promise<TwoStepFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt: next(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, attempt: next(previous) };
  const parsed = DisableTwoStepInput.safeParse({ code: formData.get("code") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { errors: { _form: "errors.invalidInput" }, attempt: next(previous) };
  try {
    await disableTwoStep(actor, parsed.data);
  } catch (error) {
    return rejected(error, previous);
  }
  revalidatePath("/account", "layout");
  return { done: true, attempt: next(previous) };
}
