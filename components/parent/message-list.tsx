import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import { markMessagesReadAction } from "@/lib/domain/alerts/actions";
import { ownLanguage } from "@/lib/i18n/config";

type Message = {
  id: string;
  channel: "EMAIL" | "SMS" | "PORTAL";
  subject: string | null;
  body: string | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  pupil: { id: string; firstName: string };
  kind?: string;
  aboutDate?: Date | null;
  /** The language the text was written in; marked up when it is not the page's. */
  locale?: string;
};

// The school day a message is about (stored as a calendar date: UTC midnight).
const schoolDay = (locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC", numberingSystem: "latn" });

/**
 * Messages from school to this guardian, the newest first; the text as it was
 * sent. An absence alert says which day it is about; each message opens with a
 * visible "read" control (a native disclosure, so keyboard and screen readers
 * work without JavaScript); long addresses in a text wrap on a narrow phone.
 */
export async function MessageList({ messages }: { messages: Message[] }) {
  const locale = await getLocale();
  const t = await fastTranslations(locale, "inbox");
  if (messages.length === 0) return <p className="mt-3 rounded-lg bg-white p-4 text-slate-700">{t("empty")}</p>;
  const unread = messages.some((m) => !m.readAt);
  return (
    <>
    {unread ? (
      <form action={markMessagesReadAction} className="mt-3">
        <button type="submit" className="min-h-11 rounded-lg border border-brand-600 px-4 text-sm font-medium text-brand-700 hover:bg-brand-50">
          {t("markRead")}
        </button>
      </form>
    ) : null}
    <ul className="mt-3 space-y-3">
      {messages.map((m) => (
        <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <details className="group">
            <summary className="block cursor-pointer list-none [&::-webkit-details-marker]:hidden">
              <span className="block font-semibold">
                {m.readAt ? null : <span className="me-2 rounded bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800">{t("new")}</span>}
                {m.subject ? <span {...ownLanguage(m.locale, locale)}>{m.subject}</span> : t("noSubject")}
              </span>
              {m.kind === "ABSENCE_ALERT" && m.aboutDate ? (
                <span className="mt-1 block text-slate-800">{t("about", { date: schoolDay(locale).format(m.aboutDate) })}</span>
              ) : null}
              <span className="mt-1 block text-sm text-slate-600">
                {m.deliveredAt ? t("sentOn", { date: dateFormat(locale, "sent").format(m.deliveredAt) }) : null} · {t(`via.${m.channel}`)}
              </span>
              {m.body ? (
                <span className="mt-2 inline-flex min-h-11 items-center gap-2 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 group-hover:bg-brand-50">
                  <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
                    <path d="M4 6l4 4 4-4" />
                  </svg>
                  <span className="group-open:hidden">{t("open")}</span>
                  <span className="hidden group-open:inline">{t("close")}</span>
                </span>
              ) : null}
            </summary>
            {m.body ? <p {...ownLanguage(m.locale, locale)} className="mt-3 whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]">{m.body}</p> : null}
          </details>
        </li>
      ))}
    </ul>
    </>
  );
}
