import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/components/questions/languages";

export type QuestionFacts = {
  kind: "QUESTION" | "CALL_BACK";
  body: string;
  callTimes: string[];
  callTimesNote: string | null;
  languageWanted: string | null;
  createdAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  doneAt: Date | null;
  answeredBy: { user: { name: string } } | null;
};

/**
 * A question and its answer as plain text: React escapes it, so "<b>hi</b>" is
 * shown as typed (never dangerouslySetInnerHTML). dir="auto": a parent may
 * write in Arabic on a Dutch page and the other way round.
 */
export async function QuestionView({ question }: { question: QuestionFacts }) {
  const [t, format, locale] = await Promise.all([getTranslations("questionList"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-4">
      <section aria-labelledby="question-heading" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="question-heading" className="text-lg font-semibold">{t(`kind_${question.kind}`)}</h2>
        <p className="text-sm text-slate-600">{t("askedOn", { date: format.dateTime(question.createdAt, "sent") })}</p>
        {question.body ? <p dir="auto" data-testid="question-body" className="mt-3 whitespace-pre-wrap break-words">{question.body}</p> : null}
        <dl className="mt-3 space-y-1 text-sm">
          {question.kind === "CALL_BACK" ? (
            <div>
              <dt className="inline font-medium">{t("callTimes")}: </dt>
              <dd dir="auto" className="inline">
                {[...question.callTimes.map((c) => t(`time_${c}`)), question.callTimesNote].filter(Boolean).join(", ")}
              </dd>
            </div>
          ) : null}
          {question.languageWanted ? (
            <div>
              <dt className="inline font-medium">{t("language")}: </dt>
              <dd className="inline">{languageName(locale, question.languageWanted)}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="answer-heading" className="rounded-2xl border border-brand-100 bg-brand-50 p-4 sm:p-6">
        <h2 id="answer-heading" className="text-lg font-semibold text-brand-900">{question.kind === "CALL_BACK" ? t("callBackTitle") : t("answerTitle")}</h2>
        {question.answer && question.answeredAt ? (
          <>
            <p className="text-sm text-slate-700">
              {t("answeredBy", { name: question.answeredBy?.user.name ?? "", date: format.dateTime(question.answeredAt, "sent") })}
            </p>
            <p dir="auto" lang="nl" data-testid="question-answer" className="mt-3 whitespace-pre-wrap break-words">{question.answer}</p>
          </>
        ) : question.doneAt ? (
          <p className="mt-2">{t("calledBack", { date: format.dateTime(question.doneAt, "sent") })}</p>
        ) : (
          <p className="mt-2">{question.kind === "CALL_BACK" ? t("waitingCall") : t("waitingAnswer")}</p>
        )}
      </section>
    </div>
  );
}
