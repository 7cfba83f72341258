import { getTranslations } from "next-intl/server";
import type { IndicatorRow, IndicatorView } from "@/lib/domain/schools/indicator-view";
import type { FigureFormatter } from "@/components/schools/figure-format";
import { IndicatorTrendChart } from "@/components/schools/indicator-trend-chart";
import { IndicatorTrendTable } from "@/components/schools/indicator-trend-table";
import { VerdictBadge } from "@/components/schools/verdict-badge";

type Props = { indicator: IndicatorView; formatFigure: FigureFormatter };

/** Yes/no and judgements read better as a table than as a line. */
const CHARTED = (unit: string) => unit !== "BOOLEAN" && unit !== "JUDGEMENT";

async function RowSummary({ indicator, row, formatFigure }: Props & { row: IndicatorRow }) {
  const [t, tInd] = await Promise.all([getTranslations("schoolProfile"), getTranslations("indicators")]);
  const { unit, code, perSchoolType } = indicator.definition;
  const name = tInd(`codes.${code}.name`);
  const type = tInd(`schoolTypes.${row.schoolType}`);
  const values = row.trend.map((p) => formatFigure(unit, p.value));
  const chartLabel = t("trendLabel", {
    indicator: perSchoolType ? `${name} (${type})` : name,
    values: row.trend.map((p, i) => `${p.year}: ${values[i]}`).join("; "),
  });
  return (
    <div className="flex min-w-0 flex-wrap items-start gap-x-6 gap-y-3 rounded-lg border border-slate-200 p-3">
      <div className="min-w-0 flex-1 basis-48">
      {perSchoolType ? <p className="font-semibold">{type}</p> : null}
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-2xl font-semibold tabular-nums">{formatFigure(unit, row.latest.value)}</span>
        <span className="text-sm text-slate-600">{t("inYear", { year: row.latest.year })}</span>
      </p>
      {row.latest.benchmark !== null ? (
        <p className="mt-1 text-sm text-slate-700">{t("nationalValue", { value: formatFigure(unit, row.latest.benchmark) })}</p>
      ) : null}
      <p className="mt-2">
        <VerdictBadge verdict={row.verdict} />
      </p>
      </div>
      {CHARTED(unit) ? <IndicatorTrendChart points={row.trend} valueLabels={values} label={chartLabel} /> : null}
      {row.latest.explanation ? (
        <div className="basis-full border-s-4 border-brand-600 bg-brand-50 p-2 text-sm">
          <p className="font-semibold">{t("schoolExplanation")}</p>
          <p dir="auto" lang="nl">{row.latest.explanation}</p>
        </div>
      ) : null}
    </div>
  );
}

async function ChartLegend() {
  const t = await getTranslations("schoolProfile");
  return (
    <p aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 text-xs text-slate-700">
      <span className="inline-flex items-center gap-1">
        <svg viewBox="0 0 20 8" className="h-2 w-5"><line x1="0" x2="20" y1="4" y2="4" className="stroke-brand-600" strokeWidth={2.5} /></svg>
        {t("thisSchool")}
      </span>
      <span className="inline-flex items-center gap-1">
        <svg viewBox="0 0 20 8" className="h-2 w-5"><line x1="0" x2="20" y1="4" y2="4" className="stroke-slate-500" strokeWidth={1.5} strokeDasharray="4 3" /></svg>
        {t("national")}
      </span>
    </p>
  );
}

export async function IndicatorCard({ indicator, formatFigure }: Props) {
  const [t, tInd] = await Promise.all([getTranslations("schoolProfile"), getTranslations("indicators")]);
  const { code } = indicator.definition;
  const headingId = `indicator-${code}`;
  const several = indicator.rows.length > 1;
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4">
      <h3 id={headingId} className="text-lg font-semibold">{tInd(`codes.${code}.name`)}</h3>
      <p className="mt-1 text-sm text-slate-700">{tInd(`codes.${code}.definition`)}</p>
      <div className={`mt-3 grid gap-3 ${several ? "xl:grid-cols-2" : ""}`}>
        {indicator.rows.map((row) => (
          <RowSummary key={row.schoolType} indicator={indicator} row={row} formatFigure={formatFigure} />
        ))}
      </div>
      {CHARTED(indicator.definition.unit) && indicator.rows.some((r) => r.trend.length > 1) ? <ChartLegend /> : null}
      <details className="mt-3">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">{t("showTable")}</summary>
        <IndicatorTrendTable indicator={indicator} formatFigure={formatFigure} />
      </details>
      <details className="mt-1">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">{t("whatDoesThisMean")}</summary>
        <p className="mt-1 text-slate-800">{tInd(`codes.${code}.meaning`)}</p>
      </details>
    </article>
  );
}
