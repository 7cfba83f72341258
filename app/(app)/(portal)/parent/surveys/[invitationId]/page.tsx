import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { invitationForGuardian } from "@/lib/domain/surveys/queries";
import { surveyIsOpen } from "@/lib/domain/surveys/commands";
import { answerSurveyAction } from "@/lib/domain/surveys/actions";
import { answerLabel, answerValues, questionText } from "@/components/surveys/question-words";
import { AnswerForm, type AnswerQuestion } from "@/components/surveys/answer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("parent.metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ invitationId: string }> };

/**
 * One invitation (its random id is the token in the guardian's link): the
 * questionnaire in the guardian's language, or a note that it was answered or closed.
 * Another guardian's or an unknown invitation: 404 and an audit row.
 */
export default async function AnswerSurvey({ params }: Props) {
  const actor = await requirePermission("survey:answer", "/parent/surveys", { route: "/parent/surveys/[invitationId]", category: "surveys" });
  const { invitationId } = await params;
  const invitation = await invitationForGuardian(actor, invitationId);
  const [t, messages, locale] = await Promise.all([getTranslations("surveys"), getMessages(), getLocale()]);
  const tt = t as unknown as (key: string) => string;
  const open = surveyIsOpen(invitation.survey, new Date());
  const questions: AnswerQuestion[] = invitation.survey.questions.map((q) => {
    const words = questionText(q, locale, tt);
    return {
      id: q.id, kind: q.kind, text: words.text, lang: words.lang,
      hint: q.kind === "SCALE_4" ? t("scale4Hint") : q.kind === "SCALE_10" ? t("scale10Hint") : undefined,
      choices: q.kind === "OPEN" ? [] : answerValues(q).map((value) => { const l = answerLabel(q, value, tt); return { value, label: l.text, lang: l.lang }; }),
    };
  });
  return (
    <>
      <Link href="/parent/surveys" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("parent.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold" lang="nl" dir="auto">{invitation.survey.title}</h1>
      <p className="text-slate-700">{invitation.survey.school.name}</p>
      {invitation.responded ? (
        <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("parent.alreadyAnswered")}</p>
      ) : !open ? (
        <p role="status" className="mt-4 max-w-prose rounded-lg bg-slate-100 p-3 font-medium">{t("parent.closed")}</p>
      ) : (
        <>
          <p className="mt-2 max-w-prose rounded-lg bg-brand-50 p-3 text-brand-900">{t("parent.anonymous")}</p>
          <div className="mt-4 max-w-2xl rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <NextIntlClientProvider messages={{ surveys: { parent: (messages.surveys as Record<string, unknown>).parent, errors: (messages.surveys as Record<string, unknown>).errors }, errors: messages.errors } as never}>
              <AnswerForm action={answerSurveyAction} invitationId={invitation.id} questions={questions} />
            </NextIntlClientProvider>
          </div>
        </>
      )}
    </>
  );
}
