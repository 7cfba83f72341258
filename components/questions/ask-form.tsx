"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { QuestionFormState } from "@/lib/domain/questions/actions";
import { CALL_TIMES, CALL_TIMES_NOTE_MAX, QUESTION_MAX } from "@/lib/domain/questions/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: QuestionFormState, formData: FormData) => Promise<QuestionFormState>;
  pupilId: string;
  firstName: string;
  idempotencyKey: string;
  initialKind: "QUESTION" | "CALL_BACK";
  /** [code, name in the reader's language], named on the server. */
  languages: [string, string][];
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";
const FIELD_IDS: Record<string, string> = { kind: "kind-QUESTION", body: "q-body", callTimes: "call-MORNING", callTimesNote: "q-call-note", languageWanted: "q-language" };

/** Ask the mentor a question, or to be called back (plain text; the times and another language are optional). */
export function AskForm({ action, pupilId, firstName, idempotencyKey, initialKind, languages }: Props) {
  const t = useTranslations("questionAsk");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const values = state.values ?? { kind: initialKind, body: "", callTimes: [], callTimesNote: "", languageWanted: "" };
  const kind = values.kind === "CALL_BACK" ? "CALL_BACK" : "QUESTION";
  const summary = Object.entries(errors).map(([name, key]) => ({ field: FIELD_IDS[name], text: tAll(key) }));
  const describe = (name: string, help?: string) => [help, errors[name] ? `q-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) => (errors[name] ? <p id={`q-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null);
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="group space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="pupilId" value={pupilId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset aria-describedby={describe("kind")}>
        <legend className="font-medium">{t("kindLegend")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(["QUESTION", "CALL_BACK"] as const).map((k) => (
            <label key={k} className="choice">
              <input id={`kind-${k}`} type="radio" name="kind" value={k} defaultChecked={kind === k} className="size-4" />
              {t(`kind_${k}`)}
            </label>
          ))}
        </div>
        {errorText("kind")}
      </fieldset>
      <div>
        <label htmlFor="q-body" className="block font-medium">{t("body")}</label>
        <p id="q-body-help" className="text-sm text-slate-600">{t("bodyHelp", { name: firstName, max: QUESTION_MAX })}</p>
        <textarea
          id="q-body" name="body" rows={5} dir="auto" defaultValue={values.body}
          aria-invalid={!!errors.body} aria-describedby={describe("body", "q-body-help")} className={field}
        />
        {errorText("body")}
      </div>
      {/* Only for a call back (CSS only, so the form works without JavaScript). */}
      <div className="space-y-4 group-has-[#kind-QUESTION:checked]:hidden">
        <fieldset aria-describedby={describe("callTimes", "q-call-help")}>
          <legend className="font-medium">{t("callTimesLegend")}</legend>
          <p id="q-call-help" className="text-sm text-slate-600">{t("callTimesHelp")}</p>
          <div className="mt-1 flex flex-wrap gap-2">
            {CALL_TIMES.map((time) => (
              <label key={time} className="choice">
                <input id={`call-${time}`} type="checkbox" name="callTimes" value={time} defaultChecked={values.callTimes.includes(time)} className="size-4" />
                {t(`time_${time}`)}
              </label>
            ))}
          </div>
          {errorText("callTimes")}
        </fieldset>
        <div>
          <label htmlFor="q-call-note" className="block font-medium">{t("callTimesNote")}</label>
          <input
            id="q-call-note" name="callTimesNote" dir="auto" maxLength={CALL_TIMES_NOTE_MAX} defaultValue={values.callTimesNote}
            aria-invalid={!!errors.callTimesNote} aria-describedby={describe("callTimesNote")} className={`${field} min-h-11`}
          />
          {errorText("callTimesNote")}
        </div>
      </div>
      <div>
        <label htmlFor="q-language" className="block font-medium">{t("language")}</label>
        <p id="q-language-help" className="text-sm text-slate-600">{t("languageHelp")}</p>
        <select
          id="q-language" name="languageWanted" defaultValue={values.languageWanted}
          aria-invalid={!!errors.languageWanted} aria-describedby={describe("languageWanted", "q-language-help")} className={`${field} min-h-11`}
        >
          <option value="">{t("languageNone")}</option>
          {languages.map(([code, name]) => (
            <option key={code} value={code}>{name}</option>
          ))}
        </select>
        {errorText("languageWanted")}
      </div>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
