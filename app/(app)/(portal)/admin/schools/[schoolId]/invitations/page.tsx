import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { invitationOverview } from "@/lib/domain/invitations/queries";
import { InvitationFilter } from "@/lib/domain/invitations/schemas";
import { InvitationList } from "@/components/invitations/invitation-list";
import { noticeOf } from "@/components/invitations/notice";
import { SchoolHeader } from "@/components/admin/school-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("title") };
}

type Props = { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The board administrator invites a school's guardians and staff (the school comes from boardSchool: own board or 404). */
export default async function SchoolInvitationsPage({ params, searchParams }: Props) {
  const actor = await requirePermission("admin:view", "/admin", { route: "/admin/schools/[schoolId]/invitations", category: "guardians" });
  const [{ schoolId }, query, t] = await Promise.all([params, searchParams, getTranslations("invitations")]);
  const overview = await invitationOverview(actor, schoolId);
  const filter = InvitationFilter.parse({ class: query.class || undefined, status: query.status || undefined });
  return (
    <>
      <SchoolHeader schoolId={schoolId} name={overview.schoolName ?? ""} current="invitations" title={t("title")} />
      <p className="mt-4 mb-6 max-w-prose text-slate-700">{t("introAdmin")}</p>
      <InvitationList overview={overview} context={{ schoolId: overview.schoolId, requestKey: randomUUID(), filter }} notice={noticeOf(query)} />
    </>
  );
}
