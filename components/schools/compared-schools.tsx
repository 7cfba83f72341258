import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { compareHref, searchHref, withoutSchool } from "@/lib/domain/schools/links";
import { MAX_COMPARED } from "@/lib/domain/schools/schemas";

type Props = { schools: { slug: string; name: string; city: string; latestYear: string | null }[] };

/** The schools in the comparison, each with a link without it, and a way back to search to add one. */
export async function ComparedSchools({ schools }: Props) {
  const t = await getTranslations("schoolCompare");
  const slugs = schools.map((s) => s.slug);
  return (
    <section aria-labelledby="compared-heading" className="mt-6">
      <h2 id="compared-heading" className="text-lg font-semibold">{t("comparedHeading", { count: schools.length })}</h2>
      <ul className="mt-2 grid gap-3 sm:grid-cols-3">
        {schools.map((school) => (
          <li key={school.slug} className="rounded-xl border border-slate-200 bg-white p-3">
            <Link href={`/schools/${school.slug}`} className="font-semibold text-brand-700 underline">{school.name}</Link>
            <p className="text-sm text-slate-700">{school.city}</p>
            {school.latestYear ? <p className="text-sm text-slate-600">{t("figuresOfYear", { year: school.latestYear })}</p> : null}
            <Link
              href={compareHref(withoutSchool(slugs, school.slug))}
              aria-label={t("removeSchool", { school: school.name })}
              className="mt-2 inline-flex min-h-11 items-center text-sm text-slate-800 underline"
            >
              <span aria-hidden="true" className="me-1">×</span>
              {t("remove")}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-3">
        {schools.length < MAX_COMPARED ? (
          <Link href={searchHref({}, slugs)} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 bg-white px-4 font-medium text-brand-700 hover:bg-brand-50">
            <span aria-hidden="true" className="me-1">+</span>
            {t("addSchool")}
          </Link>
        ) : (
          <Link href={searchHref({}, slugs)} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("backToSearch")}</Link>
        )}
      </p>
    </section>
  );
}
