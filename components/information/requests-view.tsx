import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import type { StaffInformationRequest } from "@/lib/domain/information/queries";
import { decideInformationAction } from "@/lib/domain/information/actions";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { InformationDecisionForm } from "@/components/information/decision-form";
import { categoryList } from "@/components/parent/rights-banner";

type Props = { pending: StaffInformationRequest[]; decided: StaffInformationRequest[]; decidedId?: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The requests for information of a mentor's classes or a leader's school: decide the waiting ones, see the recent decisions. */
export async function InformationRequestsView({ pending, decided, decidedId }: Props) {
  const [t, format, messages, locale] = await Promise.all([getTranslations("informationDecide"), getFormatter(), getMessages(), getLocale()]);
  const day = (d: Date) => format.dateTime(d, "full");
  const today = dutchToday();
  // A grant runs to the end of the school year unless the decider picks another day.
  const yearEnd = isoDay(schoolYearOf(today).endsOn);
  const line = (r: StaffInformationRequest) =>
    t("requestLine", { guardian: r.guardian.name, relationship: t(`relationship.${r.guardian.relationship}`), pupil: r.pupil.name, className: r.pupil.className });
  return (
    <>
      {decidedId ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("saved")}</p> : null}
      <section aria-labelledby="pending-heading" className="mt-6">
        <h2 id="pending-heading" className="text-xl font-semibold">{t("pendingTitle")}</h2>
        {pending.length === 0 ? <p className="mt-2">{t("nonePending")}</p> : null}
        <ul className="mt-3 space-y-4">
          {await Promise.all(pending.map(async (r) => (
            <li key={r.id} className="max-w-3xl rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
              <h3 className="font-semibold">{line(r)}</h3>
              <p className="mt-1 text-slate-700">{t("askedOn", { date: day(r.createdAt), categories: await categoryList(locale, r.categories) })}</p>
              {r.message ? (
                <div className="mt-2 rounded-lg bg-slate-50 p-3">
                  <p className="text-sm font-medium">{t("message")}</p>
                  <p dir="auto" className="whitespace-pre-line">{r.message}</p>
                </div>
              ) : null}
              <NextIntlClientProvider messages={{ informationDecide: messages.informationDecide, informationCategories: messages.informationCategories, informationErrors: messages.informationErrors, errors: messages.errors }}>
                <InformationDecisionForm
                  action={decideInformationAction} requestId={r.id} today={isoDay(today)}
                  categories={[...new Set([...r.categories, ...(r.grantInForce?.categories ?? [])])]}
                  until={r.grantInForce?.until && r.grantInForce.until > today ? isoDay(r.grantInForce.until) : yearEnd}
                />
              </NextIntlClientProvider>
            </li>
          )))}
        </ul>
      </section>
      <section aria-labelledby="decided-heading" className="mt-8">
        <h2 id="decided-heading" className="text-xl font-semibold">{t("decidedTitle")}</h2>
        {decided.length === 0 ? <p className="mt-2">{t("noneDecided")}</p> : (
        <ul className="mt-3 max-w-3xl divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-4">
          {await Promise.all(decided.map(async (r) => (
            <li key={r.id} className="py-3">
              <p className="font-medium">{line(r)}</p>
              <p className={r.status === "REFUSED" ? "text-warn-700" : "text-slate-800"}>
                {r.status === "GRANTED" && r.decidedAt ? t("decidedGRANTED", {
                  by: r.decidedBy ?? "", date: day(r.decidedAt), categories: await categoryList(locale, r.grantedCategories),
                  hasUntil: r.grantedUntil ? "yes" : "no", until: r.grantedUntil ? day(r.grantedUntil) : "",
                }) : null}
                {r.status === "REFUSED" && r.decidedAt ? t("decidedREFUSED", { by: r.decidedBy ?? "", date: day(r.decidedAt), reason: r.refusalReason ?? "" }) : null}
              </p>
            </li>
          )))}
        </ul>
        )}
      </section>
    </>
  );
}
