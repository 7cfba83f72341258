import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getAttendancePupil } from "@/lib/domain/attendance/queries";
import { registerAbsenceAction } from "@/lib/domain/attendance/actions";
import { earliestRegistrableDay, requestedAbsenceDay } from "@/lib/domain/attendance/schemas";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { AbsenceForm } from "@/components/attendance/absence-form";
import { AbsenceDayList } from "@/components/attendance/absence-day";
import { isolateLtr } from "@/lib/i18n/bidi";

// A title without the pupil's name: the browser's history and tabs are not private on a shared device.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("absence"))("sectionTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ pupilId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** One pupil for the attendance officer: register absence and see the day. */
export default async function AttendancePupilPage({ params, searchParams }: Props) {
  const { pupilId } = await params;
  const query = await searchParams;
  const actor = await requirePermission("absence:record", `/attendance/pupils/${pupilId}`, { route: "/attendance/pupils/[pupilId]", category: "record", pupilId });
  const todayDate = dutchToday();
  // Out of scope (another school): 404 and an audit row, before anything renders.
  const [pupil, t, messages] = await Promise.all([
    getAttendancePupil(actor, pupilId, requestedAbsenceDay(query.absenceDate, todayDate)), getTranslations("absence"), getMessages(),
  ]);
  const today = isoDay(todayDate);
  const pagePath = `/attendance/pupils/${pupil.id}`;
  return (
    <>
      <Link href={`/attendance/pupils?class=${encodeURIComponent(pupil.classGroup.id)}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{pupil.firstName} {pupil.lastName}</h1>
      <p className="text-slate-700">{t("classLine", { className: isolateLtr(await getLocale(), pupil.classGroup.name) })}</p>
      <section id="absence" aria-labelledby="absence-form-heading" className="mt-4 scroll-mt-4 rounded-2xl border border-brand-100 bg-brand-50 p-4">
        <h2 id="absence-form-heading" className="text-lg font-semibold">{t("sectionTitle")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("sectionIntro")}</p>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <NextIntlClientProvider messages={{ absence: messages.absence, absenceErrors: messages.absenceErrors, pupilReasons: messages.pupilReasons, errors: messages.errors }}>
            <AbsenceForm
              action={registerAbsenceAction} pupilId={pupil.id} today={today} earliest={isoDay(earliestRegistrableDay(todayDate))}
              shownDay={isoDay(pupil.day.date)} pagePath={pagePath}
            />
          </NextIntlClientProvider>
          <AbsenceDayList day={pupil.day} today={today} pagePath={pagePath} />
        </div>
      </section>
    </>
  );
}
