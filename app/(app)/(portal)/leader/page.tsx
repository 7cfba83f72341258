import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { countPendingInformationRequests } from "@/lib/domain/information/queries";
import { LeaderLinks } from "@/components/leader/leader-links";
import { schoolPromotionRules } from "@/lib/domain/school-system/queries";
import { savePromotionRulesAction } from "@/lib/domain/school-system/actions";
import { PromotionRulesForm } from "@/components/leader/promotion-rules-form";
import { ReachDashboard } from "@/components/reach/dashboard";
import { parseReachQuery } from "@/lib/domain/reach/filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("leaderTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LeaderHome({ searchParams }: Props) {
  const actor = await requirePermission("leader:view", "/leader", { route: "/leader", category: "information" });
  const [t, requests, tSystem, promotionRules, messages] = await Promise.all([
    getTranslations("workspace"), countPendingInformationRequests(actor),
    getTranslations("schoolSystem.leader"), schoolPromotionRules(actor), getMessages(),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("leaderTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("leaderIntro")}</p>
      <div className="mt-6">
        <LeaderLinks actor={actor} pendingInformationRequests={requests} />
      </div>
      {/* Which families the school reaches (issue 19 part 1). */}
      <ReachDashboard actor={actor} query={parseReachQuery(await searchParams)} now={new Date()} />
      {/* The school's own promotion rules, shown on the parents' school-system page (issue 18). */}
      <section aria-labelledby="promotion-rules-heading" className="mt-10 max-w-2xl rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="promotion-rules-heading" className="text-lg font-semibold">{tSystem("title")}</h2>
        <p className="mt-1 text-slate-700">{tSystem("intro")}</p>
        <div className="mt-3">
          <NextIntlClientProvider messages={{ schoolSystem: { leader: messages.schoolSystem.leader, errors: messages.schoolSystem.errors }, errors: messages.errors }}>
            <PromotionRulesForm action={savePromotionRulesAction} initial={promotionRules} />
          </NextIntlClientProvider>
        </div>
      </section>
    </>
  );
}
