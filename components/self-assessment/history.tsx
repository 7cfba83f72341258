import { getTranslations } from "next-intl/server";
import type { YearAssessment } from "@/lib/domain/self-assessment/queries";

/**
 * Earlier school years, read-only: per domain the level, the change from the
 * year before and the team's note. A list rather than a table, so it reads at
 * 320 px without scrolling sideways.
 */
export async function SelfAssessmentHistory({ years }: { years: YearAssessment[] }) {
  const t = await getTranslations("selfAssessment");
  const change = (c: number | null) =>
    c === null ? t("history.unknown") : c > 0 ? t("history.up", { change: c }) : c < 0 ? t("history.down", { change: -c }) : t("history.same");
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-xl font-semibold">{t("history.heading")}</h2>
      {years.length === 0 ? <p className="mt-2 text-slate-700">{t("history.none")}</p> : null}
      {years.map((year) => (
        <section key={year.schoolYear} aria-labelledby={`year-${year.schoolYear}`} className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
          <h3 id={`year-${year.schoolYear}`} className="font-semibold">{t("schoolYear", { year: year.schoolYear })}</h3>
          <dl className="mt-2 space-y-3">
            {year.scores.map((s) => (
              <div key={s.domain}>
                <dt className="font-medium">{t(`domains.${s.domain}.name`)}</dt>
                <dd>
                  {s.level ? t("levelOption", { level: s.level, name: t(`levels.${s.level as 1}`) }) : t("history.noLevel")}
                  <span className="text-slate-600"> · {t("history.change")}: {change(s.change)}</span>
                </dd>
                {s.note ? <dd className="whitespace-pre-line text-slate-700" dir="auto">{t("history.note")}: {s.note}</dd> : null}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
