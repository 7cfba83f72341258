import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { surveyForLeader } from "@/lib/domain/surveys/queries";
import { addQuestionAction, surveyStepAction } from "@/lib/domain/surveys/actions";
import { questionText } from "@/components/surveys/question-words";
import { QuestionForm } from "@/components/surveys/question-form";
import { StepForm } from "@/components/surveys/step-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("metaTitle") };
}

type Props = { params: Promise<{ surveyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = ["send", "remind", "remindedBefore", "close", "indicator", "removeQuestion"];

/** One survey: its questions (own questions can be added while it is a draft), sending, the reminder, closing. */
export default async function LeaderSurvey({ params, searchParams }: Props) {
  const actor = await requirePermission("surveys:manage", "/leader/surveys", { route: "/leader/surveys/[surveyId]", category: "surveys" });
  const { surveyId } = await params;
  const { done } = await searchParams;
  const survey = await surveyForLeader(actor, surveyId, "survey:edit");
  const [t, tLang, format, messages, locale] = await Promise.all([getTranslations("surveys"), getTranslations("languages"), getFormatter(), getMessages(), getLocale()]);
  const draft = survey.status === "DRAFT";
  const languageNames = Object.fromEntries(["en", "ar", "tr", "pl", "uk"].map((l) => [l, tLang(l)]));
  const provider = { surveys: messages.surveys, errors: messages.errors };
  return (
    <>
      <Link href="/leader/surveys" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("detail.back")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold" lang="nl" dir="auto">{survey.title}</h1>
      <p className="mt-1 text-slate-700">
        {t(`status.${survey.status}`)} · {t("detail.classes", { classes: survey.classes.map((c) => c.name).join(", ") })}
        {survey.closesOn ? <> · {t("detail.closesOn", { date: format.dateTime(survey.closesOn, "full") })}</> : null}
      </p>
      {typeof done === "string" && DONE.includes(done) ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t(`detail.done.${done}`)}</p> : null}
      <section aria-labelledby="q-heading" className="mt-6">
        <h2 id="q-heading" className="text-lg font-semibold">{t("detail.questions")}</h2>
        {survey.questions.length === 0 ? <p className="mt-2">{t("detail.noQuestions")}</p> : (
          <ol className="mt-2 space-y-2">
            {survey.questions.map((q, i) => {
              const words = questionText(q, locale, t);
              return (
                <li key={q.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3">
                  <div>
                    <span className="me-1">{i + 1}.</span>
                    <span lang={words.lang} dir="auto">{words.text}</span>
                    <span className="block text-sm text-slate-600">
                      {t(`kind.${q.kind}`)}{q.satisfaction ? ` · ${t("detail.satisfactionMark")}` : ""}{q.templateKey ? "" : ` · ${t("detail.ownQuestion")}`}
                    </span>
                  </div>
                  {draft ? (
                    <NextIntlClientProvider messages={provider}>
                      <StepForm action={surveyStepAction} surveyId={survey.id} step="removeQuestion" questionId={q.id} label={t("detail.remove")} ariaLabel={t("detail.removeLabel", { number: i + 1 })} />
                    </NextIntlClientProvider>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {draft ? (
        <section aria-labelledby="add-heading" className="mt-8 max-w-2xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
          <h2 id="add-heading" className="text-lg font-semibold">{t("detail.addTitle")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("detail.addIntro")}</p>
          <NextIntlClientProvider messages={provider}>
            <QuestionForm action={addQuestionAction} surveyId={survey.id} languageNames={languageNames} />
          </NextIntlClientProvider>
        </section>
      ) : null}
      <section aria-labelledby="steps-heading" className="mt-8 max-w-2xl space-y-4">
        <h2 id="steps-heading" className="text-lg font-semibold">{t("detail.stepsTitle")}</h2>
        <NextIntlClientProvider messages={provider}>
          {draft ? (
            <div>
              <p className="mb-2 text-sm text-slate-700">{t("detail.sendHelp")}</p>
              <StepForm action={surveyStepAction} surveyId={survey.id} step="send" label={t("detail.send")} primary />
            </div>
          ) : null}
          {survey.status === "OPEN" ? (
            <>
              <div>
                <p className="mb-2 text-sm text-slate-700">{survey.remindedAt ? t("detail.remindedOn", { date: format.dateTime(survey.remindedAt, "full") }) : t("detail.remindHelp")}</p>
                {survey.remindedAt ? null : <StepForm action={surveyStepAction} surveyId={survey.id} step="remind" label={t("detail.remind")} />}
              </div>
              <div>
                <p className="mb-2 text-sm text-slate-700">{t("detail.closeHelp")}</p>
                <StepForm action={surveyStepAction} surveyId={survey.id} step="close" label={t("detail.close")} />
              </div>
            </>
          ) : null}
        </NextIntlClientProvider>
        {draft ? null : (
          <p><Link href={`/leader/surveys/${survey.id}/results`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{t("detail.results")}</Link></p>
        )}
      </section>
    </>
  );
}
