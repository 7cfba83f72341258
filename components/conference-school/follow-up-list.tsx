import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { FollowUp, NotBookedRound } from "@/lib/domain/conferences/schedule-queries";
import { followUpDoneAction } from "@/lib/domain/conferences/school-actions";
import { DATE_TIME } from "@/components/conference-school/format";
import { PhoneLink } from "@/components/ui/ltr";
import { readablePhone } from "@/lib/domain/admin/phone";

function Phones({ guardians, none }: { guardians: { id: string; name: string; phone: string | null }[]; none: string }) {
  return (
    <ul className="text-sm">
      {guardians.map((g) => (
        <li key={g.id}>
          {g.name}: {g.phone ? <PhoneLink phone={readablePhone(g.phone)} className="text-brand-700 underline" /> : <span className="text-slate-600">{none}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Families who did not come: call them, then mark it done (or log a contact moment). */
export async function FollowUpList({ items }: { items: FollowUp[] }) {
  const [t, format] = await Promise.all([getTranslations("conferenceSchool"), getFormatter()]);
  return (
    <section aria-labelledby="conf-followup-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="conf-followup-heading" className="text-lg font-semibold">{t("followUpTitle")}</h2>
      <p className="text-sm text-slate-600">{t("followUpIntro")}</p>
      {items.length ? (
        <ul className="mt-2 divide-y divide-slate-100">
          {items.map((f) => (
            <li key={f.id} className="py-2 break-words">
              <p><span className="font-medium">{f.pupilName}</span> <span className="text-sm text-slate-600">{f.className}</span></p>
              <p className="text-sm">{t("followUpAt", { date: format.dateTime(f.startsAt, DATE_TIME), host: f.host, round: f.roundTitle })}</p>
              <Phones guardians={f.guardians} none={t("noPhone")} />
              <div className="mt-1 flex flex-wrap items-center gap-x-4">
                <form action={followUpDoneAction}>
                  <input type="hidden" name="bookingId" value={f.id} />
                  <button type="submit" aria-label={t("followUpDoneFor", { name: f.pupilName })} className="min-h-11 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">
                    {t("followUpDone")}
                  </button>
                </form>
                <Link href={`/mentor/pupils/${f.pupilId}?log=1#contact-form`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">{t("logContact")}</Link>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm">{t("followUpNone")}</p>
      )}
    </section>
  );
}

/** Families of the mentor's classes who have not booked yet, per open round, with phone numbers. */
export async function NotBookedList({ rounds }: { rounds: NotBookedRound[] }) {
  const [t, format] = await Promise.all([getTranslations("conferenceSchool"), getFormatter()]);
  return (
    <section aria-labelledby="conf-notbooked-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="conf-notbooked-heading" className="text-lg font-semibold">{t("notBookedTitle")}</h2>
      <p className="text-sm text-slate-600">{t("notBookedIntro")}</p>
      {rounds.length ? (
        rounds.map((r) => (
          <div key={r.roundId} className="mt-3">
            <h3 className="font-semibold break-words" dir="auto">{t("notBookedRound", { title: r.title, closes: format.dateTime(r.closesAt, DATE_TIME) })}</h3>
            <ul className="mt-1 divide-y divide-slate-100">
              {r.families.map((f) => (
                <li key={f.pupilId} className="py-2">
                  <p><span className="font-medium">{f.pupilName}</span> <span className="text-sm text-slate-600">{f.className}</span></p>
                  {f.guardians.length ? <Phones guardians={f.guardians} none={t("noPhone")} /> : <p className="text-sm text-slate-600">{t("noGuardianMayBook")}</p>}
                </li>
              ))}
            </ul>
          </div>
        ))
      ) : (
        <p className="mt-2 text-sm">{t("notBookedNone")}</p>
      )}
    </section>
  );
}
