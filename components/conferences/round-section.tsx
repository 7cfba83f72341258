import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { RoundView, HostOffer } from "@/lib/domain/conferences/booking-queries";
import { INTERPRETER_LANGUAGES } from "@/lib/domain/conferences/booking-fields";
import { bookSlotAction, cancelBookingAction, joinBookingAction, moveBookingAction } from "@/lib/domain/conferences/booking-actions";
import { BookingForm } from "@/components/conferences/booking-form";
import { BookingButton, MoveForm } from "@/components/conferences/small-forms";
import { BookingSummary } from "@/components/conferences/booking-summary";
import { dayLabel, slotLabel, timeLabel, type EveningChoice } from "@/components/conferences/labels";

/** One conference round: per child and host, the booking or the form to book one. */
export async function RoundSection({ round }: { round: RoundView }) {
  const [t, tLangRaw, locale, messages] = await Promise.all([getTranslations("conferences"), getTranslations("conferenceLanguages"), getLocale(), getMessages()]);
  const tLang = (code: string) => (tLangRaw.has(code as never) ? tLangRaw(code as never) : code);
  const languages = INTERPRETER_LANGUAGES.map((code) => ({ code, name: tLang(code) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const suggested = new Set(round.suggestion ? [round.suggestion.first.slot.id, round.suggestion.second.slot.id] : []);
  const clientMessages = { conferences: messages.conferences, conferenceErrors: messages.conferenceErrors, errors: messages.errors };
  const evenings = (host: HostOffer): EveningChoice[] =>
    host.evenings.map((e) => ({
      day: e.day, label: dayLabel(locale, e.slots[0].startsAt),
      slots: e.slots.map((s) => ({ id: s.id, label: slotLabel(locale, s.startsAt, s.endsAt), nextFree: s.nextFree })),
    }));
  return (
    <section aria-labelledby={`round-${round.id}`} className="mt-6">
      <h2 id={`round-${round.id}`} className="text-xl font-semibold break-words hyphens-auto" lang="nl">{round.title}</h2>
      <p className="mt-1 text-slate-700">{t("intro", { minutes: round.slotMinutes })}</p>
      <p className={`mt-1 ${round.open ? "text-slate-700" : "font-medium text-warn-700"}`}>
        {round.open ? t("roundOpen", { closes: `${dayLabel(locale, round.bookingClosesAt)} ${timeLabel(locale, round.bookingClosesAt)}` }) : t("roundClosed")}
      </p>
      {round.open && round.suggestion ? (
        <div className="mt-4 max-w-2xl rounded-lg border border-brand-100 bg-brand-50 p-3 text-brand-900">
          <h3 className="font-semibold">{t("suggestionTitle")}</h3>
          <p className="mt-1">{t("suggestionText", {
            first: round.suggestion.first.pupil, firstTime: timeLabel(locale, round.suggestion.first.slot.startsAt), firstHost: round.suggestion.first.host,
            second: round.suggestion.second.pupil, secondTime: timeLabel(locale, round.suggestion.second.slot.startsAt), secondHost: round.suggestion.second.host,
          })}</p>
          <p className="mt-1 text-sm">{t("suggestionHelp")}</p>
        </div>
      ) : null}
      <NextIntlClientProvider messages={clientMessages}>
        {round.children.map((child) => (
          <article key={child.pupilId} aria-labelledby={`child-${round.id}-${child.pupilId}`} className="mt-6 max-w-3xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
            <h3 id={`child-${round.id}-${child.pupilId}`} className="text-lg font-semibold">{t("childHeading", { name: `${child.firstName} ${child.lastName}`, className: child.className })}</h3>
            {child.hosts.map((host) => {
              const formId = `b-${child.pupilId}-${host.staffId}`;
              const booking = host.booking ?? host.sharedBooking;
              return (
                <div key={host.staffId} className="mt-4 border-t border-slate-200 pt-4">
                  <h4 className="font-medium">{t("hostHeading", { host: host.isMentor ? `${host.name} (${t("mentor")})` : host.name })}</h4>
                  {booking ? (
                    <div id={`booking-${booking.id}`} className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3">
                      <BookingSummary booking={booking} locale={locale} t={t} tLang={tLang} />
                      {!round.open ? <p className="font-medium">{t("closedChanges")}</p> : host.booking ? (
                        <>
                          <details>
                            <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">{t("moveSummary")}</summary>
                            <MoveForm
                              action={moveBookingAction} bookingId={booking.id} hostName={host.name} formId={`m-${booking.id}`}
                              choices={host.evenings.flatMap((e) => e.slots).filter((s) => !booking.interpreterLanguage || s.nextFree)
                                .map((s) => ({ id: s.id, label: slotLabel(locale, s.startsAt, s.endsAt, true) }))}
                            />
                          </details>
                          <BookingButton action={cancelBookingAction} bookingId={booking.id} label={t("cancel")} tone="quiet" />
                        </>
                      ) : (
                        <>
                          <p>{t("sharedNote")}</p>
                          <BookingButton action={joinBookingAction} bookingId={booking.id} label={t("join")} tone="primary" />
                        </>
                      )}
                    </div>
                  ) : !round.open ? (
                    <p className="mt-2">{t("roundClosed")}</p>
                  ) : host.evenings.length === 0 ? (
                    <p className="mt-2">{t("noFree", { host: host.name })}</p>
                  ) : (
                    <div className="mt-2">
                      <BookingForm
                        action={bookSlotAction} roundId={round.id} pupilId={child.pupilId} hostName={host.name} formId={formId}
                        evenings={evenings(host)} languages={languages} idempotencyKey={randomUUID()}
                        suggested={host.evenings.flatMap((e) => e.slots).find((s) => suggested.has(s.id))?.id ?? null}
                      />
                    </div>
                  )}
                </div>
              );
            })}
          </article>
        ))}
      </NextIntlClientProvider>
    </section>
  );
}
