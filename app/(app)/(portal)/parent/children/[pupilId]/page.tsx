import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { requirePermission } from "@/lib/auth/guard";
import { getChildDetail } from "@/lib/domain/pupils/queries";
import { SubjectResults } from "@/components/parent/subject-results";
import { AbsenceOverview } from "@/components/parent/absence-overview";
import { MentorCard } from "@/components/parent/mentor-card";
import { gradeFormat } from "@/components/ui/grade";
import { ParentContactHistory } from "@/components/parent/contact-history";
import { SickReportPanel } from "@/components/parent/sick-report-panel";
import { RightsBanner } from "@/components/parent/rights-banner";
import { AskMentorLinks } from "@/components/questions/ask-links";
import { ChildEvents } from "@/components/events/child-events";
import { ConferenceCard } from "@/components/conferences/child-card";
import { isolateLtr } from "@/lib/i18n/bidi";
import { Explained, schoolWordsFor, subjectLabel, WeightQuestion } from "@/components/school-words/words";
import { fillIn } from "@/components/school-words/fill-in";

type Props = { params: Promise<{ pupilId: string }> };

// A title without the child's name: the browser's history and tabs are not private on a shared device.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await fastTranslations(await getLocale(), "child"))("pageTitle"), robots: { index: false } };
}

export default async function ChildPage({ params }: Props) {
  const { pupilId } = await params;
  // Access is decided before anything renders, so a refusal answers 404.
  const actor = await requirePermission("parent:view", `/parent/children/${pupilId}`, { route: "/parent/children/[pupilId]", category: "record", pupilId });
  const child = await getChildDetail(actor, pupilId);
  const locale = await getLocale();
  const [t, tTracks, tCommon, f, tSick, tRights, tPrivacy, tConferences, tSystem, tWords] = await Promise.all([
    fastTranslations(locale, "child"), fastTranslations(locale, "tracks"), fastTranslations(locale, "common"), gradeFormat(),
    fastTranslations(locale, "sickReport"), fastTranslations(locale, "childRights"), fastTranslations(locale, "privacy"),
    fastTranslations(locale, "conferences"), fastTranslations(locale, "schoolSystem"), schoolWordsFor(locale),
  ]);
  const { rights } = child;
  const aside = child.sickReportPanel !== null || rights.see.mentor;
  const track = tTracks.has(child.classGroup.track) ? tTracks(child.classGroup.track) : child.classGroup.track;
  // Subjects in the order of the names the parent reads.
  const names = new Map(child.subjects.map((s) => [s.subjectId, subjectLabel(tWords, locale, s).name]));
  const subjects = [...child.subjects].sort((a, b) => names.get(a.subjectId)!.localeCompare(names.get(b.subjectId)!, locale));
  return (
    <>
      <Link href="/parent" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 rtl:rotate-180">←</span>
        {tCommon("backToOverview")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">
        {child.firstName} {child.lastName}
      </h1>
      {/* The track in the class line is explained (a <div>: the explanation is a <details>). */}
      <div className="text-slate-700">
        {fillIn((slot) => t("yearTrack", { year: child.classGroup.year, track: slot, className: isolateLtr(locale, child.classGroup.name) }),
          <Explained word={track} group="tracks" value={child.classGroup.track} t={tWords} />)}
      </div>
      <p className="text-slate-700">{child.school.name}</p>
      {/* Where the child is in the Dutch school system and where it can go (issue 18). */}
      <p>
        <Link href={`/parent/children/${child.id}/school-system`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          {tSystem("childLink", { name: child.firstName })}
        </Link>
        <span className="block text-sm text-slate-700">{tSystem("childLinkHelp")}</span>
      </p>

      <RightsBanner rights={rights} pupilId={child.id} firstName={child.firstName} />
      <ConferenceCard conference={child.conference} firstName={child.firstName} locale={locale} t={tConferences} />

      {/* Only what the guardian's link allows (lib/auth/guardian-rights.ts); what is not allowed was never read. */}
      <div className={`mt-6 grid grid-cols-1 gap-6 ${aside ? "lg:grid-cols-[minmax(0,1fr)_20rem]" : ""}`}>
        <div className="min-w-0 space-y-8">
          {rights.see.results ? (
            <section aria-labelledby="results-heading">
              <h2 id="results-heading" className="text-xl font-semibold">{t("results")}</h2>
              <p className="mt-1 text-sm text-slate-700">{t("resultsIntro")} {t("belowPassExplained")}</p>
              <WeightQuestion t={tWords} />
              {child.school.releaseMode === "FIXED_TIME" ? (
                <p className="mt-1 text-sm text-slate-700">{t("releaseNote", { time: child.school.releaseTime })}</p>
              ) : null}
              {subjects.length ? (
                <div className="mt-3 space-y-2">
                  {subjects.map((subject) => (
                    <SubjectResults key={subject.subjectId} subject={subject} f={f} />
                  ))}
                </div>
              ) : (
                <p className="mt-3">{t("noResults")}</p>
              )}
            </section>
          ) : null}
          {rights.see.absences ? (
            <section aria-labelledby="absence-heading">
              <h2 id="absence-heading" className="text-xl font-semibold">{t("absence")}</h2>
              <p className="mt-1 mb-3 text-sm text-slate-700">{t("absenceIntro")}</p>
              {rights.see.absenceReasons ? null : (
                <p className="mb-3 rounded-lg bg-slate-100 p-3 text-sm text-slate-800">{tRights("reasonsHidden", { name: child.firstName })}</p>
              )}
              <AbsenceOverview totals={child.totals} term={child.term} absences={child.absences} childName={child.firstName} />
            </section>
          ) : null}
          {rights.see.contacts ? <ParentContactHistory contacts={child.contacts} childName={child.firstName} /> : null}
          <ChildEvents pupilId={child.id} childName={child.firstName} events={child.events} />
          {/* Who at school looked at this child's data (decision 0024). */}
          <p>
            <Link href={`/parent/children/${child.id}/privacy`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{tPrivacy("childLink")}</Link>
            <span className="block text-sm text-slate-700">{tPrivacy("childLinkHelp", { name: child.firstName })}</span>
          </p>
        </div>
        {aside ? (
          <aside className="order-first space-y-6 lg:order-none">
            {child.sickReportPanel ? (
              <section aria-labelledby="sick-report-heading" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
                <h2 id="sick-report-heading" className="text-lg font-semibold">{tSick("title")}</h2>
                <p className="mt-1 text-sm text-slate-700">{tSick("intro", { name: child.firstName })}</p>
                <SickReportPanel panel={child.sickReportPanel} childName={child.firstName} />
              </section>
            ) : null}
            {rights.see.mentor ? <MentorCard mentors={child.mentors} /> : null}
            {rights.see.mentor ? <AskMentorLinks pupilId={child.id} firstName={child.firstName} /> : null}
          </aside>
        ) : null}
      </div>
    </>
  );
}
