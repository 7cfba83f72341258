import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import type { HostedRound } from "@/lib/domain/conferences/round-queries";
import { addBlockAction, removeBlockAction } from "@/lib/domain/conferences/school-actions";
import { BlockForm } from "@/components/conference-school/block-form";
import { DATE_TIME, EVENING, TIME } from "@/components/conference-school/format";

/** The host's rounds: their evening blocks (remove while free), a form to add one, the schedule. */
export async function HostedRounds({ rounds, now }: { rounds: HostedRound[]; now: Date }) {
  const [t, format, messages] = await Promise.all([getTranslations("conferenceSchool"), getFormatter(), getMessages()]);
  if (rounds.length === 0) return <p className="rounded-lg bg-white p-4">{t("noHostedRounds")}</p>;
  return (
    <ul className="space-y-4">
      {rounds.map((r) => (
        <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 className="text-lg font-semibold break-words" dir="auto">{r.title}</h3>
          <p className="text-sm text-slate-700">
            {t("roundWindow", { opens: format.dateTime(r.bookingOpensAt, DATE_TIME), closes: format.dateTime(r.bookingClosesAt, DATE_TIME) })}
            {" · "}
            {t("roundClasses", { classes: r.classes.join(", ") })}
          </p>
          <p className="mt-1">
            <Link href={`/mentor/conferences/${r.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("scheduleLink")}</Link>
          </p>
          <h4 className="mt-2 font-semibold">{t("availabilityTitle")}</h4>
          {r.availabilities.length ? (
            <ul className="mt-1 divide-y divide-slate-100">
              {r.availabilities.map((a) => {
                const day = format.dateTime(a.startsAt, EVENING);
                const from = format.dateTime(a.startsAt, TIME);
                return (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {t("blockSummary", { day, from, to: format.dateTime(a.endsAt, TIME), slots: a.slots, booked: a.booked })}
                      {a.location ? <span dir="auto"> · {t("blockLocation", { location: a.location })}</span> : null}
                    </span>
                    {a.startsAt > now ? (
                      <form action={removeBlockAction}>
                        <input type="hidden" name="availabilityId" value={a.id} />
                        <button type="submit" aria-label={t("removeBlockFor", { day, from })} className="min-h-11 rounded-lg border border-slate-400 px-3 text-sm font-medium hover:bg-slate-50">
                          {t("removeBlock")}
                        </button>
                      </form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-sm">{t("noBlocks")}</p>
          )}
          {r.bookingClosesAt > now ? (
            <details className="mt-3">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("addBlockTitle")}</summary>
              <div className="mt-2">
                <NextIntlClientProvider messages={{ conferenceSchool: messages.conferenceSchool, errors: messages.errors }}>
                  <BlockForm action={addBlockAction} roundId={r.id} />
                </NextIntlClientProvider>
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
