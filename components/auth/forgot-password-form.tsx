"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { AccountFormState } from "@/lib/domain/accounts/password-actions";
import { FormErrors, buttonClass, fieldClass } from "@/components/account/form-parts";

type Props = { action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState> };

/** One answer for every well-formed address: whether an account has it is not told here. */
export function ForgotPasswordForm({ action }: Props) {
  const t = useTranslations("forgotPassword");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 p-4 text-brand-900">
        <p className="font-semibold">{t("sentTitle")}</p>
        <p className="mt-2">{t("sent")}</p>
        <p className="mt-2">{t("sentHelp")}</p>
      </div>
    );
  }
  const error = state.errors?.email;
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="mt-6 space-y-5">
      <FormErrors errors={state.errors} attempt={state.attempt} fields={["email"]} />
      <div>
        <label htmlFor="email" className="block font-medium">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" dir="ltr" required maxLength={254} defaultValue={state.values?.email ?? ""}
          aria-invalid={!!error} aria-describedby={error ? "email-error" : undefined} className={fieldClass} />
        {error ? <p id="email-error" className="mt-1 text-sm font-medium text-warn-700">{tErr(error)}</p> : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("sending") : t("submit")}</button>
    </form>
  );
}
