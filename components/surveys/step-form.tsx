"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SurveyFormState } from "@/lib/domain/surveys/actions";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: SurveyFormState, formData: FormData) => Promise<SurveyFormState>;
  surveyId: string;
  step: "send" | "remind" | "close" | "indicator" | "removeQuestion";
  label: string;
  /** For "removeQuestion": which one; its accessible name says which. */
  questionId?: string;
  ariaLabel?: string;
  primary?: boolean;
};

/** One button of a survey's page (send, remind, close, carry over, remove a question), with its error summary when refused. */
export function StepForm({ action, surveyId, step, label, questionId, ariaLabel, primary }: Props) {
  const t = useTranslations("surveys.detail");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const summary = Object.values(state.errors ?? {}).map((key) => ({ text: tAll(key) }));
  return (
    <form action={formAction} className="space-y-2">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="step" value={step} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <button
        type="submit" disabled={pending} aria-label={ariaLabel}
        className={primary
          ? "min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
          : "min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-medium hover:bg-slate-50 disabled:opacity-70"}
      >
        {label}
      </button>
    </form>
  );
}
