import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AlertChannel } from "@/lib/generated/prisma/enums";
import { DELIVERY_STATES, type DeliveryLog as Log, type DeliveryRow, type DeliveryState } from "@/lib/domain/attendance/delivery-queries";
import type { DeliveryReason } from "@/lib/notifications/transports/types";

const STATUS_STYLE: Record<DeliveryState, string> = {
  PENDING: "border-slate-300 bg-white text-slate-800",
  RETRYING: "border-amber-400 bg-amber-50 text-amber-900",
  SENDING: "border-sky-300 bg-sky-50 text-sky-900",
  DELIVERED: "border-emerald-300 bg-emerald-50 text-emerald-900",
  FAILED: "border-warn-700 bg-warn-50 text-warn-700",
  SKIPPED: "border-slate-300 bg-slate-100 text-slate-700",
};

// 16×16 line icons; always next to the word, so colour and shape are never the only signal.
const STATUS_PATH: Record<DeliveryState, string> = {
  PENDING: "M8 4v4l3 2M14 8A6 6 0 1 1 2 8a6 6 0 0 1 12 0z",
  RETRYING: "M13 8a5 5 0 1 1-1.5-3.5M13 2.5v3h-3",
  SENDING: "M2 8h10M9 4l4 4-4 4",
  DELIVERED: "M3 8.5l3 3 7-7",
  FAILED: "M4 4l8 8M12 4l-8 8",
  SKIPPED: "M3 8h10",
};
const CHANNEL_PATH: Record<AlertChannel, string> = {
  EMAIL: "M2 4h12v8H2zM2 4l6 5 6-5",
  SMS: "M3 3h10v7H7l-3 3v-3H3z",
  PORTAL: "M2 3h12v9H2zM2 6h12",
};

function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}

// The catalogue key of each reason (delivery.reasons.*), and which reasons a later attempt could have cured.
const REASON_KEY: Record<DeliveryReason, string> = {
  "smtp-unreachable": "smtpUnreachable", "smtp-timeout": "smtpTimeout", "smtp-temporary": "smtpTemporary", "smtp-rejected": "smtpRejected", "smtp-error": "smtpError",
  "sms-unreachable": "smsUnreachable", "sms-timeout": "smsTimeout", "sms-temporary": "smsTemporary", "sms-rejected": "smsRejected",
  error: "error", "no-address": "noAddress", "not-eligible": "notEligible", "nothing-to-tell": "nothingToTell",
};
const PERMANENT = new Set<DeliveryReason>(["smtp-rejected", "sms-rejected", "no-address", "not-eligible", "nothing-to-tell"]);

/** The reason as a sentence in the reader's language; a reason we cannot name is shown short and masked. */
function reasonLine(t: Awaited<ReturnType<typeof getTranslations<"delivery">>>, row: DeliveryRow): string | null {
  if (row.reason) {
    const reason = t(`reasons.${REASON_KEY[row.reason.code]}` as "reasons.error");
    return t("reason", { reason: row.reason.providerStatus ? t("reasonWithCode", { reason, code: String(row.reason.providerStatus) }) : reason });
  }
  return row.lastError ? t("lastError", { error: row.lastError }) : null;
}

const href = (status: DeliveryState | null, page = 1) => {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/attendance/messages?${query}` : "/attendance/messages";
};

/** Counts per status, each a link that filters; and the same filter as a plain GET form. */
export async function DeliveryFilter({ log }: { log: Log }) {
  const [t, format] = await Promise.all([getTranslations("delivery"), getFormatter()]);
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2" aria-label={t("countsLabel")}>
        {DELIVERY_STATES.map((status) => (
          <li key={status}>
            <Link
              href={href(status)}
              aria-current={log.status === status ? "page" : undefined}
              className={`inline-flex min-h-11 items-center gap-2 rounded-full border px-3 text-sm font-medium ${STATUS_STYLE[status]} aria-[current=page]:ring-2 aria-[current=page]:ring-brand-600`}
            >
              <Icon path={STATUS_PATH[status]} />
              {t("count", { status: t(`status.${status}`), count: format.number(log.counts[status], "integer") })}
            </Link>
          </li>
        ))}
      </ul>
      <form method="get" action="/attendance/messages" className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
        <div>
          <label htmlFor="delivery-status" className="block text-sm font-medium">{t("statusFilter")}</label>
          <select id="delivery-status" name="status" defaultValue={log.status ?? ""} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2">
            <option value="">{t("allStatuses", { count: format.number(log.total, "integer") })}</option>
            {DELIVERY_STATES.map((status) => (
              <option key={status} value={status}>{t(`status.${status}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg bg-slate-800 px-4 font-medium text-white hover:bg-slate-900">{t("apply")}</button>
      </form>
    </div>
  );
}

