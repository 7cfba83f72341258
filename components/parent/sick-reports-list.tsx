"use client";

import { useActionState } from "react";
import type { ChangeSickReportState, ReportBetterState } from "@/lib/domain/sick-reports/actions";
import type { SickReportTexts } from "@/lib/domain/sick-reports/display";
import { ErrorSummary } from "@/components/ui/error-summary";

type Action = (state: ReportBetterState, formData: FormData) => Promise<ReportBetterState>;
type ChangeAction = (state: ChangeSickReportState, formData: FormData) => Promise<ChangeSickReportState>;

/**
 * What the guardian who made a report with an end may still change (days as `YYYY-MM-DD`):
 * withdraw it, and/or make it shorter — the end between `minEnd` and `to`, the start
 * (when `moveStart`) between `from` and `to`.
 */
export type SickReportChange = { withdraw: boolean; shorten: boolean; moveStart: boolean; from: string; to: string; minEnd: string };

/** One report as the parent sees it, written out on the server. `endLabel`: the button that ends it, null when it has an end. */
export type SickReportLine = {
  id: string; reason: string; status: string; period: string; note: string | null; reportedBy: string; endLabel: string | null;
  change: SickReportChange | null;
  /** For another guardian's report that could still change: who can change it. */
  onlyReporter: string | null;
};

type Texts = Pick<SickReportTexts, "currentTitle" | "betterDone" | "errors" | "from" | "to" | "change">;
type Props = { reports: SickReportLine[]; pupilId: string; action: Action; changeAction: ChangeAction; texts: Texts };

/**
 * The child's current and coming reports; an open-ended one can be ended
 * ("report better") or, before it starts, withdrawn; one with an end can be
 * withdrawn or shortened by the guardian who made it. The answer is shown
 * below the list, so it stays when the report leaves the list.
 */
