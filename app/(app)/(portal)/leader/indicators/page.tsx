import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getIndicatorEditor } from "@/lib/domain/indicators/queries";
import { publishAction, saveDraftsAction, uploadCsvAction } from "@/lib/domain/indicators/actions";
import { INDICATOR_GROUPS } from "@/lib/domain/indicators/catalogue";
import { YearPicker } from "@/components/leader/year-picker";
import { IndicatorDraftForm } from "@/components/leader/indicator-draft-form";
import { CsvUploadForm, PublishForm } from "@/components/leader/indicator-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publishing"))("title") };
}

type Props = { searchParams: Promise<{ year?: string }> };

const JUDGEMENT_WORDS = ["zeer zwak", "zwak", "basis", "voldoende", "goed"];

/** How a leader types a value: Dutch decimal comma, ja/nee, judgement words (all accepted back by the parser). */
function asTyped(unit: string, value: number | null): string {
  if (value === null) return "";
  if (unit === "BOOLEAN") return value ? "ja" : "nee";
  if (unit === "JUDGEMENT") return JUDGEMENT_WORDS[value - 1] ?? String(value);
  return String(value).replace(".", ",");
}

export default async function LeaderIndicatorsPage({ searchParams }: Props) {
  const actor = await requirePermission("indicators:edit", "/leader/indicators", { route: "/leader/indicators", category: "indicators" });
  const { year } = await searchParams;
  const editor = await getIndicatorEditor(actor, typeof year === "string" ? year : undefined);
  const [t, tInd, format, messages] = await Promise.all([getTranslations("publishing"), getTranslations("indicators"), getFormatter(), getMessages()]);
  const initial = Object.fromEntries(
    editor.rows.flatMap((r) => [[`v:${r.code}:${r.schoolType}`, asTyped(r.unit, r.draftValue)], [`e:${r.code}:${r.schoolType}`, r.draftExplanation]]),
  );
  const clientMessages = { publishing: messages.publishing, indicatorErrors: messages.indicatorErrors, indicators: messages.indicators, errors: messages.errors };
  const common = { schoolId: editor.school.id, schoolYearId: editor.year.id };
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro", { school: editor.school.name })}</p>
      <YearPicker years={editor.years} selected={editor.year.id} />
      <NextIntlClientProvider messages={clientMessages}>
        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <section aria-labelledby="draft-heading" className="min-w-0">
            <h2 id="draft-heading" className="text-xl font-semibold">{t("draftTitle")}</h2>
            <p className="mb-3 text-sm text-slate-700">{t("draftIntro")}</p>
            <IndicatorDraftForm action={saveDraftsAction} {...common} rows={editor.rows.map((r) => ({ ...r, publishedText: asTyped(r.unit, r.publishedValue) }))} initial={initial} groups={INDICATOR_GROUPS} />
          </section>
          <aside className="min-w-0 space-y-6">
            <section aria-labelledby="publish-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-4">
              <h2 id="publish-heading" className="mb-2 text-lg font-semibold">{t("publishTitle")}</h2>
              <PublishForm action={publishAction} {...common} yearName={editor.year.name} pendingCount={editor.pendingCount} />
            </section>
            <section aria-labelledby="csv-heading" className="rounded-xl border border-slate-200 bg-white p-4">
              <h2 id="csv-heading" className="text-lg font-semibold">{t("csvTitle")}</h2>
              <p className="mb-2 text-sm text-slate-700">{t("csvIntro")}</p>
              <CsvUploadForm action={uploadCsvAction} {...common} />
            </section>
            <section aria-labelledby="history-heading" className="rounded-xl border border-slate-200 bg-white p-4">
              <h2 id="history-heading" className="mb-2 text-lg font-semibold">{t("historyTitle")}</h2>
              {editor.history.length ? (
                <ol className="space-y-3 text-sm">
                  {editor.history.map((p) => (
                    <li key={p.id}>
                      <p className="font-medium">{t("historyItem", { date: format.dateTime(p.publishedAt, "full"), name: p.by })}</p>
                      <ul className="mt-1 space-y-0.5">
                        {p.changes.map((c) => (
                          <li key={`${c.code}:${c.schoolType}`}>
                            {t("change", {
                              indicator: tInd(`codes.${c.code}.name`), type: tInd(`schoolTypes.${c.schoolType}`),
                              old: c.oldValue === null ? t("empty") : format.number(c.oldValue, "decimal"), new: c.newValue === null ? t("empty") : format.number(c.newValue, "decimal"),
                            })}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm">{t("historyNone")}</p>
              )}
            </section>
          </aside>
        </div>
      </NextIntlClientProvider>
    </>
  );
}