/** The outbox as a table that scrolls inside its own labelled region on narrow screens. */
export async function DeliveryLog({ log }: { log: Log }) {
  const [t, format] = await Promise.all([getTranslations("delivery"), getFormatter()]);
  const moment = (date: Date) => format.dateTime(date, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" });
  if (log.rows.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4">{log.status ? t("noneWithStatus") : t("none")}</p>;
  }
  return (
    <>
      <div role="region" aria-labelledby="delivery-caption" tabIndex={0} className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full min-w-[48rem] border-collapse text-start text-sm">
          <caption id="delivery-caption" className="p-3 text-start font-semibold">
            {t("caption", { page: format.number(log.page, "integer") })}
          </caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-600">
              <th scope="col" className="px-3 py-2 text-start font-medium">{t("colPupil")}</th>
              <th scope="col" className="px-3 py-2 text-start font-medium">{t("colGuardian")}</th>
              <th scope="col" className="px-3 py-2 text-start font-medium">{t("colChannel")}</th>
              <th scope="col" className="px-3 py-2 text-start font-medium">{t("colStatus")}</th>
              <th scope="col" className="px-3 py-2 text-start font-medium">{t("colMessage")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {log.rows.map((row) => (
              <tr key={row.id} className="align-top">
                <th scope="row" className="px-3 py-2 text-start font-normal">
                  <span dir="auto" className="block font-medium">{row.pupilName}</span>
                  <span className="text-slate-600">{row.className}</span>
                </th>
                <td dir="auto" className="px-3 py-2">{row.guardianName}</td>
                <td className="px-3 py-2">
                  <span className="inline-flex items-center gap-1"><Icon path={CHANNEL_PATH[row.channel]} />{t(`channels.${row.channel}`)}</span>
                </td>
                <td className="px-3 py-2">
                  <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 font-semibold ${STATUS_STYLE[row.state]}`}>
                    <Icon path={STATUS_PATH[row.state]} />
                    {t(`status.${row.state}`)}
                  </span>
                  <span className="mt-1 block text-slate-600">
                    {row.deliveredAt
                      ? t("deliveredAt", { date: moment(row.deliveredAt) })
                      : row.state === "RETRYING"
                        ? t("retrying", { count: format.number(row.attempts, "integer"), date: moment(row.sendAfter) })
                        : row.state === "PENDING"
                          ? t("sendAfter", { date: moment(row.sendAfter) })
                          : row.state === "FAILED" && row.attempts > 1 && row.reason && !PERMANENT.has(row.reason.code)
                            ? t("gaveUp")
                            : null}
                  </span>
                  {row.attempts > 0 && row.state !== "RETRYING" ? <span className="block text-slate-600">{t("attempts", { count: format.number(row.attempts, "integer") })}</span> : null}
                  {row.state !== "DELIVERED" && reasonLine(t, row) ? <span className="block break-words text-warn-700">{reasonLine(t, row)}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <span dir="auto" className="block">{row.subject ?? t("noSubject")}</span>
                  <span className="text-slate-600">{t("about", { date: format.dateTime(row.aboutDate, "dayMonth"), created: moment(row.createdAt) })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("pagesLabel")} className="mt-3 flex flex-wrap items-center gap-3">
        {log.page > 1 ? (
          <Link href={href(log.status, log.page - 1)} className="inline-flex min-h-11 items-center rounded-lg border border-slate-400 bg-white px-4 font-medium">{t("previous")}</Link>
        ) : null}
        <span className="text-sm text-slate-600">{t("page", { page: format.number(log.page, "integer") })}</span>
        {log.hasNext ? (
          <Link href={href(log.status, log.page + 1)} className="inline-flex min-h-11 items-center rounded-lg border border-slate-400 bg-white px-4 font-medium">{t("next")}</Link>
        ) : null}
      </nav>
    </>
  );
}
