"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { keepThisSession } from "@/lib/auth/session";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors";
import { ChangePasswordInput, ForgotPasswordInput, SetPasswordInput } from "@/lib/domain/accounts/schemas";
import { changePassword, inspectAccountToken, requestPasswordReset, setPasswordWithToken } from "@/lib/domain/accounts/password-commands";
import { AccountFormError, TokenUnusableError } from "@/lib/domain/accounts/errors";
import type { TokenState } from "@/lib/auth/account-tokens";
import { nextAttempt, submittedForm } from "@/lib/forms/form-data";
import { actorOrNotSaved } from "@/lib/forms/form-actor";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

export type AccountFormState = {
  /** Catalogue keys per field ("_form" for the whole form). */
  errors?: Record<string, string>;
  /** Values a message needs (e.g. the time of a lock), never a password. */
  details?: Record<string, string>;
  /** What was typed in fields that are not secret, shown again after a rejection. */
  values?: Record<string, string>;
  attempt?: number;
  done?: boolean;
  /** The set-password link turned out unusable while the form was open. */
  tokenState?: Exclude<TokenState, "valid">;
};

/** Whatever the client sent back as the previous state (null included). */
const next = nextAttempt;

function firstErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message.includes(".") ? issue.message : "errors.invalidInput";
  return errors;
}

async function requestAddress(): Promise<string> {
  return clientAddress((await headers()).get("x-forwarded-for"), trustedProxyHops());
}

/** Always the same answer for a well-formed address, whether or not an account has it. */
export async function forgotPasswordAction(previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt: next(previous) };
  const email = String(formData.get("email") ?? "");
  const parsed = ForgotPasswordInput.safeParse({ email });
  if (!parsed.success) return { errors: firstErrors(parsed.error.issues), values: { email: email.slice(0, 254) }, attempt: next(previous) };
  await requestPasswordReset(parsed.data.email, await requestAddress());
  return { done: true, values: { email: parsed.data.email }, attempt: next(previous) };
}

/** What the set-password page shows for the token in its address (read by the page's script from the fragment). */
export async function inspectTokenAction(token: string) {
  return inspectAccountToken(token);
}

export async function setPasswordAction(previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt: next(previous) };
  const parsed = SetPasswordInput.safeParse({ token: formData.get("token") ?? "", password: formData.get("password") ?? "", confirm: formData.get("confirm") ?? "" });
  if (!parsed.success) return { errors: firstErrors(parsed.error.issues), attempt: next(previous) };
  try {
    await setPasswordWithToken(parsed.data);
  } catch (error) {
    if (error instanceof TokenUnusableError) return { tokenState: error.state, attempt: next(previous) };
    if (error instanceof AccountFormError) return { errors: error.fieldErrors, attempt: next(previous) };
    const notSaved = notSavedError(error);
    if (notSaved) return { errors: { _form: notSaved }, attempt: next(previous) };
    throw error;
  }
  redirect("/login?passwordSet=1");
}

/** Changes the password and keeps only this browser signed in. */
export async function changePasswordAction(previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const formData = submittedForm(form);
  if (!formData) return { errors: { _form: "errors.invalidInput" }, attempt: next(previous) };
  const actor = await actorOrNotSaved();
  if (!actor || actor === NOT_SAVED) return { errors: { _form: actor || "errors.forbidden" }, attempt: next(previous) };
  const parsed = ChangePasswordInput.safeParse({ current: formData.get("current") ?? "", password: formData.get("password") ?? "", confirm: formData.get("confirm") ?? "" });
  if (!parsed.success) return { errors: firstErrors(parsed.error.issues), attempt: next(previous) };
  try {
    const sessionVersion = await changePassword(actor, parsed.data);
    await keepThisSession(actor.userId, sessionVersion);
  } catch (error) {
    if (error instanceof AccountFormError) return { errors: error.fieldErrors, details: error.values, attempt: next(previous) };
    if (error instanceof AppError) return { errors: { _form: `errors.${error.code}` }, attempt: next(previous) };
    const notSaved = notSavedError(error);
    if (notSaved) return { errors: { _form: notSaved }, attempt: next(previous) };
    throw error;
  }
  return { done: true, attempt: next(previous) };
}
