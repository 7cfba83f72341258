import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { compareHref, searchHref, withoutSchool } from "@/lib/domain/schools/links";
import { MAX_COMPARED, type SchoolSearchInput } from "@/lib/domain/schools/schemas";

type Props = { search: SchoolSearchInput; selection: { slug: string; name: string }[] };

/** The schools picked for comparison so far, kept in the URL of the search page. */
export async function CompareSelection({ search, selection }: Props) {
  const t = await getTranslations("publicSearch");
  const slugs = selection.map((s) => s.slug);
  return (
    <section aria-labelledby="selection-heading" className="mt-4 rounded-xl border border-brand-600 bg-brand-50 p-4">
      <h2 id="selection-heading" className="font-semibold">{t("selectionHeading", { count: selection.length, max: MAX_COMPARED })}</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {selection.map((school) => (
          <li key={school.slug} className="inline-flex min-h-11 items-center gap-2 rounded-full bg-white ps-3 pe-1 ring-1 ring-slate-300">
            {school.name}
            <Link
              href={searchHref(search, withoutSchool(slugs, school.slug))}
              aria-label={t("removeFromCompare", { school: school.name })}
              className="grid size-9 place-items-center rounded-full text-slate-700 hover:bg-slate-100"
            >
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        {selection.length >= 2 ? (
          <Link href={compareHref(slugs)} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
            {t("compareNow", { count: selection.length })}
          </Link>
        ) : (
          <span className="text-sm text-slate-700">{t("pickAnother")}</span>
        )}
      </p>
    </section>
  );
}
