import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import type { Actor } from "@/lib/auth/types";
import { mayPlanEvents } from "@/lib/domain/events/planner";

/** The link to the planning page, for a leader or a mentor the leader allowed (nothing for others). */
export async function EventPlannerLink({ actor, href, className }: { actor: Actor; href: "/leader/events" | "/mentor/events"; className: string }) {
  if (!(await mayPlanEvents(actor))) return null;
  const t = await fastTranslations(await getLocale(), "eventPlanner");
  return <Link href={href} className={className}>{t("homeLink")}</Link>;
}
