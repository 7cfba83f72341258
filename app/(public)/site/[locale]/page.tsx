import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getComparison, searchSchools } from "@/lib/domain/schools/queries";
import { parseCompareSelection, SchoolSearchInput } from "@/lib/domain/schools/schemas";
import { getFigureFormatter } from "@/components/schools/figure-format";
import { SearchForm } from "@/components/schools/search-form";
import { CompareSelection } from "@/components/schools/compare-selection";
import { SearchResultCard } from "@/components/schools/search-result-card";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  const [t, tCommon] = await Promise.all([getTranslations({ locale, namespace: "publicSearch" }), getTranslations({ locale, namespace: "common" })]);
  // The layout's title template does not apply to a page of its own segment.
  return { title: { absolute: `${t("title")} · ${tCommon("appName")}` } };
}

// The search reads the query string, so this page is rendered per request
// (its data is cached: lib/domain/schools/queries.ts).
export default async function SchoolSearchPage(props: Props) {
  setRequestLocale((await props.params).locale);
  const params = await props.searchParams;
  const search = SchoolSearchInput.parse(params);
  const { slugs } = parseCompareSelection(params.compare);
  const [t, tHome, formatFigure, { results, hasMore }, comparison] = await Promise.all([
    getTranslations("publicSearch"),
    getTranslations("home"),
    getFigureFormatter(),
    searchSchools(search),
    slugs.length ? getComparison(slugs) : null,
  ]);
  // Only schools that exist stay in the selection.
  const selection = comparison?.schools.map((s) => ({ slug: s.slug, name: s.name })) ?? [];
  const selected = selection.map((s) => s.slug);
  const searched = Boolean(search.q || search.type || search.denomination);
  return (
    <>
      <h1 className="text-2xl font-semibold text-brand-900 sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
      <SearchForm search={search} compare={selected} />
      {selection.length ? <CompareSelection search={search} selection={selection} /> : null}
      <section aria-labelledby="results-heading" className="mt-6">
        <h2 id="results-heading" className="text-xl font-semibold">{searched ? t("resultsHeading") : t("allSchoolsHeading")}</h2>
        <p className="mt-1 text-slate-700" role="status">
          {results.length ? t("resultCount", { count: results.length }) : t("noResults")}
        </p>
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {results.map((school) => (
            <li key={school.id}>
              <SearchResultCard school={school} search={search} selection={selected} formatFigure={formatFigure} />
            </li>
          ))}
        </ul>
        {hasMore ? <p className="mt-3 text-slate-700">{t("hasMore")}</p> : null}
      </section>
      <p className="mt-10 border-t border-slate-200 pt-4 text-slate-700">
        {t("forParents")}{" "}
        <Link href="/login" className="text-brand-700 underline">{tHome("signInCta")}</Link>
      </p>
    </>
  );
}
