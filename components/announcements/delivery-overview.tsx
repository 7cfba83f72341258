import { getFormatter, getTranslations } from "next-intl/server";
import type { DeliveryRow } from "@/lib/domain/announcements/queries";

/** Per announcement: how many messages wait, were delivered, failed or were not sent (counted in SQL). */
export async function DeliveryOverview({ rows, highlight }: { rows: DeliveryRow[]; highlight?: string }) {
  const [t, format] = await Promise.all([getTranslations("announcementForm"), getFormatter()]);
  if (rows.length === 0) return <p className="mt-2">{t("deliveryNone")}</p>;
  const n = (value: number) => format.number(value, "integer");
  return (
    <div role="region" aria-label={t("deliveryTitle")} tabIndex={0} className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-start text-sm">
        <caption className="sr-only">{t("deliveryTitle")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="p-2 text-start">{t("col_subject")}</th>
            <th scope="col" className="p-2 text-start">{t("col_classes")}</th>
            <th scope="col" className="p-2 text-end">{t("col_total")}</th>
            <th scope="col" className="p-2 text-end">{t("col_pending")}</th>
            <th scope="col" className="p-2 text-end">{t("col_delivered")}</th>
            <th scope="col" className="p-2 text-end">{t("col_failed")}</th>
            <th scope="col" className="p-2 text-end">{t("col_skipped")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-testid={`delivery-${r.id}`} className={r.id === highlight ? "bg-brand-50" : undefined}>
              <th scope="row" className="p-2 text-start font-medium">
                <span lang="nl" dir="auto">{r.subject}</span>
                <span className="block text-xs font-normal text-slate-600">{format.dateTime(r.createdAt, "sent")}</span>
              </th>
              <td className="p-2">{r.wholeSchool ? t("wholeSchoolLabel") : r.classes.join(", ")}</td>
              <td className="p-2 text-end">{n(r.total)}</td>
              <td className="p-2 text-end">{n(r.pending)}</td>
              <td className="p-2 text-end">{n(r.delivered)}</td>
              <td className="p-2 text-end">{n(r.failed)}</td>
              <td className="p-2 text-end">{n(r.skipped)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
