import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MentorSickReport } from "@/lib/domain/sick-reports/queries";
import { REPORT_DAY } from "@/lib/domain/sick-reports/display";

const badge: Record<MentorSickReport["status"], string> = {
  ACTIVE: "bg-warn-50 text-warn-700",
  UPCOMING: "bg-brand-50 text-brand-900",
  ENDED: "bg-slate-100 text-slate-700",
  CANCELLED: "bg-slate-100 text-slate-700 line-through",
};

/** Guardians' sick and absence reports for the mentor's classes: today, coming, and made this past week. */
export async function SickReportList({ reports }: { reports: MentorSickReport[] }) {
  const [t, format] = await Promise.all([getTranslations("sickReport"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, REPORT_DAY);
  // Current and coming reports first; those that ended or were withdrawn this past week fold away (a phone keeps the pupil list close).
  const current = reports.filter((r) => r.status === "ACTIVE" || r.status === "UPCOMING");
  const earlier = reports.filter((r) => r.status === "ENDED" || r.status === "CANCELLED");
  const list = (items: MentorSickReport[]) => (
    <ul className="mt-2 divide-y divide-slate-100">
      {items.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
          <div className="min-w-0">
            <Link href={`/mentor/pupils/${r.pupilId}`} className="font-medium text-brand-700 underline">{r.pupilName}</Link>
            <span className="ms-2 text-sm text-slate-600">{r.className}</span>
            <p>
              <span className="font-medium">{t(`reasons.${r.reason}`)}</span>
              {" · "}
              {r.status === "CANCELLED"
                ? t("period.withdrawn", { from: day(r.startsOn) })
                : r.endsOn === null
                  ? t("period.untilBetter", { from: day(r.startsOn) })
                  : r.endsOn.getTime() === r.startsOn.getTime()
                    ? t("period.day", { date: day(r.startsOn) })
                    : t("period.range", { from: day(r.startsOn), to: day(r.endsOn) })}
            </p>
            {r.note ? <p dir="auto" className="text-sm text-slate-700">{r.note}</p> : null}
            <p className="text-sm text-slate-600">
              {t("mentor.reportedAt", { name: r.reportedBy, when: format.dateTime(r.createdAt, "weekdayTime"), date: format.dateTime(r.createdAt, "short") })}
            </p>
          </div>
          <span className={`self-start rounded px-2 py-0.5 text-sm ${badge[r.status]}`}>{t(`status.${r.status}`)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="sick-reports-heading" className="min-w-0 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="sick-reports-heading" className="text-lg font-semibold">{t("mentor.title")}</h2>
      <p className="text-sm text-slate-600">{t("mentor.intro")}</p>
      {current.length ? list(current) : null}
      {earlier.length ? (
        <details className="mt-2">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("mentor.earlier", { count: earlier.length })}</summary>
          {list(earlier)}
        </details>
      ) : null}
      {reports.length ? null : (
        <p className="mt-2 text-sm">{t("mentor.none")}</p>
      )}
    </section>
  );
}
