"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SurveyFormState } from "@/lib/domain/surveys/actions";
import { QUESTION_MAX, TRANSLATION_LOCALES } from "@/lib/domain/surveys/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: SurveyFormState, formData: FormData) => Promise<SurveyFormState>;
  surveyId: string;
  /** The language names, in their own language. */
  languageNames: Record<string, string>;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";
const KINDS = ["SCALE_4", "SCALE_10", "SINGLE", "MULTIPLE", "OPEN"] as const;
const FIELD_IDS: Record<string, string> = { kind: "q-kind", text: "q-text", options: "q-options", translations: "q-t-en" };

/** A leader's own question: kind, Dutch text, options (one per line), optional translations. */
export function QuestionForm({ action, surveyId, languageNames }: Props) {
  const t = useTranslations("surveys");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const v = (state.errors ? state.values ?? {} : {}) as { kind?: string; text?: string; options?: string; translations?: Record<string, string> };
  const summary = Object.entries(errors).map(([name, key]) => ({ field: FIELD_IDS[name], text: tAll(key) }));
  const describe = (name: string, help?: string) => [help, errors[name] ? `q-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) => (errors[name] ? <p id={`q-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null);
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("create.errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="surveyId" value={surveyId} />
      <div>
        <label htmlFor="q-kind" className="block font-medium">{t("detail.kindLabel")}</label>
        <select id="q-kind" name="kind" defaultValue={v.kind ?? "SCALE_4"} aria-describedby={describe("kind")} className={`${field} min-h-11 max-w-xs`}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
        {errorText("kind")}
      </div>
      <div>
        <label htmlFor="q-text" className="block font-medium">{t("detail.text")}</label>
        <p id="q-text-help" className="text-sm text-slate-600">{t("detail.textHelp", { max: QUESTION_MAX })}</p>
        <input id="q-text" name="text" lang="nl" dir="auto" defaultValue={v.text ?? ""} aria-invalid={!!errors.text} aria-describedby={describe("text", "q-text-help")} className={`${field} min-h-11`} />
        {errorText("text")}
      </div>
      <div>
        <label htmlFor="q-options" className="block font-medium">{t("detail.options")}</label>
        <p id="q-options-help" className="text-sm text-slate-600">{t("detail.optionsHelp")}</p>
        <textarea id="q-options" name="options" lang="nl" dir="auto" rows={4} defaultValue={v.options ?? ""} aria-invalid={!!errors.options} aria-describedby={describe("options", "q-options-help")} className={field} />
        {errorText("options")}
      </div>
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="min-h-11 cursor-pointer font-medium">{t("detail.translations")}</summary>
        <div className="mt-2 space-y-3">
          {TRANSLATION_LOCALES.map((locale) => (
            <div key={locale}>
              <label htmlFor={`q-t-${locale}`} className="block text-sm font-medium">{languageNames[locale] ?? locale}</label>
              <input id={`q-t-${locale}`} name={`t_${locale}`} lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} defaultValue={v.translations?.[locale] ?? ""} className={`${field} min-h-11`} />
            </div>
          ))}
        </div>
        {errorText("translations")}
      </details>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg border border-brand-600 bg-white px-5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70 sm:w-auto">
        {t("detail.submitQuestion")}
      </button>
    </form>
  );
}
