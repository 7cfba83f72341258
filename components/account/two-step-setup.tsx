"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TwoStepFormState } from "@/lib/domain/accounts/two-step-actions";
import { FormErrors, buttonClass, fieldClass } from "@/components/account/form-parts";

type Props = {
  action: (state: TwoStepFormState, formData: FormData) => Promise<TwoStepFormState>;
  qrSvg: string;
  secret: string;
  next: string;
};

/** Scan (or type) the secret, confirm one code; then the recovery codes, shown this once. */
export function TwoStepSetup({ action, qrSvg, secret, next }: Props) {
  const t = useTranslations("twoFactor");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  if (state.recoveryCodes) {
    return (
      <section aria-labelledby="codes-heading" className="space-y-3">
        <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("enabled")}</p>
        <h2 id="codes-heading" className="text-xl font-semibold">{t("codesTitle")}</h2>
        <p>{t("codesIntro")}</p>
        <ol id="recovery-codes" dir="ltr" className="grid grid-cols-1 gap-2 rounded-lg border border-slate-300 bg-white p-4 font-mono text-lg sm:grid-cols-2">
          {state.recoveryCodes.map((code) => <li key={code}>{code}</li>)}
        </ol>
        <Link href={next} className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">{t("codesSaved")}</Link>
      </section>
    );
  }
  const error = state.errors?.code;
  const groups = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-2 ps-6">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <div role="img" aria-label={t("qrLabel")} className="size-56 max-w-full rounded-lg border border-slate-300 bg-white p-2" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <div>
        <p className="font-medium">{t("manual")}</p>
        <p id="totp-secret" dir="ltr" className="mt-1 break-all rounded bg-slate-100 p-2 font-mono text-lg">{groups}</p>
      </div>
      <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
        <FormErrors errors={state.errors} attempt={state.attempt} fields={["code"]} />
        <div>
          <label htmlFor="code" className="block font-medium">{t("code")}</label>
          <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" dir="ltr" maxLength={40}
            aria-invalid={!!error} aria-describedby={error ? "code-error" : undefined} className={`${fieldClass} sm:max-w-xs`} />
          {error ? <p id="code-error" className="mt-1 text-sm font-medium text-warn-700">{tErr(error)}</p> : null}
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("confirming") : t("confirm")}</button>
      </form>
    </div>
  );
}
