import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getSchoolCalendar } from "@/lib/domain/admin/calendar-queries";
import { addSchoolYearAction, deleteCalendarItemAction, saveHolidayAction, savePeriodAction } from "@/lib/domain/admin/calendar-actions";
import { holidayFormName } from "@/lib/domain/admin/calendar-fields";
import { HolidayForm, PeriodForm, SmallActionForm } from "@/components/admin/calendar-forms";
import { SchoolHeader } from "@/components/admin/school-nav";
import { calendarFormMessages } from "@/components/admin/messages";

type Props = { params: Promise<{ schoolId: string }>; searchParams: Promise<{ year?: string; period?: string; holiday?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calendarAdmin"))("title") };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const card = "rounded-xl border border-slate-200 bg-white p-4";

export default async function CalendarPage({ params, searchParams }: Props) {
  const { schoolId } = await params;
  const actor = await requirePermission("schools:manage", `/admin/schools/${schoolId}/calendar`, { route: "/admin/schools/[schoolId]/calendar", category: "calendar" });
  const query = await searchParams;
  const cal = await getSchoolCalendar(actor, schoolId, typeof query.year === "string" ? query.year : undefined);
  const [t, tHol, format, messages] = await Promise.all([getTranslations("calendarAdmin"), getTranslations("attendance.holidays"), getFormatter(), getMessages()]);
  const date = (d: Date) => format.dateTime(d, "full");
  const holidayName = (name: string) => (tHol.has(name) ? tHol(name) : name);
  const base = `/admin/schools/${cal.school.id}/calendar`;
  const yearQuery = cal.year ? `year=${cal.year.id}` : "";
  const editPeriod = cal.periods.find((p) => p.id === query.period);
  const editHoliday = cal.holidays.find((h) => h.id === query.holiday);
  const fields = { schoolId: cal.school.id };
  return (
    <NextIntlClientProvider messages={calendarFormMessages(messages)}>
      <SchoolHeader schoolId={cal.school.id} name={cal.school.name} current="calendar" title={t("title")} />

      <section aria-labelledby="years-heading" className="mt-6">
        <h2 id="years-heading" className="text-xl font-semibold">{t("yearsTitle")}</h2>
        <p className="mt-1 max-w-prose text-sm text-slate-700">{t("yearsIntro")}</p>
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("yearsTitle")}>
          {cal.years.map((y) => (
            <li key={y.id}>
              <Link href={`${base}?year=${y.id}`} aria-current={y.id === cal.year?.id ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-lg border px-3 ${y.id === cal.year?.id ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}>
                {y.name}
              </Link>
            </li>
          ))}
        </ul>
        <SmallActionForm action={addSchoolYearAction} fields={{ ...fields, startYear: String(cal.nextStartYear) }} className="mt-3"
          label={t("addYear", { year: `${cal.nextStartYear}-${cal.nextStartYear + 1}` })} pendingLabel={t("saving")} done={t("yearAdded")} />
      </section>

      {cal.year ? (
        <>
          <section aria-labelledby="periods-heading" className="mt-8">
            <h2 id="periods-heading" className="text-xl font-semibold">{t("periodsTitle", { year: cal.year.name })}</h2>
            {cal.periods.length ? (
              <ul className="mt-3 space-y-2">
                {cal.periods.map((p) => (
                  <li key={p.id} className={`${card} flex flex-wrap items-center justify-between gap-2`}>
                    <p><span className="font-semibold">{t("periodName", { number: p.number })}</span>{" "}{t("range", { from: date(p.startsOn), to: date(p.endsOn) })}</p>
                    <div className="flex flex-wrap gap-2">
                      <Link href={`${base}?${yearQuery}&period=${p.id}#period-form`} className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
                        {t("editPeriod", { number: p.number })}
                      </Link>
                      <SmallActionForm action={deleteCalendarItemAction} fields={{ ...fields, id: p.id, what: "period" }} label={t("deletePeriod", { number: p.number })} pendingLabel={t("saving")} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : <p className="mt-2">{t("noPeriods")}</p>}
            <div id="period-form" className={`mt-4 ${card}`}>
              <h3 className="mb-2 text-lg font-semibold">{editPeriod ? t("editPeriodTitle", { number: editPeriod.number }) : t("addPeriodTitle")}</h3>
              <PeriodForm key={editPeriod?.id ?? "new"} action={savePeriodAction} schoolId={cal.school.id} schoolYearId={cal.year.id} periodId={editPeriod?.id} yearName={cal.year.name}
                initial={editPeriod ? { startsOn: iso(editPeriod.startsOn), endsOn: iso(editPeriod.endsOn) } : { startsOn: "", endsOn: "" }} />
            </div>
          </section>

          <section aria-labelledby="holidays-heading" className="mt-8">
            <h2 id="holidays-heading" className="text-xl font-semibold">{t("holidaysTitle", { year: cal.year.name })}</h2>
            <div className="mt-2 max-w-prose space-y-1 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900">
              <p className="font-semibold">{t("ruleTitle")}</p>
              <p>{t("ruleSchoolDays")}</p>
              <p>{t("ruleHistory")}</p>
              <p>{t("ruleSickReports")}</p>
            </div>
            {cal.holidays.length ? (
              <ul className="mt-3 space-y-2">
                {cal.holidays.map((h) => (
                  <li key={h.id} className={`${card} flex flex-wrap items-center justify-between gap-2`}>
                    <p><span className="font-semibold">{holidayName(h.name)}</span>{" "}{t("range", { from: date(h.startsOn), to: date(h.endsOn) })}</p>
                    <div className="flex flex-wrap gap-2">
                      <Link href={`${base}?${yearQuery}&holiday=${h.id}#holiday-form`} className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
                        {t("editHoliday", { name: holidayName(h.name) })}
                      </Link>
                      <SmallActionForm action={deleteCalendarItemAction} fields={{ ...fields, id: h.id, what: "holiday" }} label={t("deleteHoliday", { name: holidayName(h.name) })} pendingLabel={t("saving")} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : <p className="mt-2">{t("noHolidays")}</p>}
            <div id="holiday-form" className={`mt-4 ${card}`}>
              <h3 className="mb-2 text-lg font-semibold">{editHoliday ? t("editHolidayTitle", { name: holidayName(editHoliday.name) }) : t("addHolidayTitle")}</h3>
              <HolidayForm key={editHoliday?.id ?? "new"} action={saveHolidayAction} schoolId={cal.school.id} holidayId={editHoliday?.id}
                initial={editHoliday ? { ...holidayFormName(editHoliday.name), startsOn: iso(editHoliday.startsOn), endsOn: iso(editHoliday.endsOn) } : { kind: "autumn", customName: "", startsOn: "", endsOn: "" }} />
            </div>
          </section>
        </>
      ) : <p className="mt-6">{t("noYears")}</p>}
    </NextIntlClientProvider>
  );
}
