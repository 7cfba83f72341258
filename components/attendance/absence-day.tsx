import { getFormatter, getTranslations } from "next-intl/server";
import type { AbsenceDay, AbsenceDayRecord } from "@/lib/domain/attendance/queries";

type Props = {
  day: AbsenceDay;
  /** YYYY-MM-DD: the latest day that can be picked. */
  today: string;
  /** The page's own path, for the GET form that shows another day. */
  pagePath: string;
};

/** What is registered for a pupil on one day: lesson, kind, who reported it. */
export async function AbsenceDayList({ day, today, pagePath }: Props) {
  const [t, tPupil, format] = await Promise.all([getTranslations("absence"), getTranslations("pupilReasons"), getFormatter()]);
  const who = (r: AbsenceDayRecord) => {
    if (r.reportedBy === "PARENT") return t("byGuardian");
    if (r.reportedBy === "PUPIL") return t("byPupil");
    return r.recordedBy ? t("byStaff", { name: r.recordedBy }) : t("bySchool");
  };
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{t("dayTitle", { date: format.dateTime(day.date, "full") })}</h3>
      {day.reportedByGuardian ? <p className="rounded-lg bg-warn-50 p-3 text-sm font-medium text-warn-700">{t("reportedByGuardian")}</p> : null}
      {day.records.length ? (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-3 text-sm">
          {day.records.map((r, i) => (
            <li key={`${r.lessonHour ?? "day"}-${r.kind}-${i}`} className="py-2">
              <div className="flex flex-wrap justify-between gap-x-3">
                <span className="font-medium">{r.lessonHour === null ? t("wholeDay") : t("lesson", { lesson: r.lessonHour })}</span>
                <span className={r.kind === "UNAUTHORISED" || r.kind === "LATE" ? "font-semibold text-warn-700" : ""}>
                  {t(`kinds.${r.kind}`)}
                  {r.kind === "LATE" ? ` · ${t("minutesLate", { minutes: r.minutes })}` : ""}
                </span>
              </div>
              <p className="text-slate-600">{who(r)}</p>
              {r.reason ? <p dir="auto" className="text-slate-800">{r.reason}</p> : null}
              {r.pupilReason ? <p dir="auto" className="text-slate-800">{tPupil("shown", { reason: r.pupilReason })}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">{t("dayNone")}</p>
      )}
      <form method="get" action={`${pagePath}#absence`} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="absence-day-pick" className="block text-sm font-medium">{t("dayPick")}</label>
          <input id="absence-day-pick" name="absenceDate" type="date" max={today} defaultValue={day.date.toISOString().slice(0, 10)} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-slate-400 bg-white px-4">{t("dayShow")}</button>
      </form>
    </div>
  );
}
