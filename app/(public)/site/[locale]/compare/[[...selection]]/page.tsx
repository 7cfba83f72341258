import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SEGMENT_MARK } from "@/lib/i18n/public-paths";
import { getComparison } from "@/lib/domain/schools/queries";
import { MAX_COMPARED, parseCompareSelection } from "@/lib/domain/schools/schemas";
import { compareRows } from "@/lib/domain/schools/indicator-view";
import { searchHref } from "@/lib/domain/schools/links";
import { CompareNotices } from "@/components/schools/compare-notices";
import { ComparedSchools } from "@/components/schools/compared-schools";
import { CompareTable } from "@/components/schools/compare-table";

// `/compare?schools=a,b,c` arrives here as /site/<locale>/compare/~a/~b/~c (proxy.ts):
// the selection is in the path, so each selection is rendered once and then
// served from cache until the published data changes (cache tags) or a minute passes.
type Props = { params: Promise<{ locale: string; selection?: string[] }> };

// Must be a literal for Next to read it: PUBLIC_REVALIDATE_SECONDS.
export const revalidate = 60;
/** Nothing is rendered at build time; every selection is rendered on first request. */
export function generateStaticParams() {
  return [];
}

/** A part of the selection as typed (proxy.ts marked and encoded it); a malformed escape stays as it is. */
function pathSegment(segment: string): string {
  const part = segment.startsWith(SEGMENT_MARK) ? segment.slice(SEGMENT_MARK.length) : segment;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("schoolCompare");
  return { title: t("title") };
}

export default async function ComparePage({ params }: Props) {
  const { locale, selection: raw } = await params;
  setRequestLocale(locale);
  const selection = parseCompareSelection(raw?.map(pathSegment));
  const [t, comparison] = await Promise.all([
    getTranslations("schoolCompare"),
    selection.slugs.length ? getComparison(selection.slugs) : { schools: [], unknownSlugs: [] },
  ]);
  const schools = comparison.schools.map((s) => ({ slug: s.slug, name: s.name, city: s.city, latestYear: s.years.at(-1) ?? null }));
  const rows = compareRows(comparison.schools.map((s) => ({ latestYear: s.years.at(-1) ?? null, figures: s.figures })));
  return (
    <>
      <h1 className="text-2xl font-semibold text-brand-900 sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro", { max: MAX_COMPARED })}</p>
      <CompareNotices notFound={[...comparison.unknownSlugs, ...selection.malformed]} refused={selection.refused} />
      {schools.length ? (
        <>
          <ComparedSchools schools={schools} />
          <CompareTable schools={schools} rows={rows} />
          <p className="mt-3 text-sm text-slate-700">{t("shareHint")}</p>
        </>
      ) : (
        <div className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
          <p className="mt-1 text-slate-700">{t("emptyBody", { max: MAX_COMPARED })}</p>
          <Link href={searchHref({})} className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
            {t("toSearch")}
          </Link>
        </div>
      )}
    </>
  );
}