export function SickReportsList({ reports, pupilId, action, changeAction, texts }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [changed, changeFormAction, changing] = useActionState(changeAction, {});
  const error = state.errors?._form;
  if (reports.length === 0 && !state.done && !error && !changed.done && !changed.errors) return null;
  const errorText = (key: string) => texts.errors[key] ?? texts.errors["sickReportErrors.invalid"];
  return (
    <div>
      {reports.length ? (
        <>
          <h3 className="font-semibold">{texts.currentTitle}</h3>
          <ul className="mt-2 space-y-2">
            {reports.map((report) => (
              <li key={report.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className="font-medium">
                  {report.reason}
                  <span className="ms-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-700">{report.status}</span>
                </p>
                <p>{report.period}</p>
                {report.note ? <p dir="auto" className="text-sm text-slate-700">{report.note}</p> : null}
                <p className="text-sm text-slate-600">{report.reportedBy}</p>
                {report.endLabel ? (
                  <form action={formAction} className="mt-2">
                    <input type="hidden" name="reportId" value={report.id} />
                    <input type="hidden" name="pupilId" value={pupilId} />
                    <button
                      type="submit"
                      disabled={pending}
                      className="min-h-11 w-full rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-70"
                    >
                      {report.endLabel}
                    </button>
                  </form>
                ) : null}
                {report.change ? (
                  <ChangeForms
                    report={report.id} change={report.change} pupilId={pupilId} texts={texts} errorText={errorText}
                    state={changed.reportId === report.id ? changed : {}} action={changeFormAction} pending={changing}
                  />
                ) : report.onlyReporter ? (
                  <p className="mt-2 text-sm text-slate-700">{report.onlyReporter}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state.done ? <p role="status" className="mt-2 text-sm font-medium text-brand-700">{texts.betterDone}</p> : null}
      {changed.done ? (
        <p role="status" className="mt-2 text-sm font-medium text-brand-700">{changed.done === "withdrawn" ? texts.change.withdrawn : texts.change.shortened}</p>
      ) : null}
      {error ? <p role="alert" className="mt-2 text-sm font-medium text-warn-700">{errorText(error)}</p> : null}
      {/* A refusal about a report that is no longer listed (withdrawn in another tab). */}
      {changed.errors && !reports.some((r) => r.id === changed.reportId) ? (
        <p role="alert" className="mt-2 text-sm font-medium text-warn-700">{errorText(Object.values(changed.errors)[0])}</p>
      ) : null}
    </div>
  );
}

type ChangeProps = {
  report: string; change: SickReportChange; pupilId: string; texts: Texts; errorText: (key: string) => string;
  state: ChangeSickReportState; action: (formData: FormData) => void; pending: boolean;
};

const dateField = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";

/** "Withdraw or shorten", closed at first so the list stays short; open while its errors need fixing. */
function ChangeForms({ report, change, pupilId, texts, errorText, state, action, pending }: ChangeProps) {
  const errors = state.errors ?? {};
  const ids = { from: `sr-change-${report}-from`, to: `sr-change-${report}-to` };
  const values = state.values && state.errors ? state.values : { from: change.from, to: change.to };
  const summary = Object.entries(errors).map(([field, key]) => ({ field: field in ids ? ids[field as keyof typeof ids] : undefined, text: errorText(key) }));
  const describe = (field: "from" | "to") => (errors[field] ? `${ids[field]}-error` : undefined);
  return (
    <details className="mt-2 rounded-lg border border-slate-300" open={summary.length ? true : undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium text-brand-700">{texts.change.summary}</summary>
      <div className="space-y-4 border-t border-slate-200 p-3">
        <ErrorSummary title={texts.change.fixErrors} errors={summary} attempt={state.attempt} />
        {change.shorten ? (
          <form key={state.attempt ?? 0} action={action} className="space-y-3" noValidate>
            <input type="hidden" name="reportId" value={report} />
            <input type="hidden" name="pupilId" value={pupilId} />
            <input type="hidden" name="change" value="SHORTEN" />
            <p className="text-sm text-slate-700">{texts.change.shortenHelp}</p>
            <div className="grid grid-cols-1 gap-3">
              {change.moveStart ? (
                <div>
                  <label htmlFor={ids.from} className="block font-medium">{texts.from}</label>
                  <input
                    id={ids.from} name="from" type="date" min={change.from} max={change.to} defaultValue={values.from}
                    aria-invalid={!!errors.from} aria-describedby={describe("from")} className={dateField}
                  />
                  {errors.from ? <p id={`${ids.from}-error`} className="mt-1 text-sm font-medium text-warn-700">{errorText(errors.from)}</p> : null}
                </div>
              ) : null}
              <div>
                <label htmlFor={ids.to} className="block font-medium">{texts.to}</label>
                <input
                  id={ids.to} name="to" type="date" min={change.minEnd} max={change.to} defaultValue={values.to}
                  aria-invalid={!!errors.to} aria-describedby={describe("to")} className={dateField}
                />
                {errors.to ? <p id={`${ids.to}-error`} className="mt-1 text-sm font-medium text-warn-700">{errorText(errors.to)}</p> : null}
              </div>
            </div>
            <button type="submit" disabled={pending} className="min-h-11 w-full rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
              {texts.change.shorten}
            </button>
          </form>
        ) : null}
        {change.withdraw ? (
          <form action={action} className="space-y-2">
            <input type="hidden" name="reportId" value={report} />
            <input type="hidden" name="pupilId" value={pupilId} />
            <input type="hidden" name="change" value="WITHDRAW" />
            <p className="text-sm text-slate-700">{texts.change.withdrawHelp}</p>
            <button
              type="submit" disabled={pending}
              className="min-h-11 w-full rounded-lg border border-warn-700 px-4 font-medium text-warn-700 hover:bg-warn-50 disabled:opacity-70"
            >
              {texts.change.withdraw}
            </button>
          </form>
        ) : null}
      </div>
    </details>
  );
}
