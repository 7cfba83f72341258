import type { BookingView } from "@/lib/domain/conferences/booking-queries";
import { dayLabel, timeLabel } from "@/components/conferences/labels";
import { fillIn, SchoolText } from "@/components/school-words/fill-in";

type T = (key: string, values?: Record<string, string>) => string;

/** One booked conversation: when, where, interpreter and childcare, who booked and who comes. */
export function BookingSummary({ booking, locale, t, tLang }: { booking: BookingView; locale: string; t: T; tLang: (code: string) => string }) {
  return (
    <div className="space-y-1">
      <p className="font-semibold">{t("bookingTitle", { host: booking.hostName })}</p>
      <p className="tabular-nums">{t("bookingWhen", { date: dayLabel(locale, booking.startsAt), start: timeLabel(locale, booking.startsAt), end: timeLabel(locale, booking.endsAt) })}</p>
      {booking.location ? <p>{fillIn((slot) => t("bookingPlace", { location: slot }), <SchoolText>{booking.location}</SchoolText>)}</p> : null}
      {booking.interpreterLanguage ? <p>{t("bookingInterpreter", { language: tLang(booking.interpreterLanguage) })}</p> : null}
      {booking.childcare ? <p>{t("bookingChildcare")}</p> : null}
      <p className="text-sm text-slate-700">{t("bookedBy", { name: booking.bookedBy })}</p>
      <p className="text-sm text-slate-700">{t("attending", { names: booking.attending.join(", ") })}</p>
    </div>
  );
}
