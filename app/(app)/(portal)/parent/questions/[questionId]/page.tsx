import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { parentQuestion } from "@/lib/domain/questions/queries";
import { QuestionView } from "@/components/questions/question-view";

type Props = { params: Promise<{ questionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questionList"))("metaTitle"), robots: { index: false } };
}

/** One question and its answer: only for the guardian who asked it (anyone else: 404 and an audit row). */
export default async function ParentQuestionPage({ params, searchParams }: Props) {
  const { questionId } = await params;
  const query = await searchParams;
  const actor = await requirePermission("question:ask", `/parent/questions/${questionId}`, { route: "/parent/questions/[questionId]", category: "questions" });
  const question = await parentQuestion(actor, questionId);
  const t = await getTranslations("questionList");
  return (
    <>
      <Link href={`/parent/children/${question.pupil.id}/questions`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">←</span>
        {t("back", { name: question.pupil.firstName })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("title", { name: `${question.pupil.firstName} ${question.pupil.lastName}` })}</h1>
      {query.sent ? <p role="status" className="mt-4 max-w-prose rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("sent")}</p> : null}
      <div className="mt-6 max-w-2xl">
        <QuestionView question={question} />
      </div>
    </>
  );
}
