import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { judgementOf } from "@/lib/domain/indicators/catalogue";
import type { SchoolSearchResult } from "@/lib/domain/schools/queries";
import { searchHref, withSchool } from "@/lib/domain/schools/links";
import { MAX_COMPARED, type SchoolSearchInput } from "@/lib/domain/schools/schemas";
import type { FigureFormatter } from "@/components/schools/figure-format";

type Props = { school: SchoolSearchResult; search: SchoolSearchInput; selection: string[]; formatFigure: FigureFormatter };

/** One school in the results: where, what it offers, three key figures, and links to its profile and the comparison. */
export async function SearchResultCard({ school, search, selection, formatFigure }: Props) {
  const [t, tInd, format] = await Promise.all([getTranslations("publicSearch"), getTranslations("indicators"), getFormatter()]);
  const { keyFigures: k } = school;
  const judgement = k.judgement === null ? null : judgementOf(k.judgement);
  const selected = selection.includes(school.slug);
  const headingId = `school-${school.slug}`;
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        <Link href={`/schools/${school.slug}`} className="text-brand-700 underline">{school.name}</Link>
      </h3>
      <p className="text-slate-700">
        <bdi>{school.city}</bdi> · <bdi>{tInd(`denominations.${school.denomination}`)}</bdi>
      </p>
      <p className="text-sm text-slate-700">
        {t("offers")} {format.list(school.levels.map((l) => <bdi key={l}>{tInd(`schoolTypes.${l}`)}</bdi>))}
      </p>
      {k.year ? (
        <>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          <div>
            <dt className="text-slate-600">{tInd("codes.INSPECTION_JUDGEMENT.name")}</dt>
            <dd className="font-semibold">{judgement ? tInd(`judgements.${judgement}`) : t("noValue")}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{tInd("codes.PUPIL_COUNT.name")}</dt>
            <dd className="font-semibold tabular-nums">{k.pupilCount === null ? t("noValue") : formatFigure("COUNT", k.pupilCount)}</dd>
          </div>
          <div className="col-span-2">
            <dt className="text-slate-600">{tInd("codes.EXAM_PASS_RATE.name")}</dt>
            {k.passRates.length ? (
              k.passRates.map((r) => (
                <dd key={r.schoolType} className="flex flex-wrap justify-between gap-x-3 border-b border-slate-100 py-0.5 last:border-0">
                  <span>{tInd(`schoolTypes.${r.schoolType}`)}</span>
                  <span className="font-semibold tabular-nums">{formatFigure("PERCENT", r.value)}</span>
                </dd>
              ))
            ) : (
              <dd className="font-semibold">{t("noValue")}</dd>
            )}
          </div>
        </dl>
        <p className="mt-1 text-xs text-slate-600">{t("figuresOfYear", { year: k.year })}</p>
        </>
      ) : (
        <p className="mt-3 text-sm text-slate-700">{t("noFigures")}</p>
      )}
      <p className="mt-3 flex flex-wrap gap-3">
        {selected ? (
          <span className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
            <span aria-hidden="true">✓</span>
            {t("inComparison")}
          </span>
        ) : selection.length < MAX_COMPARED ? (
          <Link
            href={searchHref(search, withSchool(selection, school.slug))}
            aria-label={t("addSchoolToCompare", { school: school.name })}
            className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-3 font-medium text-brand-700 hover:bg-brand-50"
          >
            <span aria-hidden="true" className="me-1">+</span>
            {t("addToCompare")}
          </Link>
        ) : (
          <span className="inline-flex min-h-11 items-center text-sm text-slate-600">{t("compareFull", { max: MAX_COMPARED })}</span>
        )}
      </p>
    </article>
  );
}
