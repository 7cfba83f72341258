import { getTranslations } from "next-intl/server";
import type { IndicatorView } from "@/lib/domain/schools/indicator-view";
import type { FigureFormatter } from "@/components/schools/figure-format";

type Props = { indicator: IndicatorView; formatFigure: FigureFormatter };

/** The figures behind the trend charts, per school year (and school type). */
export async function IndicatorTrendTable({ indicator, formatFigure }: Props) {
  const [t, tInd] = await Promise.all([getTranslations("schoolProfile"), getTranslations("indicators")]);
  const { code, unit, perSchoolType } = indicator.definition;
  const cell = "py-2 pe-2 align-top";
  return (
    <table className="mt-2 w-full text-xs hyphens-auto sm:text-sm">
      <caption className="pb-1 text-start font-medium">{t("tableCaption", { indicator: tInd(`codes.${code}.name`) })}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          {perSchoolType ? <th scope="col" className={`${cell} text-start font-medium`}>{t("schoolType")}</th> : null}
          <th scope="col" className={`${cell} text-start font-medium`}>{t("schoolYear")}</th>
          <th scope="col" className={`${cell} text-end font-medium`}>{t("thisSchool")}</th>
          <th scope="col" className={`${cell} text-end font-medium`}>{t("national")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {indicator.rows.flatMap((row) =>
          row.trend.map((point) => (
            <tr key={`${row.schoolType}-${point.year}`}>
              {perSchoolType ? (
                <th scope="row" className={`${cell} text-start font-normal wrap-anywhere`}>{tInd(`schoolTypes.${row.schoolType}`)}</th>
              ) : null}
              <th scope="row" className={`${cell} text-start font-normal whitespace-nowrap`}>{point.year}</th>
              <td className={`${cell} text-end tabular-nums`}>{formatFigure(unit, point.value)}</td>
              <td className={`${cell} text-end tabular-nums`}>
                {point.benchmark === null ? t("noNational") : formatFigure(unit, point.benchmark)}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
