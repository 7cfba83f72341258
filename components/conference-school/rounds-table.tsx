import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SchoolRound } from "@/lib/domain/conferences/round-queries";
import { DATE_TIME } from "@/components/conference-school/format";

/** The school's conference rounds with counts (a card per round below md). */
export async function RoundsTable({ rounds, now }: { rounds: SchoolRound[]; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("conferenceSchool"), getFormatter()]);
  if (rounds.length === 0) return <p className="rounded-lg bg-white p-4">{t("noRounds")}</p>;
  const status = (r: SchoolRound) => (now < r.opensAt ? t("statusUpcoming") : now < r.closesAt ? t("statusOpen") : t("statusClosed"));
  return (
    <ul className="space-y-3">
      {rounds.map((r) => (
        <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 className="text-lg font-semibold break-words" dir="auto">{r.title}</h3>
          <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t("colWindow")}</dt>
            <dd>
              {t("window", { opens: format.dateTime(r.opensAt, DATE_TIME), closes: format.dateTime(r.closesAt, DATE_TIME) })} ({status(r)})
            </dd>
            <dt className="font-medium">{t("colClasses")}</dt>
            <dd>{r.classes}</dd>
            <dt className="font-medium">{t("colBookings")}</dt>
            <dd>
              {t("bookingsSummary", { bookings: r.bookings, booked: r.bookedSlots, slots: r.slots })}
              <br />
              {t("requestsSummary", { interpreters: r.interpreters, childcare: r.childcare, noShows: r.noShows })}
            </dd>
          </dl>
          <p className="mt-2 flex flex-wrap gap-x-6">
            <Link href={`/leader/conferences/${r.id}/arrangements`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("arrangementsLink")}</Link>
            <Link href={`/leader/conferences/${r.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("editLink")}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
