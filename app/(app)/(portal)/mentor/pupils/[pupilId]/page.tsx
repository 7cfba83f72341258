import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getMentorPupil } from "@/lib/domain/contacts/queries";
import { correctContactAction, logContactAction } from "@/lib/domain/contacts/actions";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { getAbsenceDay } from "@/lib/domain/attendance/queries";
import { registerAbsenceAction } from "@/lib/domain/attendance/actions";
import { earliestRegistrableDay, requestedAbsenceDay } from "@/lib/domain/attendance/schemas";
import { AbsenceForm } from "@/components/attendance/absence-form";
import { AbsenceDayList } from "@/components/attendance/absence-day";
import { ContactForm, type ContactFormDefaults } from "@/components/mentor/contact-form";
import { ContactHistory } from "@/components/mentor/contact-history";
import { GuardianCards } from "@/components/mentor/guardian-cards";
import { Grade, gradeFormat } from "@/components/ui/grade";
import { isolateLtr } from "@/lib/i18n/bidi";

// A title without the pupil's name: the browser's history and tabs are not private on a shared device.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mentorPupil"))("pageTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ pupilId: string }>; searchParams: Promise<Record<string, string | undefined>> };

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export default async function MentorPupilPage({ params, searchParams }: Props) {
  const { pupilId } = await params;
  const query = await searchParams;
  // Access is decided before anything renders, so a refusal answers 404.
  const actor = await requirePermission("mentor:view", `/mentor/pupils/${pupilId}`, { route: "/mentor/pupils/[pupilId]", category: "record", pupilId });
  const pupil = await getMentorPupil(actor, pupilId);
  const todayDate = dutchToday();
  // After the scoped pupil load (one refusal, one audit row), in parallel with the catalogues.
  const [t, tMentor, tForm, tTracks, tKinds, tAbsence, format, messages, absenceDay] = await Promise.all([
    getTranslations("mentorPupil"), getTranslations("mentor"), getTranslations("contactForm"), getTranslations("tracks"),
    getTranslations("absenceKinds"), getTranslations("absence"), getFormatter(), getMessages(),
    getAbsenceDay(actor, pupil.id, requestedAbsenceDay(query.absenceDate, todayDate)),
  ]);
  const f = await gradeFormat();
  const today = isoDay(todayDate);
  const pagePath = `/mentor/pupils/${pupil.id}`;
  const correcting = query.correct ? pupil.history.find((m) => m.id === query.correct && m.correctable) : undefined;
  const defaults: ContactFormDefaults = correcting
    ? {
        occurredOn: isoDay(correcting.occurredOn), kind: correcting.kind, initiatedBy: correcting.initiatedBy, tone: correcting.tone,
        guardianIds: correcting.guardianIds,
        summary: correcting.summary, internalNote: correcting.internalNote ?? "", followUpOn: correcting.followUpOn ? isoDay(correcting.followUpOn) : "",
      }
    : {
        occurredOn: today, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: null,
        // Both guardians with parental authority; without any, everyone who may be contacted.
        guardianIds: (pupil.guardians.some((g) => g.hasParentalAuthority) ? pupil.guardians.filter((g) => g.hasParentalAuthority) : pupil.guardians).map((g) => g.id),
        summary: "", internalNote: "", followUpOn: "",
      };
  const track = tTracks.has(pupil.classGroup.track) ? tTracks(pupil.classGroup.track) : pupil.classGroup.track;
  const clientMessages = {
    contactForm: messages.contactForm, contactErrors: messages.contactErrors, contactKinds: messages.contactKinds,
    initiators: messages.initiators, tones: messages.tones, errors: messages.errors,
  };
  return (
    <>
      <Link href="/mentor" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{pupil.firstName} {pupil.lastName}</h1>
      <p className="text-slate-700">{t("classLine", { className: isolateLtr(await getLocale(), pupil.classGroup.name), year: pupil.classGroup.year, track })}</p>
      {query.logged ? <p role="status" className="mt-3 rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{tMentor("logged")}</p> : null}
      {query.corrected ? <p role="status" className="mt-3 rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{tMentor("corrected")}</p> : null}
      {pupil.followUp ? (
        <p className={`mt-3 rounded-lg p-3 font-medium ${pupil.followUp.due ? "bg-warn-50 text-warn-700" : "bg-slate-100"}`}>
          {t("openFollowUp", { date: format.dateTime(pupil.followUp.on, "dayMonth") })}
        </p>
      ) : null}

      <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <section id="contact-form" aria-labelledby="form-heading" className="scroll-mt-4 rounded-2xl border border-brand-100 bg-brand-50 p-4">
            <h2 id="form-heading" className="mb-3 text-lg font-semibold">{correcting ? tForm("correctTitle") : tForm("title")}</h2>
            {correcting ? <p className="mb-3 text-sm">{t("correctUntil")}</p> : null}
            <NextIntlClientProvider messages={clientMessages}>
              <ContactForm
                key={correcting?.id ?? "new"}
                action={correcting ? correctContactAction : logContactAction}
                pupilId={pupil.id}
                idempotencyKey={randomUUID()}
                guardians={pupil.guardians}
                defaults={defaults}
                today={today}
                returnTo={query.from === "list" ? "list" : "pupil"}
                contactMomentId={correcting?.id}
                autoFocus={query.log === "1"}
              />
            </NextIntlClientProvider>
          </section>
          <section id="absence" aria-labelledby="absence-form-heading" className="scroll-mt-4 rounded-2xl border border-slate-200 bg-white p-4">
            <h2 id="absence-form-heading" className="text-lg font-semibold">{tAbsence("sectionTitle")}</h2>
            <p className="mb-3 text-sm text-slate-700">{tAbsence("sectionIntro")}</p>
            <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_16rem]">
              <NextIntlClientProvider messages={{ absence: messages.absence, absenceErrors: messages.absenceErrors, pupilReasons: messages.pupilReasons, errors: messages.errors }}>
                <AbsenceForm
                  action={registerAbsenceAction} pupilId={pupil.id} today={today} earliest={isoDay(earliestRegistrableDay(todayDate))}
                  shownDay={isoDay(absenceDay.date)} pagePath={pagePath}
                />
              </NextIntlClientProvider>
              <AbsenceDayList day={absenceDay} today={today} pagePath={pagePath} />
            </div>
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">{t("historyTitle")}</h2>
            <ContactHistory pupilId={pupil.id} history={pupil.history} />
          </section>
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="guardians-heading">
            <h2 id="guardians-heading" className="mb-2 text-lg font-semibold">{t("guardiansTitle")}</h2>
            <GuardianCards guardians={pupil.guardians} />
          </section>
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="mb-2 text-lg font-semibold">{t("resultsTitle")}</h2>
            {pupil.subjects.length ? (
              <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-3">
                {pupil.subjects.map((s) => (
                  <li key={s.subjectId} className="flex items-center justify-between py-2">
                    <span>{s.name}</span>
                    {s.averageTenths === null ? <span>–</span> : <Grade gradeTenths={s.averageTenths} f={f} />}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("noResults")}</p>
            )}
          </section>
          <section aria-labelledby="absence-heading">
            <h2 id="absence-heading" className="mb-2 text-lg font-semibold">{t("absencesTitle")}</h2>
            <p className="text-sm">
              {t("absenceYear", { sick: pupil.absenceTotals.SICK.count, unauthorised: pupil.absenceTotals.UNAUTHORISED.count, late: pupil.absenceTotals.LATE.count })}
            </p>
            {pupil.recentAbsences.length ? (
              <ul className="mt-2 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-3 text-sm">
                {pupil.recentAbsences.map((a) => (
                  <li key={`${a.date.toISOString()}-${a.kind}`} className="flex justify-between gap-2 py-2">
                    <span>{format.dateTime(a.date, "dayMonth")}</span>
                    <span className={a.kind === "UNAUTHORISED" ? "font-semibold text-warn-700" : ""}>
                      {tKinds(a.kind)} · {a.wholeDay ? t("wholeDay") : t("lessons", { count: a.lessons })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm">{t("noAbsences")}</p>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
