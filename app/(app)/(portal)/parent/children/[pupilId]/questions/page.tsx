import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { childQuestions } from "@/lib/domain/questions/queries";
import { askQuestionAction } from "@/lib/domain/questions/actions";
import { AskForm } from "@/components/questions/ask-form";
import { languageChoices } from "@/components/questions/languages";

type Props = { params: Promise<{ pupilId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questionAsk"))("metaTitle"), robots: { index: false } };
}

export default async function ChildQuestionsPage({ params, searchParams }: Props) {
  const { pupilId } = await params;
  const query = await searchParams;
  const actor = await requirePermission("question:ask", `/parent/children/${pupilId}/questions`, { route: "/parent/children/[pupilId]/questions", category: "questions", pupilId });
  const pupil = await childQuestions(actor, pupilId);
  const [t, tList, format, messages, locale] = await Promise.all([getTranslations("questionAsk"), getTranslations("questionList"), getFormatter(), getMessages(), getLocale()]);
  const initialKind = query.kind === "CALL_BACK" ? "CALL_BACK" : "QUESTION";
  return (
    <>
      <Link href={`/parent/children/${pupil.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back", { name: pupil.firstName })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { name: `${pupil.firstName} ${pupil.lastName}` })}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t("intro", { name: pupil.firstName })}</p>
      <section id="ask" aria-labelledby="ask-heading" className="mt-6 max-w-2xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
        <h2 id="ask-heading" className="text-lg font-semibold">{t("formTitle")}</h2>
        <div className="mt-3">
          <NextIntlClientProvider messages={{ questionAsk: messages.questionAsk, questionErrors: messages.questionErrors, errors: messages.errors }}>
            <AskForm
              action={askQuestionAction} pupilId={pupil.id} firstName={pupil.firstName} idempotencyKey={randomUUID()}
              initialKind={initialKind} languages={languageChoices(locale)}
            />
          </NextIntlClientProvider>
        </div>
      </section>
      <section aria-labelledby="mine-heading" className="mt-8 max-w-2xl">
        <h2 id="mine-heading" className="text-lg font-semibold">{t("mineTitle")}</h2>
        {pupil.mentorQuestions.length ? (
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {pupil.mentorQuestions.map((q) => (
              <li key={q.id} className="p-3">
                <Link href={`/parent/questions/${q.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                  {tList(`kind_${q.kind}`)} · {format.dateTime(q.createdAt, "sent")}
                </Link>
                <span className="ms-2 text-sm text-slate-700">
                  {q.answeredAt ? tList("status_answered") : q.doneAt ? tList("status_done") : tList("status_open")}
                </span>
                {q.body ? <span dir="auto" className="block truncate text-sm">{q.body}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t("mineEmpty")}</p>
        )}
      </section>
    </>
  );
}
