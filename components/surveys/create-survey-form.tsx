"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SurveyFormState } from "@/lib/domain/surveys/actions";
import { TITLE_MAX } from "@/lib/domain/surveys/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: SurveyFormState, formData: FormData) => Promise<SurveyFormState>;
  idempotencyKey: string;
  classes: { id: string; name: string }[];
  template: { key: string; text: string }[];
  defaultClosesOn: string;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";
const FIELD_IDS: Record<string, string> = { title: "s-title", closesOn: "s-closes", classIds: "s-classes-first", templateKeys: "s-template-first" };

/** A new questionnaire: title, last day, classes and which template questions to start from. */
export function CreateSurveyForm({ action, idempotencyKey, classes, template, defaultClosesOn }: Props) {
  const t = useTranslations("surveys.create");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const v = (state.values ?? {}) as { title?: string; closesOn?: string; classIds?: string[]; templateKeys?: string[] };
  const chosenTemplate = v.templateKeys ?? template.map((q) => q.key);
  const summary = Object.entries(errors).map(([name, key]) => ({ field: FIELD_IDS[name], text: tAll(key) }));
  const describe = (name: string, help?: string) => [help, errors[name] ? `s-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) => (errors[name] ? <p id={`s-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null);
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div>
        <label htmlFor="s-title" className="block font-medium">{t("titleLabel")}</label>
        <p id="s-title-help" className="text-sm text-slate-600">{t("titleHelp", { max: TITLE_MAX })}</p>
        <input id="s-title" name="title" lang="nl" dir="auto" defaultValue={v.title ?? t("defaultTitle")} aria-invalid={!!errors.title} aria-describedby={describe("title", "s-title-help")} className={`${field} min-h-11`} />
        {errorText("title")}
      </div>
      <div>
        <label htmlFor="s-closes" className="block font-medium">{t("closesOn")}</label>
        <input id="s-closes" name="closesOn" type="date" defaultValue={v.closesOn ?? defaultClosesOn} aria-invalid={!!errors.closesOn} aria-describedby={describe("closesOn")} className={`${field} min-h-11 max-w-xs`} />
        {errorText("closesOn")}
      </div>
      <fieldset aria-describedby={describe("classIds", "s-classes-help")}>
        <legend className="font-medium">{t("classes")}</legend>
        <p id="s-classes-help" className="text-sm text-slate-600">{t("classesHelp")}</p>
        <div className="mt-1 flex flex-wrap gap-2">
          {classes.map((c, i) => (
            <label key={c.id} className="choice">
              <input id={i === 0 ? "s-classes-first" : undefined} type="checkbox" name="classIds" value={c.id} defaultChecked={v.classIds?.includes(c.id)} className="size-4" />
              {c.name}
            </label>
          ))}
        </div>
        {errorText("classIds")}
      </fieldset>
      <fieldset aria-describedby="s-template-help">
        <legend className="font-medium">{t("template")}</legend>
        <p id="s-template-help" className="text-sm text-slate-600">{t("templateHelp")}</p>
        <div className="mt-1 space-y-1">
          {template.map((q, i) => (
            <label key={q.key} className="flex min-h-11 items-start gap-2">
              <input id={i === 0 ? "s-template-first" : undefined} type="checkbox" name="templateKeys" value={q.key} defaultChecked={chosenTemplate.includes(q.key)} className="mt-1 size-4 shrink-0" />
              <span>{q.text}</span>
            </label>
          ))}
        </div>
        {errorText("templateKeys")}
      </fieldset>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
