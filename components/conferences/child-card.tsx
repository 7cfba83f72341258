import Link from "next/link";
import { dayLabel, timeLabel } from "@/components/conferences/labels";
import { intlTag } from "@/lib/i18n/config";

type T = (key: "cardTitle" | "cardBooked" | "cardText" | "cardLink", values?: Record<string, string>) => string;

/** On the child page: the conference round is open — plan (or see) the conversation. */
export function ConferenceCard({ conference, firstName, locale, t }: {
  conference: { roundId: string; bookedAt: Date | null } | null; firstName: string; locale: string; t: T;
}) {
  if (!conference) return null;
  return (
    <section aria-labelledby="conference-card-heading" className="mt-4 max-w-2xl rounded-2xl border border-brand-100 bg-brand-50 p-4 text-brand-900">
      <h2 id="conference-card-heading" className="text-lg font-semibold break-words hyphens-auto">{t("cardTitle")}</h2>
      <p className="mt-1">
        {conference.bookedAt
          ? t("cardBooked", { date: dayLabel(locale, conference.bookedAt), time: timeLabel(locale, conference.bookedAt) })
          : t("cardText", { name: firstName })}
      </p>
      <Link href="/parent/conferences" className="mt-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{t("cardLink")}</Link>
    </section>
  );
}

/** On /parent: one card when any child's class has an open round. */
export function ConferenceBanner({ names, locale, t }: { names: string[]; locale: string; t: T }) {
  if (names.length === 0) return null;
  const list = new Intl.ListFormat(intlTag(locale), { type: "conjunction" }).format(names);
  return <ConferenceCard conference={{ roundId: "", bookedAt: null }} firstName={list} locale={locale} t={t} />;
}
