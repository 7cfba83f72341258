import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import { markMessagesReadAction } from "@/lib/domain/alerts/actions";

type Message = {
  id: string;
  channel: "EMAIL" | "SMS" | "PORTAL";
  subject: string | null;
  body: string | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  pupil: { id: string; firstName: string };
};

/** Messages from school to this guardian, the newest first; the text as it was sent. */
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
          <details>
            <summary className="flex min-h-11 cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-semibold">
                {m.readAt ? null : <span className="me-2 rounded bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800">{t("new")}</span>}
                {m.subject ?? t("noSubject")}
              </span>
              <span className="text-sm text-slate-600">
                {m.deliveredAt ? dateFormat(locale, "sent").format(m.deliveredAt) : null} · {t(`via.${m.channel}`)}
              </span>
            </summary>
            {m.body ? <p className="mt-3 whitespace-pre-line text-slate-800">{m.body}</p> : null}
          </details>
        </li>
      ))}
    </ul>
    </>
  );
}
