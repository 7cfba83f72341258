import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import type { UpcomingEvent } from "@/lib/domain/events/events-sql";
import { calendarHref, eventTimes } from "@/components/events/event-time";

type Props = { childrenEvents: { id: string; firstName: string; events: UpcomingEvent[] }[] };

/** On /parent: the next events per child, a link to each child's page and one calendar file for all children. */
export async function OverviewEvents({ childrenEvents }: Props) {
  const withEvents = childrenEvents.filter((c) => c.events.length);
  if (withEvents.length === 0) return null;
  const locale = await getLocale();
  const t = await fastTranslations(locale, "events");
  return (
    <section aria-labelledby="overview-events-heading" className="mt-10 max-w-3xl">
      <h2 id="overview-events-heading" className="text-xl font-semibold">{t("overviewTitle")}</h2>
      {withEvents.map((child) => (
        <div key={child.id} className="mt-3">
          <h3 className="font-semibold">{child.firstName}</h3>
          <ul className="mt-1 space-y-2">
            {child.events.map((event) => {
              const { start, end } = eventTimes(locale, event.startsAt, event.endsAt);
              return (
                <li key={event.id} className="rounded-lg bg-white p-3">
                  <p className="font-medium">
                    {event.cancelledAt ? <span className="me-2 text-warn-700">{t("cancelled")}:</span> : null}
                    <span lang="nl">{event.title}</span>
                  </p>
                  <p className="text-sm text-slate-700">{t("when", { start, end })}{event.place ? <> · <span lang="nl">{event.place}</span></> : null}</p>
                </li>
              );
            })}
          </ul>
          <Link href={`/parent/children/${child.id}#events-heading`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("more", { name: child.firstName })}
          </Link>
        </div>
      ))}
      <p className="mt-2">
        <a href={calendarHref()} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("addAllChildren")}</a>
        <span className="block text-sm text-slate-700">{t("calendarHelp")}</span>
      </p>
    </section>
  );
}
