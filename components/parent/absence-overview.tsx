import { getLocale } from "next-intl/server";
import { dateFormat, numberFormat } from "@/lib/i18n/fast-format";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { ABSENCE_KINDS, groupByDay, type AbsenceTotals } from "@/lib/domain/attendance/totals";
import type { ChildDetail } from "@/lib/domain/pupils/queries";
import { Explained, schoolWordsFor } from "@/components/school-words/words";

type Props = { totals: ChildDetail["totals"]; term: number | null; absences: ChildDetail["absences"]; childName: string };

/** The records carry the pupil's own reason only where the guardian may see it (the child page's statement leaves it out otherwise). */
export async function AbsenceOverview({ totals, term, absences, childName }: Props) {
  const locale = await getLocale();
  const [t, tKinds, tRights, tWords] = await Promise.all([
    fastTranslations(locale, "child"), fastTranslations(locale, "absenceKinds"), fastTranslations(locale, "childRights"), schoolWordsFor(locale),
  ]);
  const format = { number: (value: number, name: "integer" | "hours") => numberFormat(locale, name).format(value) };
  const dayMonth = dateFormat(locale, "dayMonth");
  // One line per day and kind: a sick day is one line, not eight lessons.
  const days = groupByDay(absences);
  const duration = (minutes: number, kind: string) =>
    kind === "LATE" ? t("minutes", { minutes: format.number(minutes, "integer") }) : t("hours", { hours: format.number(minutes / 60, "hours") });
  const totalsTable = (caption: string, data: AbsenceTotals) => (
    <table className="w-full text-sm">
      <caption className="mb-1 text-start font-semibold">{caption}</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="py-1 pe-2 text-start font-medium">{t("kind")}</th>
          <th scope="col" className="py-1 pe-2 text-end font-medium">{t("times")}</th>
          <th scope="col" className="py-1 text-end font-medium">{t("duration")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {ABSENCE_KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row" className="py-2 pe-2 text-start font-normal">
              <Explained word={tKinds(kind)} group="absenceKinds" value={kind} t={tWords} inHeader />
            </th>
            <td className="py-2 pe-2 text-end tabular-nums">{format.number(data[kind].count, "integer")}</td>
            <td className="py-2 text-end tabular-nums">{duration(data[kind].minutes, kind)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-2 sm:p-4">
        {totalsTable(term ? t("thisTerm", { term }) : t("thisTermNone"), totals.term)}
        {totalsTable(t("thisYear"), totals.year)}
      </div>
      {absences.length ? (
        <details className="rounded-xl border border-slate-200 bg-white">
          <summary className="flex min-h-12 cursor-pointer items-center p-3 font-semibold sm:p-4">
            {t("absenceList")} ({format.number(days.length, "integer")})
          </summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-100 px-3 sm:px-4">
            {days.map((a) => (
              <li key={`${a.date.toISOString()}-${a.kind}`} className="flex flex-wrap justify-between gap-x-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{dayMonth.format(a.date)}</span>
                  {" · "}
                  {a.wholeDay ? t("wholeDay") : t("lessonCount", { count: a.lessons })}
                  {a.reason ? <span dir="auto" lang="nl" className="block text-slate-600">{a.reason}</span> : null}
                  {a.pupilReasons?.map((reason) => (
                    <span key={reason} dir="auto" className="block text-slate-600">{tRights("pupilReason", { name: childName, reason })}</span>
                  ))}
                </span>
                <span className={a.kind === "UNAUTHORISED" ? "font-semibold text-warn-700" : ""}>
                  {tKinds(a.kind)} · {duration(a.minutes, a.kind)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="text-slate-600">{t("noAbsence")}</p>
      )}
    </div>
  );
}
