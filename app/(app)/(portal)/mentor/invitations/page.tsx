import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { invitationOverview } from "@/lib/domain/invitations/queries";
import { InvitationFilter } from "@/lib/domain/invitations/schemas";
import { InvitationList } from "@/components/invitations/invitation-list";
import { noticeOf } from "@/components/invitations/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A mentor invites the guardians of their own classes (actor.mentorOf). */
export default async function MentorInvitationsPage({ searchParams }: Props) {
  const actor = await requirePermission("mentor:view", "/mentor/invitations", { route: "/mentor/invitations", category: "guardians" });
  const [query, t, tCommon] = await Promise.all([searchParams, getTranslations("invitations"), getTranslations("common")]);
  const overview = await invitationOverview(actor, null);
  const filter = InvitationFilter.parse({ class: query.class || undefined, status: query.status || undefined });
  return (
    <>
      <p><Link href="/mentor" className="inline-flex min-h-11 items-center text-brand-700 underline">{tCommon("backToOverview")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-6 max-w-prose text-slate-700">{t("introMentor")}</p>
      <InvitationList overview={overview} context={{ schoolId: null, requestKey: randomUUID(), filter }} notice={noticeOf(query)} />
    </>
  );
}
