import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { INDICATOR_GROUPS } from "@/lib/domain/indicators/catalogue";
import type { CompareRow } from "@/lib/domain/schools/indicator-view";
import { getFigureFormatter } from "@/components/schools/figure-format";
import { VerdictBadge } from "@/components/schools/verdict-badge";

type Props = { schools: { slug: string; name: string; latestYear: string | null }[]; rows: CompareRow[] };

/**
 * Indicator by indicator, one column per school and one for the national value.
 * Rendered once for every screen: a table from tablet width up, one card per
 * indicator on a phone, each value with its school's name (data-label). The
 * styles are `.cmp` in app/globals.css, so the cells carry no classes of their
 * own: this page is cached and its markup and RSC payload are its cost. The
 * explicit roles keep the table semantics where the phone layout changes
 * `display` (Safari drops them otherwise).
 */
export async function CompareTable({ schools, rows }: Props) {
  const [t, tInd, formatFigure] = await Promise.all([getTranslations("schoolCompare"), getTranslations("indicators"), getFigureFormatter()]);
  const groups = INDICATOR_GROUPS.map((group) => ({ group, rows: rows.filter((r) => r.definition.group === group) })).filter((g) => g.rows.length);
  const national = t("national");
  return (
    <div role="region" aria-labelledby="compare-caption" tabIndex={0} className="cmp-wrap">
      <table role="table" aria-labelledby="compare-caption" className="cmp">
        <caption id="compare-caption">{t("tableCaption")}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">{t("indicator")}</th>
            {schools.map((school) => (
              <th key={school.slug} scope="col" role="columnheader">
                <Link href={`/schools/${school.slug}`}>{school.name}</Link>
                {school.latestYear ? <span>{school.latestYear}</span> : null}
              </th>
            ))}
            <th scope="col" role="columnheader">{national}</th>
          </tr>
        </thead>
        {groups.map(({ group, rows: groupRows }) => (
          <tbody key={group} role="rowgroup">
            <tr role="row">
              <th scope="rowgroup" role="rowheader" colSpan={schools.length + 2}>{tInd(`groups.${group}`)}</th>
            </tr>
            {groupRows.map((row) => (
              <tr key={`${row.definition.code}-${row.schoolType}`} role="row">
                <th scope="row" role="rowheader">
                  {tInd(`codes.${row.definition.code}.name`)}
                  {row.definition.perSchoolType ? <span>{tInd(`schoolTypes.${row.schoolType}`)}</span> : null}
                </th>
                {row.cells.map((c, i) => (
                  <td key={schools[i].slug} role="cell" data-label={schools[i].name} className={c ? undefined : "cmp-none"}>
                    {c ? formatFigure(row.definition.unit, c.figure.value) : t("noValue")}
                    {c && c.verdict !== "NO_BENCHMARK" ? <VerdictBadge verdict={c.verdict} /> : null}
                  </td>
                ))}
                <td role="cell" data-label={national}>
                  {row.benchmark === null ? t("noValue") : formatFigure(row.definition.unit, row.benchmark)}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
