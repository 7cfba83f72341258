import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventPlannerLink } from "@/components/events/planner-link";
import type { Actor } from "@/lib/auth/types";

const primary = "inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700";
const secondary = "inline-flex min-h-12 items-center rounded-lg border border-brand-600 px-5 font-semibold text-brand-700 hover:bg-brand-50";

/** The leader's workspaces, shown on /leader: one list so each area adds its own link here. */
export async function LeaderLinks({ actor, pendingInformationRequests }: { actor: Actor; pendingInformationRequests: number }) {
  const [tWork, tPub, tAtt, tInfo, tPrivacy, tConf, tAnnounce, tAgreement, tSurveys, tSelf] = await Promise.all([
    getTranslations("workspace"), getTranslations("publishing"), getTranslations("attendance"), getTranslations("informationDecide"), getTranslations("privacy"),
    getTranslations("conferenceSchool"), getTranslations("announcementForm"),
    getTranslations("agreement"), getTranslations("surveys"), getTranslations("selfAssessment"),
  ]);
  return (
    <nav aria-label={tWork("leaderTitle")} className="flex flex-wrap gap-3">
      <Link href="/leader/indicators" className={primary}>{tPub("title")}</Link>
      {/* The 16-hour list and message delivery, read-only for the leader. */}
      <Link href="/attendance" className={secondary}>{tAtt("title")}</Link>
      {/* Requests for information from guardians without parental authority (art. 1:377c BW). */}
      <Link href="/leader/information-requests" className={secondary}>{tInfo("homeLink", { count: pendingInformationRequests })}</Link>
      <EventPlannerLink actor={actor} href="/leader/events" className={secondary} />
      {/* Who looked at the school's pupils' data (decision 0024). */}
      <Link href="/leader/privacy" className={secondary}>{tPrivacy("homeLink")}</Link>
      {/* Announcements to the whole school or chosen classes, with their delivery (issue 16). */}
      <Link href="/leader/announcements" className={secondary}>{tAnnounce("homeLink")}</Link>
      {/* Conference rounds (issue 16). */}
      <Link href="/leader/conferences" className={secondary}>{tConf("leaderLink")}</Link>
      {/* Issue 19: the school–parent agreement, surveys and the involvement self-assessment. */}
      <Link href="/leader/agreement" className={secondary}>{tAgreement("leaderLink")}</Link>
      <Link href="/leader/surveys" className={secondary}>{tSurveys("leaderLink")}</Link>
      <Link href="/leader/self-assessment" className={secondary}>{tSelf("leaderLink")}</Link>
    </nav>
  );
}
