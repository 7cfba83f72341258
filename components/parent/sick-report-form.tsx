"use client";

import { useActionState } from "react";
import type { SickReportFormState, SickReportFormValues } from "@/lib/domain/sick-reports/actions";
import type { SickReportPanel } from "@/lib/domain/sick-reports/queries";
// Only the dependency-free modules: rules.ts and schemas.ts would bring date-fns and zod into the browser.
import { NOTE_MAX, SICK_REPORT_REASONS } from "@/lib/domain/sick-reports/fields";
import { SAVED_DAY, SAVED_FROM, SAVED_TO, dayOf, reportDayFormat, type SickReportTexts } from "@/lib/domain/sick-reports/display";

type Props = {
  action: (state: SickReportFormState, formData: FormData) => Promise<SickReportFormState>;
  pupilId: string;
  idempotencyKey: string;
  rules: SickReportPanel["rules"];
  school: SickReportPanel["school"];
  /** Translated on the server: no translation library in the browser. */
  texts: SickReportTexts;
};

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";
const choice = "choice py-2 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60";
// The date fields hide for the modes that do not use them (CSS only, so the
// form works without JavaScript; browsers without :has() show every field).
const MODE_IDS = { TODAY: "sr-mode-today", UNTIL_BETTER: "sr-mode-until-better", RANGE: "sr-mode-range" } as const;

export function SickReportForm({ action, pupilId, idempotencyKey, rules, school, texts }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const todayOpen = rules.todayIsSchoolDay && rules.todayAllowed;
  const initial: SickReportFormValues = { mode: "UNTIL_BETTER", reason: "SICK", from: rules.firstDay, to: "", note: "" };
  const values = state.values ?? initial;
  const day = (iso: string) => reportDayFormat(texts.locale).format(dayOf(iso));
  const errorMessage = (key: string) => texts.errors[key] ?? texts.errors["sickReportErrors.invalid"];
  const describe = (name: string, ...help: string[]) => [...help, errors[name] ? `sr-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`sr-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">
        {errorMessage(errors[name])}
      </p>
    ) : null;

  return (
    <div className="space-y-3">
      {state.saved ? (
        <div role="status" className="rounded-lg border border-brand-600 bg-white p-3">
          <p className="font-medium text-brand-900">
            {state.saved.to === null
              ? texts.saved.untilBetter.replace(SAVED_FROM, day(state.saved.from))
              : state.saved.to === state.saved.from
                ? texts.saved.day.replace(SAVED_DAY, day(state.saved.from))
                : texts.saved.range.replace(SAVED_FROM, day(state.saved.from)).replace(SAVED_TO, day(state.saved.to))}
          </p>
          <p className="text-sm">{texts.savedSeen}</p>
        </div>
      ) : null}

      {/* Closed at first, so on a phone the page stays short; open while there are errors to fix, closed after a report is sent. */}
      <details className="group/new rounded-lg border border-brand-600" open={state.saved ? false : state.attempt ? true : undefined}>
        <summary className="flex min-h-12 cursor-pointer items-center rounded-lg bg-brand-600 px-4 font-semibold text-white group-open/new:rounded-b-none">
          {state.saved ? texts.anotherReport : texts.newReport}
        </summary>
      <form key={state.attempt ?? 0} action={formAction} className="group space-y-4 p-3" noValidate>
        <input type="hidden" name="pupilId" value={pupilId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {errors._form ? (
          <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{errorMessage(errors._form)}</p>
        ) : Object.keys(errors).length ? (
          <p role="alert" className="sr-only">{errorMessage(Object.values(errors)[0])}</p>
        ) : null}

        <fieldset aria-describedby={describe("mode")}>
          <legend className="font-medium">{texts.modeLegend}</legend>
          <div className="mt-1 space-y-2">
            <label className={choice}>
              <input
                id={MODE_IDS.TODAY} type="radio" name="mode" value="TODAY" className="size-4 shrink-0" disabled={!todayOpen}
                defaultChecked={todayOpen && values.mode === "TODAY"} aria-describedby={todayOpen ? undefined : "sr-today-closed"}
              />
              {texts.modes.TODAY}
            </label>
            {todayOpen ? null : (
              <p id="sr-today-closed" className="text-sm text-slate-700">
                {texts.todayClosed}
              </p>
            )}
            {(["UNTIL_BETTER", "RANGE"] as const).map((mode) => (
              <label key={mode} className={choice}>
                <input id={MODE_IDS[mode]} type="radio" name="mode" value={mode} className="size-4 shrink-0" defaultChecked={values.mode === mode} />
                {texts.modes[mode]}
              </label>
            ))}
          </div>
          {errorText("mode")}
        </fieldset>

        <div className="grid grid-cols-1 gap-3 group-has-[#sr-mode-today:checked]:hidden">
          <div>
            <label htmlFor="sr-from" className="block font-medium">{texts.from}</label>
            <input
              id="sr-from" name="from" type="date" min={rules.firstDay} max={rules.latestDay} defaultValue={values.from}
              aria-invalid={!!errors.from} aria-describedby={describe("from", "sr-dates-help")} className={field}
            />
            {errorText("from")}
          </div>
          <div className="group-has-[#sr-mode-until-better:checked]:hidden">
            <label htmlFor="sr-to" className="block font-medium">{texts.to}</label>
            <input
              id="sr-to" name="to" type="date" min={rules.firstDay} max={rules.latestDay} defaultValue={values.to}
              aria-invalid={!!errors.to} aria-describedby={describe("to", "sr-dates-help")} className={field}
            />
            {errorText("to")}
          </div>
          <p id="sr-dates-help" className="text-sm text-slate-600">{texts.datesHelp}</p>
        </div>

        <fieldset aria-describedby={describe("reason")}>
          <legend className="font-medium">{texts.reasonLegend}</legend>
          <div className="mt-1 space-y-2">
            {SICK_REPORT_REASONS.map((reason) => (
              <label key={reason} className={choice}>
                <input type="radio" name="reason" value={reason} className="size-4 shrink-0" defaultChecked={values.reason === reason} />
                {texts.reasons[reason]}
              </label>
            ))}
          </div>
          {errorText("reason")}
        </fieldset>

        <div>
          <label htmlFor="sr-note" className="block font-medium">{texts.note}</label>
          <p id="sr-note-help" className="text-sm text-slate-600">{texts.noteHelp}</p>
          <textarea
            id="sr-note" dir="auto" name="note" rows={2} maxLength={NOTE_MAX} defaultValue={values.note}
            aria-invalid={!!errors.note} aria-describedby={describe("note", "sr-note-help")} className={`${field} py-2`}
          />
          {errorText("note")}
        </div>

        <section aria-labelledby="sr-rules-heading" className="rounded-lg bg-slate-100 p-3 text-sm">
          <h3 id="sr-rules-heading" className="font-semibold">{texts.rulesTitle}</h3>
          <ul className="mt-1 list-disc space-y-1 ps-5">
            {texts.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
            {texts.phoneRule ? (
              <li>
                {texts.phoneRule[0]}
                <a href={`tel:${(school.phone ?? "").replace(/[^+\d]/g, "")}`} dir="ltr" className="whitespace-nowrap font-medium text-brand-700 underline">
                  {texts.phoneRule[1]}
                </a>
                {texts.phoneRule[2]}
              </li>
            ) : null}
          </ul>
        </section>

        <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
          {pending ? texts.sending : texts.submit}
        </button>
      </form>
      </details>
    </div>
  );
}
