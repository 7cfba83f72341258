import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { INDICATOR_GROUPS } from "@/lib/domain/indicators/catalogue";
import type { CompareRow } from "@/lib/domain/schools/indicator-view";
import { getFigureFormatter } from "@/components/schools/figure-format";
import { VerdictBadge } from "@/components/schools/verdict-badge";

type Props = { schools: { slug: string; name: string; latestYear: string | null }[]; rows: CompareRow[] };

/** Indicator by indicator, one column per school and one for the national value; from tablet width up (phones get CompareCards). */
export async function CompareTable({ schools, rows }: Props) {
  const [t, tInd, formatFigure] = await Promise.all([getTranslations("schoolCompare"), getTranslations("indicators"), getFigureFormatter()]);
  const groups = INDICATOR_GROUPS.map((group) => ({ group, rows: rows.filter((r) => r.definition.group === group) })).filter((g) => g.rows.length);
  const cell = "p-2 align-top";
  return (
    <div role="region" aria-labelledby="compare-caption" tabIndex={0} className="mt-4 hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block">
      <table className="w-full min-w-[36rem] text-sm">
        <caption id="compare-caption" className="p-3 text-start text-base font-semibold">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-300 bg-slate-50">
            <th scope="col" className={`${cell} text-start`}>{t("indicator")}</th>
            {schools.map((school) => (
              <th key={school.slug} scope="col" className={`${cell} text-start`}>
                <Link href={`/schools/${school.slug}`} className="text-brand-700 underline">{school.name}</Link>
                {school.latestYear ? <span className="block text-xs font-normal text-slate-600">{school.latestYear}</span> : null}
              </th>
            ))}
            <th scope="col" className={`${cell} text-start`}>{t("national")}</th>
          </tr>
        </thead>
        {groups.map(({ group, rows: groupRows }) => (
          <tbody key={group} className="divide-y divide-slate-100">
            <tr className="bg-brand-50">
              <th scope="rowgroup" colSpan={schools.length + 2} className={`${cell} text-start font-semibold text-brand-900`}>
                {tInd(`groups.${group}`)}
              </th>
            </tr>
            {groupRows.map((row) => (
              <tr key={`${row.definition.code}-${row.schoolType}`}>
                <th scope="row" className={`${cell} text-start font-medium`}>
                  {tInd(`codes.${row.definition.code}.name`)}
                  {row.definition.perSchoolType ? <span className="block text-xs font-normal text-slate-600">{tInd(`schoolTypes.${row.schoolType}`)}</span> : null}
                </th>
                {row.cells.map((c, i) => (
                  <td key={schools[i].slug} className={cell}>
                    {c ? (
                      <>
                        <span className="figure-value">{formatFigure(row.definition.unit, c.figure.value)}</span>
                        {c.verdict !== "NO_BENCHMARK" ? <VerdictBadge verdict={c.verdict} /> : null}
                      </>
                    ) : (
                      <span className="text-slate-600">{t("noValue")}</span>
                    )}
                  </td>
                ))}
                <td className={`${cell} tabular-nums`}>{row.benchmark === null ? t("noValue") : formatFigure(row.definition.unit, row.benchmark)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
