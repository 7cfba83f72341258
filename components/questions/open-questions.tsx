import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { openQuestionsForMentor } from "@/lib/domain/questions/queries";

type Open = Awaited<ReturnType<typeof openQuestionsForMentor>>;

/** The mentor's open questions and call-back requests, oldest first (the longest waiting on top). */
export async function OpenQuestions({ open }: { open: Open }) {
  const [t, format] = await Promise.all([getTranslations("questionMentor"), getFormatter()]);
  return (
    <section aria-labelledby="open-questions-heading" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="open-questions-heading" className="text-lg font-semibold">{t("openTitle", { count: open.count })}</h2>
      <p className="text-sm text-slate-600">{t("openIntro")}</p>
      {open.rows.length ? (
        <ul className="mt-2 divide-y divide-slate-100">
          {open.rows.map((q) => (
            <li key={q.id} className="py-2">
              <Link href={`/mentor/questions/${q.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {t(`kind_${q.kind}`)}: {q.pupil.firstName} {q.pupil.lastName}
              </Link>
              <span className="ms-2 text-sm text-slate-600">
                {q.pupil.classGroup.name} · {q.guardian.user.name} · {format.dateTime(q.createdAt, "sent")}
              </span>
              {q.body ? <span dir="auto" className="block truncate text-sm">{q.body}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm">{t("openNone")}</p>
      )}
    </section>
  );
}
