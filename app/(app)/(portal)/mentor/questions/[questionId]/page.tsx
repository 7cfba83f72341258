import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { mentorQuestion } from "@/lib/domain/questions/queries";
import { answerQuestionAction, calledBackAction, internalNoteAction } from "@/lib/domain/questions/actions";
import { QuestionView } from "@/components/questions/question-view";
import { AnswerForm, CalledBackForm, NoteForm } from "@/components/questions/mentor-forms";
import { languageName } from "@/components/questions/languages";
import { PhoneLink } from "@/components/ui/ltr";
import { readablePhone } from "@/lib/domain/admin/phone";

type Props = { params: Promise<{ questionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questionMentor"))("metaTitle") };
}

/** One question for a mentor of the pupil's class: answer, call back, internal note. */
export default async function MentorQuestionPage({ params }: Props) {
  const { questionId } = await params;
  const actor = await requirePermission("question:answer", `/mentor/questions/${questionId}`, { route: "/mentor/questions/[questionId]", category: "questions" });
  const question = await mentorQuestion(actor, questionId);
  const [t, messages, locale] = await Promise.all([getTranslations("questionMentor"), getMessages(), getLocale()]);
  const { guardian, pupil } = question;
  const open = !question.answeredAt && !question.doneAt;
  return (
    <>
      <Link href="/mentor" className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { name: `${pupil.firstName} ${pupil.lastName}`, className: pupil.classGroup.name })}</h1>
      <p className="mt-1">
        <Link href={`/mentor/pupils/${pupil.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("pupilLink", { name: pupil.firstName })}</Link>
      </p>
      <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <QuestionView question={question} />
          <NextIntlClientProvider messages={{ questionMentor: messages.questionMentor, questionErrors: messages.questionErrors, errors: messages.errors }}>
            {open && question.kind === "QUESTION" ? (
              <section aria-labelledby="answer-form-heading" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
                <h2 id="answer-form-heading" className="text-lg font-semibold">{t("answerTitle")}</h2>
                <p className="mb-3 text-sm text-slate-700">{t("answerIntro")}</p>
                <AnswerForm action={answerQuestionAction} questionId={question.id} />
              </section>
            ) : null}
            {open && question.kind === "CALL_BACK" ? (
              <section aria-labelledby="call-heading" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
                <h2 id="call-heading" className="text-lg font-semibold">{t("callTitle")}</h2>
                <CalledBackForm action={calledBackAction} questionId={question.id} />
              </section>
            ) : null}
            {question.contactMomentId ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("contactLogged")}</p> : null}
            <section aria-labelledby="note-heading" className="rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-6">
              <h2 id="note-heading" className="text-lg font-semibold">{t("noteTitle")}</h2>
              <NoteForm action={internalNoteAction} questionId={question.id} current={question.internalNote} />
            </section>
          </NextIntlClientProvider>
        </div>
        <aside aria-labelledby="guardian-heading" className="order-first self-start rounded-2xl border border-brand-100 bg-brand-50 p-4 lg:order-none">
          <h2 id="guardian-heading" className="text-lg font-semibold">{t("guardianTitle")}</h2>
          <p className="mt-1 font-medium">{guardian.user.name}</p>
          <dl className="mt-2 space-y-2 text-sm">
            {guardian.phone ? (
              <div>
                <dt className="text-slate-600">{t("phone")}</dt>
                <dd><PhoneLink phone={readablePhone(guardian.phone)} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" /></dd>
              </div>
            ) : null}
            {guardian.user.email ? (
              <div>
                <dt className="text-slate-600">{t("email")}</dt>
                <dd className="break-all">{guardian.user.email}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-600">{t("guardianLanguage")}</dt>
              <dd>{languageName(locale, guardian.user.locale)}</dd>
            </div>
          </dl>
        </aside>
      </div>
    </>
  );
}
