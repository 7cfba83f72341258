import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { requirePermission } from "@/lib/auth/guard";
import { denyAccess } from "@/lib/auth/audit";
import { mayPlanEvents } from "@/lib/domain/events/planner";
import { EventPlanner } from "@/components/events/event-planner";

type Props = { searchParams: Promise<{ edit?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await fastTranslations(await getLocale(), "eventPlanner"))("title") };
}

// The planning page for a mentor whom the school leader allowed (EventPlanner); anyone else: 404 and an audit row.
export default async function MentorEventsPage({ searchParams }: Props) {
  const context = { route: "/mentor/events", category: "events" } as const;
  const actor = await requirePermission("mentor:view", "/mentor/events", context);
  if (!(await mayPlanEvents(actor))) return denyAccess(actor, "route:view", null, context);
  const { edit } = await searchParams;
  return <EventPlanner actor={actor} basePath="/mentor/events" editId={typeof edit === "string" ? edit.slice(0, 64) : undefined} />;
}
