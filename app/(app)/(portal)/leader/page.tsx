import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { countPendingInformationRequests } from "@/lib/domain/information/queries";
import { EventPlannerLink } from "@/components/events/planner-link";
import { schoolPromotionRules } from "@/lib/domain/school-system/queries";
import { savePromotionRulesAction } from "@/lib/domain/school-system/actions";
import { PromotionRulesForm } from "@/components/leader/promotion-rules-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("leaderTitle") };
}

export default async function LeaderHome() {
  const actor = await requirePermission("leader:view", "/leader", { route: "/leader", category: "information" });
  const [t, tPub, tAtt, tInfo, tPrivacy, tConf, requests, tAnnounce, tSystem, promotionRules, messages] = await Promise.all([
    getTranslations("workspace"), getTranslations("publishing"), getTranslations("attendance"), getTranslations("informationDecide"), getTranslations("privacy"),
    getTranslations("conferenceSchool"),
    countPendingInformationRequests(actor), getTranslations("announcementForm"),
    getTranslations("schoolSystem.leader"), schoolPromotionRules(actor), getMessages(),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("leaderTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("leaderIntro")}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/leader/indicators" className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
          {tPub("title")}
        </Link>
        {/* The 16-hour list and message delivery, read-only for the leader. */}
        <Link href="/attendance" className="inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50">
          {tAtt("title")}
        </Link>
        {/* Requests for information from guardians without parental authority (art. 1:377c BW). */}
        <Link href="/leader/information-requests" className="inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50">
          {tInfo("homeLink", { count: requests })}
        </Link>
        <EventPlannerLink actor={actor} href="/leader/events" className="inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50" />
        {/* Who looked at the school's pupils' data (decision 0024). */}
        <Link href="/leader/privacy" className="inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50">
          {tPrivacy("homeLink")}
        </Link>
        {/* Announcements to the whole school or chosen classes, with their delivery (issue 16). */}
        <Link href="/leader/announcements" className="inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50">
          {tAnnounce("homeLink")}
        </Link>
        {/* Conference rounds (issue 16). */}
        <Link href="/leader/conferences" className="inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50">
          {tConf("leaderLink")}
        </Link>
      </div>
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
