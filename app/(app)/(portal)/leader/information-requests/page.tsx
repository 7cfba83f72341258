import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listInformationRequests } from "@/lib/domain/information/queries";
import { InformationRequestsView } from "@/components/information/requests-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("informationDecide"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The school's requests for information (art. 1:377c BW), for the school leader. */
export default async function LeaderInformationRequests({ searchParams }: Props) {
  const actor = await requirePermission("leader:view", "/leader/information-requests", { route: "/leader/information-requests", category: "information" });
  const [t, tWork, list, params] = await Promise.all([getTranslations("informationDecide"), getTranslations("workspace"), listInformationRequests(actor), searchParams]);
  return (
    <>
      <Link href="/leader" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {tWork("leaderTitle")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro")}</p>
      <InformationRequestsView pending={list.pending} decided={list.decided} decidedId={typeof params.decided === "string" ? params.decided : undefined} />
    </>
  );
}
