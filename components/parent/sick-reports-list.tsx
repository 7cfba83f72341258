"use client";

import { useActionState } from "react";
import type { ReportBetterState } from "@/lib/domain/sick-reports/actions";
import type { SickReportTexts } from "@/lib/domain/sick-reports/display";

type Action = (state: ReportBetterState, formData: FormData) => Promise<ReportBetterState>;

/** One report as the parent sees it, written out on the server. `endLabel`: the button that ends it, null when it has an end. */
export type SickReportLine = { id: string; reason: string; status: string; period: string; note: string | null; reportedBy: string; endLabel: string | null };

type Texts = Pick<SickReportTexts, "currentTitle" | "betterDone" | "errors">;
type Props = { reports: SickReportLine[]; pupilId: string; action: Action; texts: Texts };

/**
 * The child's current and coming reports; an open-ended one can be ended
 * ("report better") or, before it starts, withdrawn. The answer is shown
 * below the list, so it stays when the ended report leaves the list.
 */
export function SickReportsList({ reports, pupilId, action, texts }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.errors?._form;
  if (reports.length === 0 && !state.done && !error) return null;
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
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state.done ? <p role="status" className="mt-2 text-sm font-medium text-brand-700">{texts.betterDone}</p> : null}
      {error ? <p role="alert" className="mt-2 text-sm font-medium text-warn-700">{texts.errors[error] ?? texts.errors["sickReportErrors.invalid"]}</p> : null}
    </div>
  );
}
