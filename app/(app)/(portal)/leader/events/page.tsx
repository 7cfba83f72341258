import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { requirePermission } from "@/lib/auth/guard";
import { EventPlanner } from "@/components/events/event-planner";

type Props = { searchParams: Promise<{ edit?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await fastTranslations(await getLocale(), "eventPlanner"))("title") };
}

export default async function LeaderEventsPage({ searchParams }: Props) {
  const actor = await requirePermission("leader:view", "/leader/events", { route: "/leader/events", category: "events" });
  const { edit } = await searchParams;
  return <EventPlanner actor={actor} basePath="/leader/events" editId={typeof edit === "string" ? edit.slice(0, 64) : undefined} />;
}
