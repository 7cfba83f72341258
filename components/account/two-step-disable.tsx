"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { TwoStepFormState } from "@/lib/domain/accounts/two-step-actions";
import { FormErrors, PasswordField, fieldClass } from "@/components/account/form-parts";

type Props = { action: (state: TwoStepFormState, formData: FormData) => Promise<TwoStepFormState>; required: boolean };

/** Turning it off needs a current code (or a recovery code) or the password. */
export function TwoStepDisable({ action, required }: Props) {
  const t = useTranslations("twoFactor");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.errors?.code;
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <FormErrors errors={state.errors} attempt={state.attempt} fields={["code", "password"]} />
      <p>{required ? t("disableRequired") : t("disableIntro")}</p>
      <div>
        <label htmlFor="code" className="block font-medium">{t("codeOrRecovery")}</label>
        <input id="code" name="code" type="text" autoComplete="one-time-code" dir="ltr" maxLength={40}
          aria-invalid={!!error} aria-describedby={error ? "code-error" : undefined} className={`${fieldClass} sm:max-w-xs`} />
        {error ? <p id="code-error" className="mt-1 text-sm font-medium text-warn-700">{tErr(error)}</p> : null}
      </div>
      <p className="text-sm text-slate-700">{t("orPassword")}</p>
      <PasswordField id="password" label={t("password")} autoComplete="current-password" error={state.errors?.password} />
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg border-2 border-warn-700 px-5 font-semibold text-warn-700 hover:bg-warn-50 disabled:opacity-70 sm:w-auto">
        {pending ? t("disabling") : t("disable")}
      </button>
    </form>
  );
}
