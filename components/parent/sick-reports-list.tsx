"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ReportBetterState } from "@/lib/domain/sick-reports/actions";
import type { ParentSickReport } from "@/lib/domain/sick-reports/queries";
import { REPORT_DAY } from "@/lib/domain/sick-reports/display";

type Action = (state: ReportBetterState, formData: FormData) => Promise<ReportBetterState>;
type Props = { reports: ParentSickReport[]; pupilId: string; childName: string; action: Action };

/** The child's current and coming reports; an open-ended one can be ended ("report better") or, before it starts, withdrawn. */
export function SickReportsList({ reports, pupilId, childName, action }: Props) {
  const t = useTranslations("sickReport");
  if (reports.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">{t("currentTitle")}</h3>
      <ul className="mt-2 space-y-2">
        {reports.map((report) => (
          <SickReportItem key={report.id} report={report} pupilId={pupilId} childName={childName} action={action} />
        ))}
      </ul>
    </div>
  );
}

function SickReportItem({ report, pupilId, childName, action }: { report: ParentSickReport; pupilId: string; childName: string; action: Action }) {
  const t = useTranslations("sickReport");
  const tAll = useTranslations();
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(action, {});
  const day = (date: Date) => format.dateTime(date, REPORT_DAY);
  const upcoming = report.status === "UPCOMING";
  const error = state.errors?._form;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="font-medium">
        {t(`reasons.${report.reason}`)}
        <span className="ms-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-700">{t(`status.${report.status}`)}</span>
      </p>
      <p>
        {report.endsOn === null
          ? t("period.untilBetter", { from: day(report.startsOn) })
          : report.endsOn.getTime() === report.startsOn.getTime()
            ? t("period.day", { date: day(report.startsOn) })
            : t("period.range", { from: day(report.startsOn), to: day(report.endsOn) })}
      </p>
      {report.note ? <p dir="auto" className="text-sm text-slate-700">{report.note}</p> : null}
      <p className="text-sm text-slate-600">{t("reportedBy", { name: report.reportedBy, date: format.dateTime(report.createdAt, "short") })}</p>
      {report.endsOn === null ? (
        <form action={formAction} className="mt-2">
          <input type="hidden" name="reportId" value={report.id} />
          <input type="hidden" name="pupilId" value={pupilId} />
          <button
            type="submit"
            disabled={pending}
            className="min-h-11 w-full rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-70"
          >
            {upcoming ? t("withdraw") : report.reason === "SICK" ? t("reportBetter", { name: childName }) : t("backToSchool", { name: childName })}
          </button>
        </form>
      ) : null}
      {state.done ? <p role="status" className="mt-1 text-sm text-brand-700">{t("betterDone")}</p> : null}
      {error ? <p role="alert" className="mt-1 text-sm font-medium text-warn-700">{tAll(error)}</p> : null}
    </li>
  );
}
