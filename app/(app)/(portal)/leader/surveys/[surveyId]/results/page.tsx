import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/auth/audit";
import { satisfactionFigures, surveyForLeader, surveyResults } from "@/lib/domain/surveys/queries";
import { surveyStepAction } from "@/lib/domain/surveys/actions";
import { MIN_GROUP, tenPoint } from "@/lib/domain/surveys/template";
import { answerLabel, answerValues, questionText } from "@/components/surveys/question-words";
import { BarChart } from "@/components/surveys/bar-chart";
import { StepForm } from "@/components/surveys/step-form";
import { directionOf, type AppLocale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("results.metaTitle") };
}

type Props = { params: Promise<{ surveyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A survey's results: response rate per class, then per question the
 * distribution as a chart with a table, for all classes or one class (only
 * groups of at least MIN_GROUP respondents); open answers only for all classes.
 */
export default async function SurveyResultsPage({ params, searchParams }: Props) {
  const actor = await requirePermission("surveys:manage", "/leader/surveys", { route: "/leader/surveys/[surveyId]/results", category: "surveys" });
  const { surveyId } = await params;
  const { class: classParam } = await searchParams;
  const survey = await surveyForLeader(actor, surveyId, "survey:results");
  const classId = typeof classParam === "string" && survey.classes.some((c) => c.id === classParam) ? classParam : null;
  const [t, format, messages, locale, results, satisfaction] = await Promise.all([
    getTranslations("surveys"), getFormatter(), getMessages(), getLocale(), surveyResults(actor, survey.id, classId), classId ? Promise.resolve(null) : satisfactionFigures(actor, survey.id),
  ]);
  await writeAudit(actor, "survey:results", "ALLOWED", survey.id, classId ? { classGroupId: classId } : undefined, { category: "surveys", route: "/leader/surveys/[surveyId]/results" });
  const n = (value: number) => format.number(value, "integer");
  const pct = (part: number, whole: number) => (whole ? `${format.number((part / whole) * 100, "hours")}%` : "—");
  const totalInvited = results.rates.reduce((s, r) => s + r.invited, 0);
  const totalResponded = results.rates.reduce((s, r) => s + r.responded, 0);
  const counts = new Map(results.distribution.map((d) => [`${d.questionId}:${d.value}`, d.count]));
  const rtl = directionOf(locale as AppLocale) === "rtl";
  return (
    <>
      <Link href={`/leader/surveys/${survey.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        <span lang="nl" dir="auto">{survey.title}</span>
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{t("results.title")}</h1>
      <section aria-labelledby="rates-heading" className="mt-4">
        <h2 id="rates-heading" className="text-lg font-semibold">{t("results.ratesTitle")}</h2>
        <div role="region" aria-labelledby="rates-heading" tabIndex={0} className="mt-2 max-w-xl overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="survey-rates">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="p-2 text-start">{t("results.colClass")}</th>
                <th scope="col" className="p-2 text-end">{t("results.colInvited")}</th>
                <th scope="col" className="p-2 text-end">{t("results.colResponded")}</th>
                <th scope="col" className="p-2 text-end">{t("results.colRate")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {results.rates.map((r) => (
                <tr key={r.classGroupId}>
                  <th scope="row" className="p-2 text-start font-medium">{r.name}</th>
                  <td className="p-2 text-end">{n(r.invited)}</td>
                  <td className="p-2 text-end">{n(r.responded)}</td>
                  <td className="p-2 text-end">{pct(r.responded, r.invited)}</td>
                </tr>
              ))}
              <tr className="bg-slate-50 font-semibold">
                <th scope="row" className="p-2 text-start">{t("results.total")}</th>
                <td className="p-2 text-end">{n(totalInvited)}</td>
                <td className="p-2 text-end" data-testid="survey-total-responded">{n(totalResponded)}</td>
                <td className="p-2 text-end">{pct(totalResponded, totalInvited)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="r-class" className="block font-medium">{t("results.group")}</label>
          <select id="r-class" name="class" defaultValue={classId ?? ""} className="mt-1 min-h-11 rounded-lg border border-slate-400 bg-white px-3">
            <option value="">{t("results.wholeSurvey")}</option>
            {survey.classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-medium">{t("results.show")}</button>
        <a href={`/api/leader/surveys/${survey.id}/csv`} className="inline-flex min-h-11 items-center text-brand-700 underline ms-auto">{t("results.csv")}</a>
      </form>
      <p className="mt-4 font-medium" data-testid="survey-respondents">{t("results.respondents", { count: results.respondents })}</p>
      {results.tooFew ? (
        <p role="status" className="mt-2 max-w-prose rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="survey-too-few">{t("results.tooFew", { min: MIN_GROUP })}</p>
      ) : (
        <div className="mt-4 space-y-6">
          {survey.questions.filter((q) => q.kind !== "OPEN").map((q, i) => {
            const words = questionText(q, locale, t);
            const rows = answerValues(q).map((value) => ({ value, label: answerLabel(q, value, t), count: counts.get(`${q.id}:${value}`) ?? 0 }));
            const answered = results.answeredPerQuestion[q.id] ?? 0;
            const headingId = `rq-${q.id}`;
            return (
              <section key={q.id} aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4">
                <h2 id={headingId} className="font-semibold"><span className="me-1">{i + 1}.</span><span lang={words.lang} dir="auto">{words.text}</span></h2>
                <p className="text-sm text-slate-600">{t("results.answeredBy", { count: answered })}</p>
                <div className="mt-2 grid gap-4 md:grid-cols-2">
                  <BarChart rtl={rtl} label={t("results.chartLabel", { question: words.text })} bars={rows.map((r) => ({ label: r.label.text, count: r.count }))} />
                  <table className="w-full text-sm">
                    <caption className="sr-only">{words.text}</caption>
                    <thead><tr>
                      <th scope="col" className="p-1 text-start">{t("results.colAnswer")}</th>
                      <th scope="col" className="p-1 text-end">{t("results.colCount")}</th>
                      <th scope="col" className="p-1 text-end">{t("results.colShare")}</th>
                    </tr></thead>
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((r) => (
                        <tr key={r.value}>
                          <th scope="row" className="p-1 text-start font-normal" lang={r.label.lang}>{r.label.text}</th>
                          <td className="p-1 text-end">{n(r.count)}</td>
                          <td className="p-1 text-end">{pct(r.count, answered)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
          {classId ? null : (
            <section aria-labelledby="open-heading" className="rounded-xl border border-slate-200 bg-white p-4">
              <h2 id="open-heading" className="font-semibold">{t("results.openTitle")}</h2>
              <p className="text-sm text-slate-600">{t("results.openNote")}</p>
              {results.openAnswers.length === 0 ? <p className="mt-2">{t("results.openNone")}</p> : (
                <ul className="mt-2 list-disc space-y-1 ps-5">
                  {results.openAnswers.map((a, i) => <li key={i} dir="auto">{a.text}</li>)}
                </ul>
              )}
            </section>
          )}
        </div>
      )}
      {satisfaction ? (
        <section aria-labelledby="ind-heading" className="mt-8 max-w-2xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
          <h2 id="ind-heading" className="text-lg font-semibold">{t("results.indicatorTitle")}</h2>
          {satisfaction.answers < MIN_GROUP ? <p className="mt-2">{t("results.indicatorTooFew")}</p> : (
            <>
              <p className="mt-2">{t("results.indicatorText", { mean: format.number(satisfaction.mean, "decimal"), score: format.number(Math.round(tenPoint(satisfaction.mean) * 10) / 10, "grade") })}</p>
              <p className="mb-3 text-sm text-slate-700">{t("results.indicatorHelp")}</p>
              <NextIntlClientProvider messages={{ surveys: messages.surveys, errors: messages.errors }}>
                <StepForm action={surveyStepAction} surveyId={survey.id} step="indicator" label={t("results.indicatorButton")} />
              </NextIntlClientProvider>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
