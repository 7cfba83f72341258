import { getTranslations } from "next-intl/server";
import { INDICATOR_GROUPS } from "@/lib/domain/indicators/catalogue";
import type { CompareRow } from "@/lib/domain/schools/indicator-view";
import { getFigureFormatter } from "@/components/schools/figure-format";
import { VerdictBadge } from "@/components/schools/verdict-badge";

type Props = { schools: { slug: string; name: string }[]; rows: CompareRow[] };

/**
 * The comparison on a phone: one card per indicator with the schools under
 * each other, because three schools side by side do not fit 320 px.
 */
export async function CompareCards({ schools, rows }: Props) {
  const [t, tInd, formatFigure] = await Promise.all([getTranslations("schoolCompare"), getTranslations("indicators"), getFigureFormatter()]);
  const groups = INDICATOR_GROUPS.map((group) => ({ group, rows: rows.filter((r) => r.definition.group === group) })).filter((g) => g.rows.length);
  return (
    <div className="mt-4 md:hidden">
      <h2 className="text-lg font-semibold">{t("tableCaption")}</h2>
      {groups.map(({ group, rows: groupRows }) => (
        <section key={group} aria-labelledby={`cards-${group}`} className="mt-4">
          <h3 id={`cards-${group}`} className="font-semibold text-brand-900">{tInd(`groups.${group}`)}</h3>
          <ul className="mt-2 space-y-3">
            {groupRows.map((row) => (
              <li key={`${row.definition.code}-${row.schoolType}`} className="rounded-xl border border-slate-200 bg-white p-3">
                <p className="font-medium">
                  {tInd(`codes.${row.definition.code}.name`)}
                  {row.definition.perSchoolType ? <span className="block text-sm font-normal text-slate-600">{tInd(`schoolTypes.${row.schoolType}`)}</span> : null}
                </p>
                <dl className="mt-1 divide-y divide-slate-100 text-sm">
                  {row.cells.map((c, i) => (
                    <div key={schools[i].slug} className="figure-row">
                      <dt className="min-w-0">{schools[i].name}</dt>
                      <dd className="text-end">
                        {c ? <span className="figure-value">{formatFigure(row.definition.unit, c.figure.value)}</span> : t("noValue")}
                        {c && c.verdict !== "NO_BENCHMARK" ? <VerdictBadge verdict={c.verdict} /> : null}
                      </dd>
                    </div>
                  ))}
                  <div className="flex justify-between gap-x-3 py-1.5 text-slate-700">
                    <dt>{t("national")}</dt>
                    <dd className="tabular-nums">{row.benchmark === null ? t("noValue") : formatFigure(row.definition.unit, row.benchmark)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
