"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { AgreementFormState } from "@/lib/domain/agreement/actions";
import { TEXT_LOCALES, type TextKind } from "@/lib/domain/agreement/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: AgreementFormState, formData: FormData) => Promise<AgreementFormState>;
  kind: TextKind;
  /** The draft's texts, else the newest published version's (a starting point). */
  initial: Partial<Record<string, string>>;
  /** Language names in the reader's language, per locale. */
  languageNames: Record<string, string>;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 font-mono text-sm";

/** The leader's editor of one kind: Dutch required, the other languages folded away. */
export function DraftForm({ action, kind, initial, languageNames }: Props) {
  const t = useTranslations("agreement");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const values = state.values ?? Object.fromEntries(TEXT_LOCALES.map((l) => [`body_${l}`, initial[l] ?? ""]));
  const id = (locale: string) => `${kind}-body-${locale}`;
  const summary = Object.entries(errors).map(([name, key]) => ({ field: name.startsWith("body_") ? id(name.slice(5)) : undefined, text: tAll(key) }));
  const translationError = TEXT_LOCALES.some((l) => l !== "nl" && errors[`body_${l}`]);
  const textarea = (locale: string, help?: string) => {
    const name = `body_${locale}`;
    const describedBy = [help ? `${id(locale)}-help` : null, `${kind}-format-help`, errors[name] ? `${id(locale)}-error` : null].filter(Boolean).join(" ");
    return (
      <div key={locale}>
        <label htmlFor={id(locale)} className="block font-medium">{t("textIn", { language: languageNames[locale] })}</label>
        {help ? <p id={`${id(locale)}-help`} className="text-sm text-slate-600">{help}</p> : null}
        <textarea
          id={id(locale)} name={name} lang={locale} dir="auto" rows={locale === "nl" ? 12 : 6} defaultValue={values[name] ?? ""}
          aria-invalid={!!errors[name]} aria-describedby={describedBy} className={field}
        />
        {errors[name] ? <p id={`${id(locale)}-error`} className="mt-1 text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null}
      </div>
    );
  };
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      {state.done ? <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("saved")}</p> : null}
      <input type="hidden" name="kind" value={kind} />
      <p id={`${kind}-format-help`} className="text-sm text-slate-700">{t("formatHelp")}</p>
      {textarea("nl", t("dutchHelp"))}
      <details open={translationError || TEXT_LOCALES.some((l) => l !== "nl" && values[`body_${l}`]) ? true : undefined}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("translations")}</summary>
        <div className="mt-2 space-y-4">{TEXT_LOCALES.filter((l) => l !== "nl").map((l) => textarea(l))}</div>
      </details>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg border border-brand-600 bg-white px-5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70 sm:w-auto">
        {pending ? t("saving") : t("saveDraft")}
      </button>
    </form>
  );
}
