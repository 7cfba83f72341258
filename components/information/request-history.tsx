import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { InformationRequestPage } from "@/lib/domain/information/queries";
import { categoryList } from "@/components/parent/rights-banner";

/** A guardian's earlier requests about one pupil, newest first, each with the school's answer. */
export async function InformationRequestHistory({ requests }: { requests: InformationRequestPage["requests"] }) {
  const [t, format, locale] = await Promise.all([getTranslations("informationAsk"), getFormatter(), getLocale()]);
  if (requests.length === 0) return <p className="mt-2">{t("noHistory")}</p>;
  const day = (d: Date) => format.dateTime(d, "full");
  return (
    <ul className="mt-3 space-y-3">
      {await Promise.all(requests.map(async (r) => (
        <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="font-medium">{t("askedOn", { date: day(r.createdAt), categories: await categoryList(locale, r.categories) })}</p>
          {r.message ? <p dir="auto" className="mt-1 whitespace-pre-line text-slate-700">{r.message}</p> : null}
          <p className={`mt-2 ${r.status === "REFUSED" ? "text-warn-700" : "text-slate-800"}`}>
            {r.status === "PENDING" ? t("statusPENDING") : null}
            {r.status === "GRANTED" && r.decidedAt ? t("statusGRANTED", {
              date: day(r.decidedAt), categories: await categoryList(locale, r.grantedCategories),
              hasUntil: r.grantedUntil ? "yes" : "no", until: r.grantedUntil ? day(r.grantedUntil) : "",
            }) : null}
            {r.status === "REFUSED" && r.decidedAt ? t("statusREFUSED", { date: day(r.decidedAt), reason: r.refusalReason ?? "" }) : null}
          </p>
        </li>
      )))}
    </ul>
  );
}
