import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getArrangements } from "@/lib/domain/conferences/schedule-queries";
import { ArrangementsView } from "@/components/conference-school/arrangements-view";
import { AppError } from "@/lib/errors";
import { notFound } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conferenceSchool"))("arrangementsLink") };
}

type Props = { params: Promise<{ roundId: string }> };

/** Interpreter and childcare requests of a round, for the school to arrange. */
export default async function ConferenceArrangements({ params }: Props) {
  const route = "/leader/conferences/[roundId]/arrangements" as const;
  const actor = await requirePermission("conferences:manage", "/leader/conferences", { route, category: "conferences" });
  const { roundId } = await params;
  const t = await getTranslations("conferenceSchool");
  const arrangements = await getArrangements(actor, roundId).catch((error: unknown) => {
    // Another school's round: the query wrote the DENIED row.
    if (error instanceof AppError && error.code === "notFound") notFound();
    throw error;
  });
  return (
    <>
      <Link href="/leader/conferences" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("backToRounds")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold break-words" dir="auto">{t("arrangementsTitle", { title: arrangements.title })}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("arrangementsIntro")}</p>
      <ArrangementsView arrangements={arrangements} />
    </>
  );
}
