import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { getSchedule } from "@/lib/domain/conferences/schedule-queries";
import { ScheduleView } from "@/components/conference-school/schedule-view";
import { OutcomeNotice } from "@/components/conference-school/outcome-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conferenceSchool"))("scheduleLink") };
}

type Props = { params: Promise<{ roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The host's schedule of one round: per evening, printable (one A4 per evening), with attendance marks. */
export default async function ConferenceSchedule({ params, searchParams }: Props) {
  const actor = await requirePermission("conferences:host", "/mentor/conferences", { route: "/mentor/conferences/[roundId]", category: "conferences" });
  const [{ roundId }, query, t] = await Promise.all([params, searchParams, getTranslations("conferenceSchool")]);
  const schedule = await getSchedule(actor, roundId).catch((error: unknown) => {
    // Not a round the mentor hosts: the query wrote the DENIED row.
    if (error instanceof AppError && error.code === "notFound") notFound();
    throw error;
  });
  return (
    <>
      <Link href="/mentor/conferences" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("backToRounds")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold break-words" dir="auto">{t("scheduleTitle", { title: schedule.title })}</h1>
      <p className="no-print mt-2 max-w-prose text-slate-700">{t("scheduleIntro")} {t("printHint")}</p>
      <div className="no-print"><OutcomeNotice done={query.done} error={query.error} /></div>
      <ScheduleView schedule={schedule} returnTo={`/mentor/conferences/${schedule.id}`} />
    </>
  );
}
