import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listMentorOverview } from "@/lib/domain/contacts/queries";
import { MentorListQuery } from "@/lib/domain/contacts/filter";
import { contactHoursAction } from "@/lib/domain/contacts/actions";
import { ListFilter } from "@/components/mentor/list-filter";
import { PupilList } from "@/components/mentor/pupil-list";
import { ContactHoursForm } from "@/components/mentor/contact-hours-form";
import { activeSickReportsForMentor } from "@/lib/domain/sick-reports/queries";
import { SickReportList } from "@/components/mentor/sick-report-list";
import { countPendingInformationRequests } from "@/lib/domain/information/queries";
import { openQuestionsForMentor } from "@/lib/domain/questions/queries";
import { OpenQuestions } from "@/components/questions/open-questions";
import { EventPlannerLink } from "@/components/events/planner-link";
import { mentorAgreementGaps } from "@/lib/domain/agreement/queries";
import { MentorAgreementGaps } from "@/components/agreement/mentor-gaps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mentor"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MentorHome({ searchParams }: Props) {
  const actor = await requirePermission("mentor:view", "/mentor", { route: "/mentor", category: "contacts" });
  const params = await searchParams;
  const query = MentorListQuery.parse({ show: params.show, sort: params.sort });
  const [t, tInvite, tInfo, tConf, format, messages, overview, sickReports, requests, questions, tAnnounce, agreementGaps] = await Promise.all([
    getTranslations("mentor"), getTranslations("invitations"), getTranslations("informationDecide"), getTranslations("conferenceSchool"), getFormatter(), getMessages(),
    listMentorOverview(actor, query), activeSickReportsForMentor(actor), countPendingInformationRequests(actor),
    openQuestionsForMentor(actor), getTranslations("announcementForm"),
    // Who in the mentor's classes has not answered the school–parent agreement (issue 19): one statement.
    mentorAgreementGaps(actor),
  ]);
  const weeks = overview.rows[0]?.thresholdWeeks ?? 6;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      <p className="mt-2 flex flex-wrap gap-x-6">
        <Link href="/mentor/invitations" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{tInvite("mentorLink")}</Link>
        <Link href="/mentor/information-requests" className={`inline-flex min-h-11 items-center font-medium underline ${requests ? "text-warn-700" : "text-brand-700"}`}>
          {tInfo("homeLink", { count: requests })}
        </Link>
        <Link href="/mentor/announcements" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{tAnnounce("homeLink")}</Link>
        <EventPlannerLink actor={actor} href="/mentor/events" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" />
        <Link href="/mentor/conferences" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{tConf("mentorLink")}</Link>
      </p>
      {params.logged ? (
        <p role="status" className="mt-3 rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("logged")}</p>
      ) : null}

      <div className="mt-4">
        <OpenQuestions open={questions} />
      </div>

      <div className="mt-4">
        <SickReportList reports={sickReports} />
      </div>

      <div className="mt-4">
        <MentorAgreementGaps number={agreementGaps.number} rows={agreementGaps.rows} />
      </div>

      {/* On a phone: follow-ups, the list, then the contact hours (DOM order); on a wide screen the hours sit beside the follow-ups. */}
      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section aria-labelledby="followups-heading" className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 lg:col-start-1 lg:row-start-1">
          <h2 id="followups-heading" className="text-lg font-semibold">{t("followUpsTitle")}</h2>
          <p className="text-sm text-slate-600">{t("followUpsIntro")}</p>
          {overview.followUpsDue.length ? (
            <ul className="mt-2 divide-y divide-slate-100">
              {overview.followUpsDue.map((f) => (
                <li key={f.pupilId} className="py-2">
                  <Link href={`/mentor/pupils/${f.pupilId}`} className="font-medium text-brand-700 underline">{f.name}</Link>
                  <span className="ms-2 text-sm text-slate-600">{f.className} · {t("followUpOn", { date: format.dateTime(f.on, "dayMonth") })}</span>
                  <span dir="auto" className="block truncate text-sm">{f.summary}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm">{t("followUpsNone")}</p>
          )}
        </section>
        <section aria-labelledby="list-heading" className="min-w-0 lg:col-span-2 lg:row-start-2 lg:mt-2">
          <h2 id="list-heading" className="text-lg font-semibold">
            {t("summary", { total: overview.total, notReached: overview.notReachedCount })}
          </h2>
          <p className="text-sm text-slate-600">{t("thresholdNote", { weeks })}</p>
          <div className="mt-3"><ListFilter query={query} /></div>
          <div className="mt-4">
            {overview.rows.length ? (
              <PupilList rows={overview.rows} />
            ) : (
              <p className="rounded-lg bg-white p-4">{query.show === "notReached" ? t("allReached") : t("noPupils")}</p>
            )}
          </div>
        </section>
        {/* Collapsed once filled in, so on a phone the list is not pushed screens down; open while empty. */}
        <section aria-labelledby="hours-heading" className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 lg:col-start-2 lg:row-start-1 lg:self-start">
          <h2 id="hours-heading" className="text-lg font-semibold">{t("contactHoursTitle")}</h2>
          {overview.contactHours ? (
            <p dir="auto" className="line-clamp-2 text-sm text-slate-700">{overview.contactHours}</p>
          ) : (
            <p className="text-sm text-slate-700">{t("contactHoursNone")}</p>
          )}
          <details className="mt-1" open={overview.contactHours ? undefined : true}>
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("contactHoursEdit")}</summary>
            <NextIntlClientProvider messages={{ mentor: messages.mentor, contactForm: messages.contactForm, contactErrors: messages.contactErrors, errors: messages.errors }}>
              <ContactHoursForm action={contactHoursAction} current={overview.contactHours} />
            </NextIntlClientProvider>
          </details>
        </section>
      </div>
    </>
  );
}
