import Link from "next/link";
import { getLocale } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import type { Actor } from "@/lib/auth/types";
import { eventForEdit, plannerOverview } from "@/lib/domain/events/queries";
import { amsterdamInputValue } from "@/lib/domain/events/audience";
import { cancelEventAction, saveEventAction, setPlannerAction } from "@/lib/domain/events/actions";
import type { EventFormValues } from "@/lib/domain/events/actions";
import { EVENT_KINDS, EVENT_AUDIENCES, SCHOOL_YEARS_MAX, TITLE_MAX, DESCRIPTION_MAX } from "@/lib/domain/events/fields";
import { EventForm, type EventFormTexts } from "@/components/events/event-form";
import { SmallActionForm } from "@/components/events/small-action-form";
import { eventErrorTexts } from "@/components/events/error-texts";
import { eventTimes } from "@/components/events/event-time";
import { AppError } from "@/lib/errors";
import { notFound } from "next/navigation";

type Props = { actor: Actor; basePath: "/leader/events" | "/mentor/events"; editId?: string };

const EMPTY: EventFormValues = { kind: "PARENT_EVENING", title: "", description: "", place: "", startsAt: "", endsAt: "", audience: "SCHOOL", years: [], classIds: [], asksReply: false };

/** The planning page (leader, or a mentor the leader allows): the school year's events with reply counts, the form, and who may plan. */
export async function EventPlanner({ actor, basePath, editId }: Props) {
  const locale = await getLocale();
  const now = new Date();
  const [t, tEvents, errors, overview] = await Promise.all([
    fastTranslations(locale, "eventPlanner"), fastTranslations(locale, "events"), eventErrorTexts(locale), plannerOverview(actor, now),
  ]);
  let editing: Awaited<ReturnType<typeof eventForEdit>> | null = null;
  if (editId) {
    try {
      editing = await eventForEdit(actor, editId);
    } catch (error) {
      if (error instanceof AppError) notFound();
      throw error;
    }
  }
  if (!overview.year) return <p className="mt-6 rounded-lg bg-white p-4">{t("noYear")}</p>;
  const texts: EventFormTexts = {
    heading: editing ? t("editTitle") : t("newTitle"),
    kind: t("kind"), kinds: Object.fromEntries(EVENT_KINDS.map((k) => [k, tEvents(`kinds.${k}`)])),
    title: t("titleField"), titleHelp: t("titleHelp", { max: TITLE_MAX }), description: t("description"), descriptionHelp: t("descriptionHelp", { max: DESCRIPTION_MAX }),
    place: t("place"), placeHelp: t("placeHelp"), startsAt: t("startsAt"), endsAt: t("endsAt"), timeHelp: t("timeHelp"), audience: t("audience"),
    audiences: Object.fromEntries(EVENT_AUDIENCES.map((a) => [a, t(`audiences.${a}`)])), years: t("years"),
    yearLabels: Array.from({ length: SCHOOL_YEARS_MAX }, (_, i) => t("year", { year: i + 1 })), classes: t("classes"),
    asksReply: t("asksReply"), asksReplyHelp: t("asksReplyHelp"), save: editing ? t("saveChanges") : t("save"), saving: t("saving"),
    created: t("created"), updated: t("updated"), errorTitle: t("errorTitle"), errors,
  };
  const initial: EventFormValues = editing
    ? {
      kind: editing.kind, title: editing.title, description: editing.description ?? "", place: editing.place ?? "",
      startsAt: amsterdamInputValue(editing.startsAt), endsAt: amsterdamInputValue(editing.endsAt), audience: editing.audience,
      years: editing.audienceYears.map(String), classIds: editing.classIds, asksReply: editing.asksReply,
    }
    : EMPTY;
  const audienceText = (e: (typeof overview.events)[number]) =>
    e.audience === "SCHOOL" ? t("forWhole") : e.audience === "YEARS" ? t("forYears", { years: e.audienceYears.join(", ") }) : t("forClasses", { classes: e.classes.map((c) => c.name).join(", ") });
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro", { year: overview.year.name })}</p>
      <section aria-labelledby="planned-heading" className="mt-6">
        <h2 id="planned-heading" className="text-xl font-semibold">{t("listTitle")}</h2>
        {overview.events.length === 0 ? <p className="mt-2">{t("none")}</p> : (
          <ul className="mt-3 space-y-3">
            {overview.events.map((e) => {
              const { start, end } = eventTimes(locale, e.startsAt, e.endsAt);
              return (
                <li key={e.id} className="rounded-2xl border border-slate-200 bg-white p-4">
                  <p className="text-sm text-slate-700">{tEvents(`kinds.${e.kind}`)} · {audienceText(e)}</p>
                  <h3 className="text-lg font-semibold">
                    {e.cancelledAt ? <span className="me-2 rounded bg-warn-50 px-2 text-warn-700">{t("cancelled")}</span> : null}
                    {e.title}
                  </h3>
                  <p>{tEvents("when", { start, end })}{e.place ? ` · ${e.place}` : ""}</p>
                  <p className="text-sm">{e.asksReply ? t("replies", { coming: e.replies.COMING, notComing: e.replies.NOT_COMING }) : t("noReplyAsked")}</p>
                  {/* A cancelled or past event is history: nothing to change. */}
                  {e.cancelledAt || e.endsAt <= now ? null : (
                    <div className="mt-2 flex flex-wrap items-start gap-3">
                      <Link href={`${basePath}?edit=${e.id}#event-form`} aria-label={t("editLabel", { title: e.title })} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-semibold text-brand-700 hover:bg-brand-50">
                        {t("edit")}
                      </Link>
                      <SmallActionForm action={cancelEventAction} fields={{ eventId: e.id }} buttons={[{ label: t("cancel"), ariaLabel: t("cancelLabel", { title: e.title }) }]} errors={errors} confirmText={t("cancelConfirm")} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <div id="event-form" className="mt-8 max-w-2xl rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        {editing ? <Link href={basePath} className="inline-flex min-h-11 items-center text-brand-700 underline">{t("backToList")}</Link> : null}
        <EventForm action={saveEventAction} idempotencyKey={randomUUID()} eventId={editing?.id} initial={initial} classes={overview.classes} texts={texts} />
      </div>
      {overview.staff ? (
        <section aria-labelledby="planners-heading" className="mt-8 max-w-2xl">
          <h2 id="planners-heading" className="text-xl font-semibold">{t("plannersTitle")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("plannersIntro")}</p>
          <ul className="mt-3 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {overview.staff.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>{s.name} — {s.allowed ? t("mayPlan") : t("mayNotPlan")}</span>
                <SmallActionForm
                  action={setPlannerAction}
                  fields={{ staffId: s.id, allowed: s.allowed ? "false" : "true" }}
                  buttons={[{ label: s.allowed ? t("disallow") : t("allow"), ariaLabel: s.allowed ? t("disallowLabel", { name: s.name }) : t("allowLabel", { name: s.name }) }]}
                  errors={errors}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
