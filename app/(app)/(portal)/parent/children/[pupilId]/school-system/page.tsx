import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { directionOf, isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { requirePermission } from "@/lib/auth/guard";
import { childSchoolSystem } from "@/lib/domain/school-system/queries";
import { SystemDiagram } from "@/components/school-system/system-diagram";
import { SystemRoutes } from "@/components/school-system/system-routes";
import { SystemLegend } from "@/components/school-system/system-legend";
import { MentorCard } from "@/components/parent/mentor-card";

type Props = { params: Promise<{ pupilId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await fastTranslations(await getLocale(), "schoolSystem"))("metaTitle"), robots: { index: false } };
}

/** "Where is my child and where can it go?" (issue 18): the Dutch school system, the child's place, next year, whom to ask. */
export default async function SchoolSystemPage({ params }: Props) {
  const { pupilId } = await params;
  const actor = await requirePermission("parent:view", `/parent/children/${pupilId}/school-system`, { route: "/parent/children/[pupilId]/school-system", category: "record", pupilId });
  const child = await childSchoolSystem(actor, pupilId);
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  const [t, tTracks] = await Promise.all([fastTranslations(locale, "schoolSystem"), fastTranslations(locale, "tracks")]);
  const { place, classGroup, school } = child;
  const name = child.firstName;
  const track = tTracks.has(classGroup.track) ? tTracks(classGroup.track) : classGroup.track;
  return (
    <>
      <Link href={`/parent/children/${child.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back", { name })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-lg">{child.firstName} {child.lastName}</p>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro", { name })}</p>

      <p className="mt-4 max-w-prose rounded-xl border-2 border-brand-600 bg-brand-50 p-4 font-medium text-brand-900" data-testid="system-current">
        {place.years !== null
          ? t("current", { name, year: place.year, years: place.years, track, className: classGroup.name })
          : t("currentUnknown", { name, className: classGroup.name })}
        {place.examYear ? <span className="block">{t("currentExam")}</span> : null}
      </p>

      {/* Below 640 px the diagram's labels would be too small: the list below says the same. */}
      <section aria-labelledby="diagram-heading" className="mt-8 hidden sm:block">
        <h2 id="diagram-heading" className="text-xl font-semibold">{t("diagramTitle")}</h2>
        <figure className="mt-3 rounded-2xl border border-slate-200 bg-white p-3">
          <SystemDiagram
            place={place} dir={directionOf(locale)} titleId="system-diagram-title" descId="system-diagram-desc"
            labels={{ title: t("diagramTitle"), desc: t("diagramDesc"), here: t("hereMark", { name }), next: t("nextMark"), short: (node) => t(`node.${node}.short`) }}
          />
          <figcaption><SystemLegend t={t} /></figcaption>
        </figure>
      </section>

      <section aria-labelledby="routes-heading" className="mt-8 max-w-3xl">
        <h2 id="routes-heading" className="text-xl font-semibold">{t("listTitle")}</h2>
        <SystemRoutes place={place} firstName={name} locale={locale} t={t} />
      </section>

      <section aria-labelledby="next-year-heading" className="mt-8 max-w-prose">
        <h2 id="next-year-heading" className="text-xl font-semibold">{t("nextYearTitle")}</h2>
        <p className="mt-2" data-testid="system-next-year">{t(`nextYear.${place.nextYear}`)}</p>
        <p className="mt-3 rounded-lg bg-slate-100 p-3">{t("promotionNote", { name })}</p>
        <h3 className="mt-4 text-lg font-semibold">{t("schoolRulesTitle", { school: school.name })}</h3>
        {school.promotionRules ? (
          <>
            <p className="text-sm text-slate-700">{t("schoolRulesNote")}</p>
            <div lang="nl" dir="ltr" className="mt-2 rounded-lg border border-slate-200 bg-white p-3 whitespace-pre-line break-words" data-testid="school-promotion-rules">
              {school.promotionRules}
            </div>
          </>
        ) : (
          <p className="mt-1">{t("schoolRulesNone")}</p>
        )}
      </section>

      <section aria-labelledby="ask-heading" className="mt-8 max-w-2xl space-y-4">
        <h2 id="ask-heading" className="text-xl font-semibold">{t("askTitle")}</h2>
        <p>{t("askIntro")}</p>
        {child.mayAskMentor ? (
          <>
            <MentorCard mentors={child.mentors} />
            <p>
              <Link href={`/parent/children/${child.id}/questions`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("askLink")}</Link>
            </p>
          </>
        ) : null}
        <div>
          <p className="text-sm text-slate-700">{t("schoolPhone", { school: school.name })}</p>
          {school.phone ? (
            <a href={`tel:${school.phone.replace(/[^+\d]/g, "")}`} dir="ltr" className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-brand-700 underline">{school.phone}</a>
          ) : (
            <p>{t("noSchoolPhone")}</p>
          )}
        </div>
      </section>
    </>
  );
}
