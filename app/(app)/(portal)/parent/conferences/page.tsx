import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getBookingPage } from "@/lib/domain/conferences/booking-queries";
import { RoundSection } from "@/components/conferences/round-section";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("conferences"))("metaTitle"), robots: { index: false } };
}

const DONE = ["booked", "moved", "cancelled", "joined"] as const;

export default async function ConferencesPage({ searchParams }: Props) {
  const actor = await requirePermission("conference:book", "/parent/conferences", { route: "/parent/conferences", category: "conferences" });
  const [rounds, t, query] = await Promise.all([getBookingPage(actor), getTranslations("conferences"), searchParams]);
  const done = DONE.find((d) => d === query.done);
  return (
    <>
      <Link href="/parent" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-xl font-semibold break-words hyphens-auto sm:text-2xl">{t("title")}</h1>
      {done ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t(`done.${done}`)}</p> : null}
      {rounds.length === 0 ? <p className="mt-4">{t("noRounds")}</p> : rounds.map((round) => <RoundSection key={round.id} round={round} />)}
    </>
  );
}
