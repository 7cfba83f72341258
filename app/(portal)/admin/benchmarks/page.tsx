import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getBenchmarkEditor } from "@/lib/domain/indicators/benchmarks";
import { saveBenchmarksAction } from "@/lib/domain/indicators/actions";
import { INDICATOR_GROUPS } from "@/lib/domain/indicators/catalogue";
import { BenchmarkForm } from "@/components/admin/benchmark-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("benchmarks"))("title") };
}

type Props = { searchParams: Promise<{ year?: string }> };

export default async function BenchmarksPage({ searchParams }: Props) {
  const actor = await requirePermission("benchmarks:edit", "/admin/benchmarks");
  const { year } = await searchParams;
  const editor = await getBenchmarkEditor(actor, typeof year === "string" ? year : undefined);
  const [t, tPub, messages] = await Promise.all([getTranslations("benchmarks"), getTranslations("publishing"), getMessages()]);
  const initial = Object.fromEntries(editor.rows.map((r) => [`v:${r.code}:${r.schoolType}`, r.value === null ? "" : String(r.value).replace(".", ",")]));
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="year" className="block text-sm font-medium">{tPub("year")}</label>
          <select id="year" name="year" defaultValue={editor.year.id} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2">
            {editor.years.map((y) => <option key={y.id} value={y.id}>{y.name}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-slate-400 bg-white px-4">{tPub("show")}</button>
      </form>
      <div className="mt-6">
        <NextIntlClientProvider messages={{ benchmarks: messages.benchmarks, indicatorErrors: messages.indicatorErrors, indicators: messages.indicators, errors: messages.errors }}>
          <BenchmarkForm action={saveBenchmarksAction} schoolYearId={editor.year.id} rows={editor.rows} initial={initial} groups={INDICATOR_GROUPS} />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
