import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ThresholdPupil } from "@/lib/domain/attendance/threshold-queries";
import type { ThresholdCaseFormState } from "@/lib/domain/attendance/threshold-actions";
import { ThresholdCaseForm } from "@/components/attendance/threshold-case-form";

type Props = {
  rows: ThresholdPupil[];
  /** Link each name to the pupil's absence page (only for who may register absence). */
  linkPupils: boolean;
  /** Set for the attendance officer: each pupil gets the status form. */
  form: { action: (state: ThresholdCaseFormState, formData: FormData) => Promise<ThresholdCaseFormState>; today: string; yearStart: string } | null;
};

const iso = (day: Date | null) => day?.toISOString().slice(0, 10) ?? "";

async function CaseStatus({ row }: { row: ThresholdPupil }) {
  const [t, format] = await Promise.all([getTranslations("attendance"), getFormatter()]);
  const kase = row.case;
  // Over the threshold without a status yet means: still to report.
  const status = kase?.status ?? (row.state === "over" ? "TO_REPORT" : null);
  const style =
    status === "TO_REPORT" ? "border-warn-700 bg-warn-50 text-warn-700" : status ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-700";
  const icon = status === "TO_REPORT" ? "!" : status === "REPORTED" ? "✓" : status === "NOT_REQUIRED" ? "–" : "○";
  return (
    <div className="space-y-1">
      <p className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-semibold ${style}`}>
        <span aria-hidden="true">{icon}</span>
        {status === "REPORTED" && kase?.reportedOn
          ? t("statusReportedOn", { date: format.dateTime(kase.reportedOn, "full") })
          : status
            ? t(`status.${status}`)
            : t("statusNone")}
      </p>
      {kase?.note ? (
        <p className="text-sm">
          <span className="font-medium">{kase.status === "NOT_REQUIRED" ? t("reason") : t("note")}</span>{" "}
          <span dir="auto">{kase.note}</span>
        </p>
      ) : null}
      {kase ? <p className="text-xs text-slate-600">{t("updatedBy", { name: kase.updatedBy, date: format.dateTime(kase.updatedAt, "full") })}</p> : null}
    </div>
  );
}

/** One card per pupil (not a table): every card carries a form, and cards reflow down to 320 px. */
export async function ThresholdList({ rows, form, linkPupils }: Props) {
  const [t, format] = await Promise.all([getTranslations("attendance"), getFormatter()]);
  return (
    <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
      {rows.map((row) => (
        <li key={row.pupilId} className={`min-w-0 rounded-xl border bg-white p-4 ${row.state === "over" ? "border-warn-700" : "border-slate-200"}`}>
          <article aria-labelledby={`pupil-${row.pupilId}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <h3 id={`pupil-${row.pupilId}`} className="text-lg font-semibold" dir="auto">
                {linkPupils ? <Link href={`/attendance/pupils/${row.pupilId}`} className="text-brand-700 underline">{row.name}</Link> : row.name}
              </h3>
              <p className="text-2xl font-semibold tabular-nums">{t("hours", { hours: format.number(row.hours, "hours") })}</p>
            </div>
            <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
              <dt className="text-slate-600">{t("class")}</dt>
              <dd>{row.className}</dd>
              <dt className="text-slate-600">{t("mentor")}</dt>
              <dd dir="auto">{row.mentors.length ? row.mentors.join(", ") : t("noMentor")}</dd>
              <dt className="text-slate-600">{t("window")}</dt>
              <dd>{t("windowRange", { from: format.dateTime(row.windowStart, "dayMonth"), to: format.dateTime(row.windowEnd, "dayMonth") })}</dd>
            </dl>
            <div className="mt-3"><CaseStatus row={row} /></div>
            {form ? (
              <details className="mt-3 rounded-lg border border-slate-200 p-3">
                <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("changeStatus")}</summary>
                <div className="mt-2">
                  <ThresholdCaseForm
                    action={form.action}
                    pupilId={row.pupilId}
                    pupilName={row.name}
                    today={form.today}
                    yearStart={form.yearStart}
                    defaults={{ status: row.case?.status ?? (row.state === "over" ? "TO_REPORT" : ""), reportedOn: iso(row.case?.reportedOn ?? null), note: row.case?.note ?? "" }}
                  />
                </div>
              </details>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
