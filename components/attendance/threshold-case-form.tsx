"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { ThresholdCaseFormState, ThresholdCaseFormValues } from "@/lib/domain/attendance/threshold-actions";
import { CASE_NOTE_MAX, THRESHOLD_STATUSES } from "@/lib/domain/attendance/threshold-fields";

type Props = {
  action: (state: ThresholdCaseFormState, formData: FormData) => Promise<ThresholdCaseFormState>;
  pupilId: string;
  pupilName: string;
  defaults: ThresholdCaseFormValues;
  /** `YYYY-MM-DD`: the date picker offers the school year up to today. */
  today: string;
  yearStart: string;
};

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";

/** The attendance officer's status of one pupil. Many on a page: every id is made unique. */
export function ThresholdCaseForm({ action, pupilId, pupilName, defaults: initial, today, yearStart }: Props) {
  const t = useTranslations("attendance.form");
  const tStatus = useTranslations("attendance.status");
  const tAll = useTranslations();
  const id = useId();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  // After a submit, show what was sent (or stored): React resets the form after an action.
  const defaults = state.values ?? initial;
  const ids = { reportedOn: `${id}-reportedOn`, note: `${id}-note` };
  const describe = (name: "reportedOn" | "note" | "status", help: boolean) =>
    [help ? `${id}-${name}-help` : null, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">
        {tAll(errors[name])}
      </p>
    ) : null;

  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="pupilId" value={pupilId} />
      {errors._form ? (
        <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{tAll(errors._form)}</p>
      ) : Object.keys(errors).length ? (
        <p role="alert" className="sr-only">{tAll(Object.values(errors)[0])}</p>
      ) : null}
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-2 text-sm font-medium text-brand-900">{t("saved")}</p> : null}

      <fieldset aria-describedby={describe("status", false)}>
        <legend className="font-medium">{t("statusFor", { name: pupilName })}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {THRESHOLD_STATUSES.map((status) => (
            <label key={status} className="choice">
              <input type="radio" name="status" value={status} defaultChecked={defaults.status === status} className="size-4" />
              {tStatus(status)}
            </label>
          ))}
        </div>
        {errorText("status")}
      </fieldset>

      <div>
        <label htmlFor={ids.reportedOn} className="block font-medium">{t("reportedOn")}</label>
        <p id={`${id}-reportedOn-help`} className="text-sm text-slate-600">{t("reportedOnHelp")}</p>
        <input
          id={ids.reportedOn} name="reportedOn" type="date" min={yearStart} max={today} defaultValue={defaults.reportedOn}
          aria-invalid={!!errors.reportedOn} aria-describedby={describe("reportedOn", true)} className={`${field} sm:w-auto`}
        />
        {errorText("reportedOn")}
      </div>

      <div>
        <label htmlFor={ids.note} className="block font-medium">{t("note")}</label>
        <p id={`${id}-note-help`} className="text-sm text-slate-600">{t("noteHelp", { max: String(CASE_NOTE_MAX) })}</p>
        <textarea
          id={ids.note} name="note" dir="auto" rows={2} maxLength={CASE_NOTE_MAX} defaultValue={defaults.note}
          aria-invalid={!!errors.note} aria-describedby={describe("note", true)} className={`${field} py-2`}
        />
        {errorText("note")}
      </div>

      <button type="submit" disabled={pending} className="min-h-11 w-full rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
