"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SurveyFormState } from "@/lib/domain/surveys/actions";
import { OPEN_ANSWER_MAX } from "@/lib/domain/surveys/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

export type AnswerQuestion = {
  id: string;
  kind: "SCALE_4" | "SCALE_10" | "SINGLE" | "MULTIPLE" | "OPEN";
  text: string;
  lang?: string;
  hint?: string;
  choices: { value: number; label: string; lang?: string }[];
};

type Props = {
  action: (state: SurveyFormState, formData: FormData) => Promise<SurveyFormState>;
  invitationId: string;
  questions: AnswerQuestion[];
};

/** A parent's questionnaire: one fieldset per question; every question may be skipped. */
export function AnswerForm({ action, invitationId, questions }: Props) {
  const t = useTranslations("surveys.parent");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const previous = ((state.values ?? {}) as { answers?: Record<string, string[]> }).answers ?? {};
  const summary = Object.entries(errors).map(([name, key]) => ({ field: name === "_form" ? undefined : `q-${name}`, text: tAll(key) }));
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <p className="text-sm text-slate-700">{t("optional")}</p>
      {questions.map((q, index) => {
        const name = `q:${q.id}`;
        const chosen = previous[q.id] ?? [];
        const error = errors[q.id] ? <p id={`q-${q.id}-error`} className="mt-1 text-sm font-medium text-warn-700">{tAll(errors[q.id])}</p> : null;
        const describedBy = [q.hint ? `q-${q.id}-hint` : null, errors[q.id] ? `q-${q.id}-error` : null].filter(Boolean).join(" ") || undefined;
        const legend = <><span className="me-1">{index + 1}.</span><span lang={q.lang} dir="auto">{q.text}</span></>;
        if (q.kind === "OPEN") {
          return (
            <div key={q.id}>
              <label htmlFor={`q-${q.id}`} className="block font-medium">{legend}</label>
              <textarea id={`q-${q.id}`} name={name} rows={3} maxLength={OPEN_ANSWER_MAX} dir="auto" defaultValue={chosen[0] ?? ""} aria-describedby={describedBy} aria-invalid={!!errors[q.id]} className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2" />
              {error}
            </div>
          );
        }
        const multiple = q.kind === "MULTIPLE";
        const scale = q.kind === "SCALE_4" || q.kind === "SCALE_10";
        return (
          <fieldset key={q.id} aria-describedby={describedBy}>
            <legend className="font-medium">{legend}</legend>
            {q.hint ? <p id={`q-${q.id}-hint`} className="text-sm text-slate-600">{q.hint}</p> : null}
            <div className={scale ? "mt-1 flex flex-wrap gap-2" : "mt-1 space-y-1"}>
              {q.choices.map((c, i) => (
                <label key={c.value} className={scale ? "choice min-w-11 justify-center" : "flex min-h-11 items-center gap-2"}>
                  <input id={i === 0 ? `q-${q.id}` : undefined} type={multiple ? "checkbox" : "radio"} name={name} value={String(c.value)} defaultChecked={chosen.includes(String(c.value))} className="size-4 shrink-0" />
                  <span lang={c.lang}>{c.label}</span>
                </label>
              ))}
            </div>
            {error}
          </fieldset>
        );
      })}
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
