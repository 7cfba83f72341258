import { getTranslations } from "next-intl/server";
import type { IndicatorView } from "@/lib/domain/schools/indicator-view";
import type { FigureFormatter } from "@/components/schools/figure-format";

type Props = { indicator: IndicatorView; formatFigure: FigureFormatter };

/** The figures behind the trend charts, per school year (and school type). */
export async function IndicatorTrendTable({ indicator, formatFigure }: Props) {
  const [t, tInd] = await Promise.all([getTranslations("schoolProfile"), getTranslations("indicators")]);
  const { code, unit, perSchoolType } = indicator.definition;
  // Styled through `.trend-table` (app/globals.css): a profile has up to ~50 of these tables.
  return (
    <table className="trend-table">
      <caption>{t("tableCaption", { indicator: tInd(`codes.${code}.name`) })}</caption>
      <thead>
        <tr>
          {perSchoolType ? <th scope="col">{t("schoolType")}</th> : null}
          <th scope="col">{t("schoolYear")}</th>
          <th scope="col">{t("thisSchool")}</th>
          <th scope="col">{t("national")}</th>
        </tr>
      </thead>
      <tbody>
        {indicator.rows.flatMap((row) =>
          row.trend.map((point) => (
            <tr key={`${row.schoolType}-${point.year}`}>
              {perSchoolType ? <th scope="row">{tInd(`schoolTypes.${row.schoolType}`)}</th> : null}
              <th scope="row">{point.year}</th>
              <td>{formatFigure(unit, point.value)}</td>
              <td>{point.benchmark === null ? t("noNational") : formatFigure(unit, point.benchmark)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
