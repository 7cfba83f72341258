import Link from "next/link";
import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { numberFormat } from "@/lib/i18n/fast-format";
import type { ChildOverview } from "@/lib/domain/pupils/queries";
import { ABSENCE_KINDS } from "@/lib/domain/attendance/totals";
import { Grade, gradeFormat } from "@/components/ui/grade";
import { RightsBanner } from "@/components/parent/rights-banner";
import { isolateLtr } from "@/lib/i18n/bidi";
import { Explained, schoolWordsFor, subjectLabel, SubjectName } from "@/components/school-words/words";

export async function ChildCard({ child }: { child: ChildOverview }) {
  const locale = await getLocale();
  const [t, tKinds, f, tWords] = await Promise.all([fastTranslations(locale, "parent"), fastTranslations(locale, "absenceKinds"), gradeFormat(), schoolWordsFor(locale)]);
  const integer = numberFormat(locale, "integer");
  const name = `${child.firstName} ${child.lastName}`;
  return (
    <article className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-labelledby={`child-${child.id}`}>
      <h2 id={`child-${child.id}`} className="text-xl font-semibold text-brand-900">
        {name}
      </h2>
      <p className="mt-1 text-slate-700">{t("classAt", { className: isolateLtr(locale, child.className), school: child.school })}</p>
      {/* Only what the guardian's link allows (lib/auth/guardian-rights.ts). */}
      {child.rights.see.mentor ? (
        <p className="text-slate-700">{child.mentors.length ? t("mentor", { names: child.mentors.join(", ") }) : t("noMentor")}</p>
      ) : null}
      <RightsBanner rights={child.rights} pupilId={child.id} firstName={child.firstName} />

      {child.rights.see.results ? <h3 className="mt-5 font-semibold">{t("latestResults")}</h3> : null}
      {!child.rights.see.results ? null : child.latest.length ? (
        <ul className="mt-2 divide-y divide-slate-100">
          {child.latest.map((r) => {
            const subject = subjectLabel(tWords, locale, { code: r.subjectCode, name: r.subject });
            return (
              <li key={r.id} className="flex items-center justify-between gap-3 py-2">
                <span className="min-w-0">
                  <span className="block font-medium"><SubjectName label={subject} /></span>
                  <span className="block truncate text-sm text-slate-600" lang="nl">{r.description}</span>
                </span>
                <Grade gradeTenths={r.gradeTenths} textValue={r.textValue} f={f} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-2 text-slate-600">{t("noResults")}</p>
      )}

      {child.rights.see.absences ? (
        <>
          <h3 className="mt-5 font-semibold">{child.term ? t("termAbsence", { term: child.term }) : t("termAbsenceNoTerm")}</h3>
          <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {ABSENCE_KINDS.map((kind) => (
              <div key={kind} className="rounded-lg bg-slate-50 p-2">
                <dt className="text-sm text-slate-600">
                  <Explained word={tKinds(kind)} group="absenceKinds" value={kind} t={tWords} />
                </dt>
                <dd className="text-lg font-semibold tabular-nums">{integer.format(child.termAbsences[kind].count)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <Link
        href={`/parent/children/${child.id}`}
        className="mt-5 inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 sm:w-auto"
      >
        {t("openChild", { name: child.firstName })}
      </Link>
    </article>
  );
}
