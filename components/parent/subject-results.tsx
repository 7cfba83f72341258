import { getLocale } from "next-intl/server";
import { fastTranslations } from "@/lib/i18n/fast-messages";
import { dateFormat } from "@/lib/i18n/fast-format";
import type { SubjectReport } from "@/lib/domain/results/report";
import { Grade, type GradeFormat } from "@/components/ui/grade";
import { TrendChart } from "@/components/ui/trend-chart";
import { schoolWordsFor, subjectLabel, SubjectName, TestDescription } from "@/components/school-words/words";

export async function SubjectResults({ subject, f }: { subject: SubjectReport; f: GradeFormat }) {
  const locale = await getLocale();
  const [t, tWords] = await Promise.all([fastTranslations(locale, "child"), schoolWordsFor(locale)]);
  // The catalogue's name in the parent's language, or the school's own (Dutch) name.
  const label = subjectLabel(tWords, locale, subject);
  const labelText = label.schoolName ? `${label.name} (${label.schoolName})` : label.name;
  // A subject has dozens of lines: formatters and the few weight labels are made once.
  const day = dateFormat(locale, "short");
  const weights = new Map<number, string>();
  const weightLabel = (weight: number) => weights.get(weight) ?? weights.set(weight, t("weightValue", { weight })).get(weight)!;
  const grades = subject.lines.flatMap((l) => (l.gradeTenths === null ? [] : [l.gradeTenths]));
  const trendLabel = t("trendLabel", {
    subject: labelText,
    trend: t(`trend.${subject.trend}`),
    grades: grades.map((g) => f.number(g)).join("; "),
  });
  return (
    <details className="group rounded-xl border border-slate-200 bg-white">
      <summary className="flex min-h-14 cursor-pointer list-none items-center justify-between gap-3 p-3 sm:p-4">
        <span className="min-w-0">
          <span className="block font-semibold"><SubjectName label={label} /></span>
          <span className="block text-sm text-slate-600">{t("showAssessments", { count: subject.lines.length })}</span>
        </span>
        <span className="flex items-center gap-3">
          <span className="hidden sm:block">
            <TrendChart gradesTenths={grades} label={trendLabel} />
          </span>
          <span className="text-end">
            <span className="block text-xs text-slate-600">{t("average")}</span>
            {subject.averageTenths === null ? (
              <span className="text-sm">{t("noAverage")}</span>
            ) : (
              <Grade gradeTenths={subject.averageTenths} size="lg" f={f} />
            )}
          </span>
        </span>
      </summary>
      <div className="border-t border-slate-100 p-3 sm:p-4">
        <p className="mb-2 text-sm text-slate-700 sm:hidden">{trendLabel}</p>
        <table className="assessments">
          <caption className="sr-only">{t("assessmentsOf", { subject: labelText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("description")}</th>
              <th scope="col">{t("weight")}</th>
              <th scope="col">{t("grade")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {subject.lines.map((line) => (
              <tr key={line.id}>
                <td>{day.format(line.heldOn)}</td>
                <td><TestDescription description={line.description} t={tWords} /></td>
                <td>{weightLabel(line.weight)}</td>
                <td>
                  <Grade gradeTenths={line.gradeTenths} textValue={line.textValue} f={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
