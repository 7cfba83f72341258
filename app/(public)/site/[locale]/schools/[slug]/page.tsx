import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getSchoolProfile } from "@/lib/domain/schools/queries";
import { isSlug } from "@/lib/domain/schools/schemas";
import { profileGroups } from "@/lib/domain/schools/indicator-view";
import { searchHref } from "@/lib/domain/schools/links";
import { SchoolContact } from "@/components/schools/school-contact";
import { ParentPolicy } from "@/components/schools/parent-policy";
import { PublicSelfAssessmentSummary } from "@/components/self-assessment/public-summary";
import { SchoolIndicators } from "@/components/schools/school-indicators";
import { TrackExplanations } from "@/components/school-words/track-explanations";

// `/schools/<slug>` arrives here as /site/<locale>/schools/<slug> (proxy.ts): rendered
// once per school and language, then served from cache until the school
// publishes (cache tags) or a minute passes.
type Props = { params: Promise<{ locale: string; slug: string }> };

// Must be a literal for Next to read it: PUBLIC_REVALIDATE_SECONDS.
export const revalidate = 60;
/** Nothing is rendered at build time; every school is rendered on first request. */
export function generateStaticParams() {
  return [];
}

async function load(params: Props["params"]) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  return isSlug(slug) ? getSchoolProfile(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await load(params);
  return school ? { title: school.name } : {};
}

export default async function SchoolProfilePage({ params }: Props) {
  const school = await load(params);
  if (!school) notFound();
  const { locale } = await params;
  const [t, tInd, format] = await Promise.all([getTranslations("schoolProfile"), getTranslations("indicators"), getFormatter()]);
  const levels = school.levels.map((level) => (tInd.has(`schoolTypes.${level}`) ? tInd(`schoolTypes.${level}`) : level));
  return (
    <>
      <Link href="/" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 rtl:rotate-180">←</span>
        {t("backToSearch")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-brand-900 sm:text-3xl">{school.name}</h1>
      {/* Dutch place names and level names inside Arabic text: each part is isolated so the order stays readable. */}
      <p className="mt-1 flex flex-wrap gap-x-2 text-slate-700">
        <bdi>{school.city}</bdi>
        <span aria-hidden="true">·</span>
        <span>{format.list(levels.map((level) => <bdi key={level}>{level}</bdi>))}</span>
        <span aria-hidden="true">·</span>
        <bdi>{tInd(`denominations.${school.denomination}`)}</bdi>
      </p>
      <TrackExplanations locale={locale} levels={school.levels.map((value, i) => ({ value, name: levels[i] }))} />
      <p className="mt-3">
        <Link href={searchHref({}, [school.slug])} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
          {t("compareWithOthers")}
        </Link>
      </p>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <h2 className="text-xl font-semibold">{t("indicatorsHeading")}</h2>
          <p className="mt-1 text-slate-700">{t("indicatorsIntro")}</p>
          {school.lastPublishedAt ? (
            <p className="mt-1 text-sm text-slate-600">{t("lastPublished", { date: format.dateTime(new Date(school.lastPublishedAt), "full") })}</p>
          ) : null}
          <SchoolIndicators groups={profileGroups(school.figures)} />
        </div>
        <aside className="min-w-0 space-y-6 lg:order-none">
          <SchoolContact school={school} />
          {school.parentPolicy && school.parentPolicyPublishedAt ? (
            <ParentPolicy texts={school.parentPolicy} publishedAt={school.parentPolicyPublishedAt} />
          ) : null}
          {school.selfAssessment?.domains.length ? <PublicSelfAssessmentSummary summary={school.selfAssessment} /> : null}
        </aside>
      </div>
    </>
  );
}
