import { getTranslations } from "next-intl/server";
import type { YearAssessment } from "@/lib/domain/self-assessment/queries";

/** Earlier school years, read-only: level and change from the year before per domain, with the team's note. */
export async function SelfAssessmentHistory({ years }: { years: YearAssessment[] }) {
  const t = await getTranslations("selfAssessment");
  const change = (c: number | null) =>
    c === null ? t("history.unknown") : c > 0 ? t("history.up", { change: c }) : c < 0 ? t("history.down", { change: -c }) : t("history.same");
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-xl font-semibold">{t("history.heading")}</h2>
      {years.length === 0 ? <p className="mt-2 text-slate-700">{t("history.none")}</p> : null}
      {years.map((year) => (
        <div key={year.schoolYear} className="mt-4 overflow-x-auto">
          <table className="w-full min-w-0 border-collapse text-start">
            <caption className="text-start font-semibold">{t("schoolYear", { year: year.schoolYear })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2 text-start">{t("history.domain")}</th>
                <th scope="col" className="p-2 text-start">{t("history.level")}</th>
                <th scope="col" className="p-2 text-start">{t("history.change")}</th>
                <th scope="col" className="p-2 text-start">{t("history.note")}</th>
              </tr>
            </thead>
            <tbody>
              {year.scores.map((s) => (
                <tr key={s.domain} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-start font-medium">{t(`domains.${s.domain}.name`)}</th>
                  <td className="p-2">{s.level ? t("levelOption", { level: s.level, name: t(`levels.${s.level as 1}`) }) : t("history.noLevel")}</td>
                  <td className="p-2">{change(s.change)}</td>
                  <td className="p-2 whitespace-pre-line" dir="auto">{s.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
