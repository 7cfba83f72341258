"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { AccountFormState } from "@/lib/domain/accounts/password-actions";
import { formatRetryTime } from "@/lib/auth/retry-time";
import { FormErrors, PasswordField, buttonClass } from "@/components/account/form-parts";

type Props = { action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState> };

/** Current password, then the new one twice. After success every other session has ended. */
export function ChangePasswordForm({ action }: Props) {
  const t = useTranslations("changePassword");
  const tRule = useTranslations("passwordRule");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, {});
  const [reveal, setReveal] = useState(false);
  const errors = state.errors ?? {};
  const until = state.details?.until ? formatRetryTime(new Date(Number(state.details.until)), locale) : undefined;
  const values = until ? { time: until } : undefined;
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <FormErrors errors={state.errors} attempt={state.attempt} fields={["current", "password", "confirm"]} values={values} />
      {state.done ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("done")}</p>
      ) : null}
      <PasswordField id="current" label={t("current")} autoComplete="current-password" error={errors.current} values={values} reveal={reveal} />
      <PasswordField id="password" label={t("new")} help={tRule("help")} autoComplete="new-password" error={errors.password} reveal={reveal} />
      <PasswordField id="confirm" label={t("confirm")} autoComplete="new-password" error={errors.confirm} reveal={reveal} />
      <label className="choice">
        <input type="checkbox" className="size-4" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
        {tRule("show")}
      </label>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("saving") : t("save")}</button>
      </div>
    </form>
  );
}
