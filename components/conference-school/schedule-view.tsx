import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Schedule } from "@/lib/domain/conferences/schedule-queries";
import { markAttendanceAction } from "@/lib/domain/conferences/school-actions";
import { EVENING, TIME, eveningDate, languageName } from "@/components/conference-school/format";

// Printing: the header, links and forms are left out and each evening starts on
// a new A4 page (`break-after: page`; `.schedule-evening` in the style below).
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 12mm; }
  body > header, .no-print, #main > a { display: none !important; }
  #main { max-width: none; padding: 0; }
  .schedule-evening { break-after: page; border: 0 !important; padding: 0 !important; }
  .schedule-evening:last-of-type { break-after: auto; }
  .schedule-evening table { font-size: 10pt; }
  .schedule-evening .overflow-x-auto { overflow: visible; }
}`;

const MARKS = ["CAME", "NO_SHOW", "CANCELLED"] as const;
const MARK_KEY = { CAME: "markCame", NO_SHOW: "markNoShow", CANCELLED: "markCancelled" } as const;

/** The host's schedule per evening, printable; attendance marks once a conversation has started. */
export async function ScheduleView({ schedule, returnTo }: { schedule: Schedule; returnTo: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("conferenceSchool"), getFormatter(), getLocale()]);
  if (schedule.evenings.length === 0) return <p className="rounded-lg bg-white p-4">{t("noSlots")}</p>;
  return (
    <>
      <style>{PRINT_CSS}</style>
      {schedule.evenings.map((evening) => (
        <section key={evening.day} aria-labelledby={`evening-${evening.day}`} className="schedule-evening mt-6 rounded-xl border border-slate-200 bg-white p-4">
          {/* Each printed page says which round it belongs to. */}
          <p aria-hidden="true" className="hidden font-semibold print:block" dir="auto">{schedule.title}</p>
          <h2 id={`evening-${evening.day}`} className="text-lg font-semibold">
            {t("eveningTitle", { day: format.dateTime(eveningDate(evening.day), EVENING) })}
            {evening.rows[0]?.location ? <span className="ms-2 text-base font-normal" dir="auto">{t("room", { location: evening.rows[0].location })}</span> : null}
          </h2>
          {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
          <div role="region" aria-labelledby={`evening-${evening.day}`} tabIndex={0} className="overflow-x-auto">
          <table className="mt-2 w-full border-collapse text-start">
            <thead>
              <tr className="border-b border-slate-300 text-start">
                <th scope="col" className="py-1 pe-2 text-start">{t("colTime")}</th>
                <th scope="col" className="py-1 pe-2 text-start">{t("colFamily")}</th>
                <th scope="col" className="py-1 pe-2 text-start">{t("colGuardians")}</th>
                <th scope="col" className="py-1 pe-2 text-start">{t("colNeeds")}</th>
                <th scope="col" className="no-print py-1 text-start">{t("colAttendance")}</th>
              </tr>
            </thead>
            <tbody>
              {evening.rows.map((row) => {
                const b = row.booking;
                const time = `${format.dateTime(row.startsAt, TIME)}–${format.dateTime(row.endsAt, TIME)}`;
                return (
                  <tr key={row.slotId} id={b ? `b-${b.id}` : undefined} className="border-b border-slate-100 align-top">
                    <td className="py-2 pe-2 whitespace-nowrap">{time}</td>
                    {b ? (
                      <>
                        <td className="py-2 pe-2"><span className="font-medium">{b.pupilName}</span> <span className="text-sm text-slate-600">{b.className}</span></td>
                        <td className="py-2 pe-2">{b.guardians.join(", ")}</td>
                        <td className="py-2 pe-2">
                          {b.interpreterLanguage ? <span className="block font-semibold">{t("interpreter", { language: languageName(b.interpreterLanguage, locale) })}</span> : null}
                          {b.childcare ? <span className="block font-semibold">{t("childcare")}</span> : null}
                        </td>
                        <td className="no-print py-2">
                          {b.markable ? (
                            <div className="flex flex-wrap gap-1" role="group" aria-label={t("colAttendance")}>
                              {MARKS.map((mark) => (
                                <form key={mark} action={markAttendanceAction}>
                                  <input type="hidden" name="bookingId" value={b.id} />
                                  <input type="hidden" name="attendance" value={mark} />
                                  <input type="hidden" name="returnTo" value={returnTo} />
                                  <button
                                    type="submit"
                                    aria-pressed={b.attendance === mark}
                                    aria-label={t("markFor", { mark: t(MARK_KEY[mark]), name: b.pupilName })}
                                    className={`min-h-11 rounded-lg border px-2 text-sm font-medium ${b.attendance === mark ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white hover:bg-slate-50"}`}
                                  >
                                    {t(MARK_KEY[mark])}
                                  </button>
                                </form>
                              ))}
                            </div>
                          ) : (
                            <span className="text-sm text-slate-600">{t("notYet")}</span>
                          )}
                        </td>
                      </>
                    ) : (
                      <td colSpan={4} className="py-2 text-slate-600">{t("free")}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
        </section>
      ))}
    </>
  );
}
