import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MentorPupil } from "@/lib/domain/contacts/queries";
import { ToneBadge } from "@/components/mentor/tone-badge";

export async function ContactHistory({ pupilId, history }: { pupilId: string; history: MentorPupil["history"] }) {
  const [t, tKinds, tInit, format] = await Promise.all([getTranslations("mentorPupil"), getTranslations("contactKinds"), getTranslations("initiators"), getFormatter()]);
  if (!history.length) return <p>{t("historyNone")}</p>;
  return (
    <ol className="space-y-3">
      {history.map((m) => (
        <li key={m.id} className="rounded-xl border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{format.dateTime(m.occurredOn, "full")}</span>
            <span>{tKinds(m.kind)}</span>
            <ToneBadge tone={m.tone} />
          </div>
          <p dir="auto" className="mt-1 whitespace-pre-line">{m.summary}</p>
          {m.internalNote ? (
            <p className="mt-2 rounded-lg bg-amber-50 p-2 text-sm">
              <span className="font-semibold">{t("internalNote")}: </span>
              <span dir="auto" className="whitespace-pre-line">{m.internalNote}</span>
            </p>
          ) : null}
          <p className="mt-1 text-sm text-slate-600">
            {t("by", { name: m.by })} · {t("with", { names: m.guardians.join(", ") })} · {t("startedBy", { who: tInit(m.initiatedBy) })}
            {m.followUpOn ? ` · ${t("followUp", { date: format.dateTime(m.followUpOn, "dayMonth") })}` : ""}
          </p>
          {m.correctable ? (
            <Link href={`/mentor/pupils/${pupilId}?correct=${m.id}#contact-form`} className="mt-1 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
              {t("correct")}
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
