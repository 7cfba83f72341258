import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { sendableClasses } from "@/lib/domain/announcements/queries";
import { surveysOfSchool } from "@/lib/domain/surveys/queries";
import { createSurveyAction } from "@/lib/domain/surveys/actions";
import { TEMPLATE_QUESTIONS } from "@/lib/domain/surveys/template";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { CreateSurveyForm } from "@/components/surveys/create-survey-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("surveys"))("metaTitle") };
}

/** The leader's surveys (invited and answered, counted in SQL) and a new one from the template. */
export default async function LeaderSurveys() {
  const actor = await requirePermission("surveys:manage", "/leader/surveys", { route: "/leader/surveys", category: "surveys" });
  const [t, format, messages, classes, rows] = await Promise.all([getTranslations("surveys"), getFormatter(), getMessages(), sendableClasses(actor), surveysOfSchool(actor)]);
  const inTwoWeeks = new Date(dutchToday().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  const n = (value: number) => format.number(value, "integer");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      <section aria-labelledby="surveys-list" className="mt-6">
        <h2 id="surveys-list" className="text-lg font-semibold">{t("listTitle")}</h2>
        {rows.length === 0 ? <p className="mt-2">{t("none")}</p> : (
          <div role="region" aria-labelledby="surveys-list" tabIndex={0} className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="p-2 text-start">{t("col.title")}</th>
                  <th scope="col" className="p-2 text-start">{t("col.status")}</th>
                  <th scope="col" className="p-2 text-start">{t("col.closesOn")}</th>
                  <th scope="col" className="p-2 text-end">{t("col.invited")}</th>
                  <th scope="col" className="p-2 text-end">{t("col.responded")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id} data-testid={`survey-${r.id}`}>
                    <th scope="row" className="p-2 text-start font-medium">
                      <Link href={`/leader/surveys/${r.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline" lang="nl" dir="auto">{r.title}</Link>
                    </th>
                    <td className="p-2">{t(`status.${r.status}`)}</td>
                    <td className="p-2">{r.closesOn ? format.dateTime(r.closesOn, "full") : "—"}</td>
                    <td className="p-2 text-end">{n(r.invited)}</td>
                    <td className="p-2 text-end">{n(r.responded)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="survey-new" className="mt-8 max-w-2xl rounded-2xl border border-brand-100 bg-white p-4 sm:p-6">
        <h2 id="survey-new" className="text-lg font-semibold">{t("create.title")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("create.intro")}</p>
        <NextIntlClientProvider messages={{ surveys: messages.surveys, errors: messages.errors }}>
          <CreateSurveyForm
            action={createSurveyAction} idempotencyKey={randomUUID()} classes={classes} defaultClosesOn={inTwoWeeks}
            template={TEMPLATE_QUESTIONS.map((q) => ({ key: q.key, text: t(`template.${q.key}`) }))}
          />
        </NextIntlClientProvider>
      </section>
    </>
  );
}
