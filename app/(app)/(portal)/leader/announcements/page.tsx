import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { AnnouncementsPage } from "@/components/announcements/announcements-page";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("announcementForm"))("metaTitle") };
}

export default async function LeaderAnnouncements({ searchParams }: Props) {
  const actor = await requirePermission("leader:view", "/leader/announcements", { route: "/leader/announcements", category: "announcements" });
  const { sent } = await searchParams;
  return <AnnouncementsPage actor={actor} sent={typeof sent === "string" ? sent : undefined} />;
}
