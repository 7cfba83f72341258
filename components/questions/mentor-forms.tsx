"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { QuestionFormState } from "@/lib/domain/questions/actions";
import { ANSWER_MAX, NOTE_MAX } from "@/lib/domain/questions/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Action = (state: QuestionFormState, formData: FormData) => Promise<QuestionFormState>;
const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";
const button = "min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto";

function useForm(action: Action) {
  const t = useTranslations("questionMentor");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  return { t, tAll, state, formAction, pending, errors: state.errors ?? {} };
}

/** The mentor's answer, shown to the asking guardian in the portal. */
export function AnswerForm({ action, questionId }: { action: Action; questionId: string }) {
  const { t, tAll, state, formAction, pending, errors } = useForm(action);
  const summary = Object.entries(errors).map(([name, key]) => ({ field: name === "answer" ? "q-answer" : undefined, text: tAll(key) }));
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-3">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="questionId" value={questionId} />
      <div>
        <label htmlFor="q-answer" className="block font-medium">{t("answer")}</label>
        <p id="q-answer-help" className="text-sm text-slate-600">{t("answerHelp", { max: ANSWER_MAX })}</p>
        <textarea
          id="q-answer" name="answer" rows={6} dir="auto" defaultValue={state.values?.answer ?? ""}
          aria-invalid={!!errors.answer} aria-describedby={["q-answer-help", errors.answer ? "q-answer-error" : null].filter(Boolean).join(" ")} className={field}
        />
        {errors.answer ? <p id="q-answer-error" className="mt-1 text-sm font-medium text-warn-700">{tAll(errors.answer)}</p> : null}
      </div>
      <button type="submit" disabled={pending} className={button}>{pending ? t("sending") : t("sendAnswer")}</button>
    </form>
  );
}

/** The mentor's own note: never shown to the guardian. */
export function NoteForm({ action, questionId, current }: { action: Action; questionId: string; current: string | null }) {
  const { t, tAll, state, formAction, pending, errors } = useForm(action);
  const summary = Object.entries(errors).map(([name, key]) => ({ field: name === "internalNote" ? "q-note" : undefined, text: tAll(key) }));
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-3">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-2 font-medium text-brand-900">{t("noteSaved")}</p> : null}
      <input type="hidden" name="questionId" value={questionId} />
      <div>
        <label htmlFor="q-note" className="block font-medium">{t("note")}</label>
        <p id="q-note-help" className="text-sm text-slate-600">{t("noteHelp", { max: NOTE_MAX })}</p>
        <textarea
          id="q-note" name="internalNote" rows={3} dir="auto" defaultValue={state.values?.internalNote ?? current ?? ""}
          aria-invalid={!!errors.internalNote} aria-describedby={["q-note-help", errors.internalNote ? "q-note-error" : null].filter(Boolean).join(" ")} className={field}
        />
        {errors.internalNote ? <p id="q-note-error" className="mt-1 text-sm font-medium text-warn-700">{tAll(errors.internalNote)}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg border border-brand-600 bg-white px-5 font-semibold text-brand-700 disabled:opacity-70 sm:w-auto">
        {t("saveNote")}
      </button>
    </form>
  );
}

/** "Called back — done": one click logs the phone call as a contact moment. */
export function CalledBackForm({ action, questionId }: { action: Action; questionId: string }) {
  const { t, tAll, state, formAction, pending, errors } = useForm(action);
  const summary = Object.values(errors).map((key) => ({ text: tAll(key) }));
  return (
    <form action={formAction} className="space-y-3">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="questionId" value={questionId} />
      <p id="q-done-help" className="text-sm text-slate-700">{t("calledBackHelp")}</p>
      <button type="submit" disabled={pending} aria-describedby="q-done-help" className={button}>{t("calledBack")}</button>
    </form>
  );
}
