import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import type { UpcomingEvent } from "@/lib/domain/events/events-sql";
import { replyEventAction } from "@/lib/domain/events/actions";
import { SmallActionForm } from "@/components/events/small-action-form";
import { calendarHref, eventTimes } from "@/components/events/event-time";
import { eventErrorTexts } from "@/components/events/error-texts";
import { fillIn, SchoolText } from "@/components/school-words/fill-in";

type Props = { pupilId: string; childName: string; events: UpcomingEvent[] };

/** The child page's events: when, where, the school's text, "we come / we don't come" where asked, and calendar files. */
export async function ChildEvents({ pupilId, childName, events }: Props) {
  const locale = await getLocale();
  const [t, errors] = await Promise.all([fastTranslations(locale, "events"), eventErrorTexts(locale)]);
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("intro", { name: childName })}</p>
      {events.length === 0 ? <p className="mt-3">{t("none")}</p> : (
        <ul className="mt-3 space-y-3">
          {events.map((event) => {
            const { start, end } = eventTimes(locale, event.startsAt, event.endsAt);
            return (
              <li key={event.id} className="rounded-2xl border border-slate-200 bg-white p-4">
                <p className="text-sm font-medium text-slate-700">{t(`kinds.${event.kind}`)}</p>
                <h3 className="text-lg font-semibold">
                  {event.cancelledAt ? <span className="me-2 rounded bg-warn-50 px-2 text-warn-700">{t("cancelled")}</span> : null}
                  <span lang="nl" className={event.cancelledAt ? "line-through" : undefined}>{event.title}</span>
                </h3>
                <p>{t("when", { start, end })}</p>
                {event.place ? <p>{fillIn((slot) => t("place", { place: slot }), <SchoolText>{event.place}</SchoolText>)}</p> : null}
                {event.description ? <p dir="auto" lang="nl" className="mt-1 whitespace-pre-line text-slate-700">{event.description}</p> : null}
                {event.asksReply && !event.cancelledAt ? (
                  <div className="mt-3">
                    <p className="text-sm text-slate-700">
                      {event.answer === "COMING" ? t("answeredComing") : event.answer === "NOT_COMING" ? t("answeredNotComing") : t("question")}
                    </p>
                    <SmallActionForm
                      action={replyEventAction}
                      fields={{ eventId: event.id, pupilId }}
                      legend={t("replyLegend", { title: event.title })}
                      buttons={[
                        { label: t("coming"), name: "answer", value: "COMING", pressed: event.answer === "COMING" },
                        { label: t("notComing"), name: "answer", value: "NOT_COMING", pressed: event.answer === "NOT_COMING" },
                      ]}
                      errors={errors}
                      doneText={t("saved")}
                    />
                  </div>
                ) : null}
                {event.cancelledAt ? null : (
                  <a href={calendarHref(pupilId, event.id)} aria-label={t("addOneLabel", { title: event.title })} className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">
                    {t("addOne")}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {events.length ? (
        <p className="mt-3">
          <a href={calendarHref(pupilId)} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("addAll", { name: childName })}</a>
          <span className="block text-sm text-slate-700">{t("calendarHelp")}</span>
        </p>
      ) : null}
    </section>
  );
}
