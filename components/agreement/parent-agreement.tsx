import { NextIntlClientProvider } from "next-intl";
import Link from "next/link";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/types";
import type { Locale } from "@/lib/generated/prisma/enums";
import { guardianAgreements } from "@/lib/domain/agreement/queries";
import { acknowledgeAction, agreementQuestionAction } from "@/lib/domain/agreement/actions";
import { FormattedText } from "@/components/agreement/formatted-text";
import { AcknowledgeForm, QuestionForm } from "@/components/agreement/simple-forms";

/** /parent/agreement: the newest agreement of each school of the guardian's children, and their answer. */
export async function ParentAgreement({ actor }: { actor: Actor }) {
  const locale = (await getLocale()) as Locale;
  const [t, format, messages, agreements] = await Promise.all([getTranslations("agreement"), getFormatter(), getMessages(), guardianAgreements(actor, locale)]);
  const date = (d: Date) => format.dateTime(d, "full");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("parentIntro")}</p>
      {agreements.length === 0 ? <p className="mt-6 rounded-lg bg-white p-4">{t("none")}</p> : null}
      {agreements.map((a) => (
        <article key={a.versionId} aria-labelledby={`agreement-${a.versionId}`} className="mt-6 max-w-3xl rounded-xl border border-slate-200 bg-white p-4">
          <h2 id={`agreement-${a.versionId}`} className="text-xl font-semibold">
            {t("schoolVersion", { school: a.schoolName, number: String(a.number), date: date(a.publishedAt) })}
          </h2>
          {a.textLocale !== locale ? <p className="mt-1 text-sm text-slate-600">{t("onlyDutch")}</p> : null}
          <div className="mt-3"><FormattedText text={a.text} lang={a.textLocale} headingLevel={3} /></div>
          <div className="mt-4 border-t border-slate-200 pt-4">
            {a.response === "AGREED" && a.answeredAt ? (
              <p className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("agreed", { date: date(a.answeredAt) })}</p>
            ) : a.response === "QUESTION" && a.answeredAt ? (
              <p className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">
                {t("asked", { date: date(a.answeredAt) })}{" "}
                {a.questionId ? <Link href={`/parent/questions/${a.questionId}`} className="underline">{t("openQuestion")}</Link> : null}
              </p>
            ) : (
              <NextIntlClientProvider messages={{ agreement: messages.agreement, errors: messages.errors }}>
                <div className="space-y-3">
                  <AcknowledgeForm action={acknowledgeAction} versionId={a.versionId} />
                  {a.mayAsk ? <QuestionForm action={agreementQuestionAction} versionId={a.versionId} /> : <p className="text-sm">{t("noMentorRight")}</p>}
                </div>
              </NextIntlClientProvider>
            )}
          </div>
        </article>
      ))}
    </>
  );
}
