import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listHostedRounds } from "@/lib/domain/conferences/round-queries";
import { listFollowUps, listNotBooked } from "@/lib/domain/conferences/schedule-queries";
import { HostedRounds } from "@/components/conference-school/hosted-rounds";
import { FollowUpList, NotBookedList } from "@/components/conference-school/follow-up-list";
import { OutcomeNotice } from "@/components/conference-school/outcome-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conferenceSchool"))("mentorTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The host's conference rounds, their times, and the follow-up and not-booked lists. */
export default async function MentorConferences({ searchParams }: Props) {
  const actor = await requirePermission("conferences:host", "/mentor/conferences", { route: "/mentor/conferences", category: "conferences" });
  const now = new Date();
  const [t, tMentor, params, rounds, followUps, notBooked] = await Promise.all([
    getTranslations("conferenceSchool"), getTranslations("mentorPupil"), searchParams, listHostedRounds(actor), listFollowUps(actor), listNotBooked(actor, now),
  ]);
  return (
    <>
      <Link href="/mentor" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {tMentor("back")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{t("mentorTitle")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("mentorIntro")}</p>
      <OutcomeNotice done={params.done} error={params.error} />
      <div className="mt-4">
        <HostedRounds rounds={rounds} now={now} />
      </div>
      <div className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <FollowUpList items={followUps} />
        <NotBookedList rounds={notBooked} />
      </div>
    </>
  );
}
