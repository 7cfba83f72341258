import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getBenchmarkEditor } from "@/lib/domain/indicators/benchmarks";
import { saveBenchmarksAction } from "@/lib/domain/indicators/actions";
import { INDICATOR_GROUPS } from "@/lib/domain/indicators/catalogue";
import { YearPicker } from "@/components/leader/year-picker";
import { BenchmarkForm } from "@/components/admin/benchmark-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("benchmarks"))("title") };
}

type Props = { searchParams: Promise<{ year?: string }> };

export default async function BenchmarksPage({ searchParams }: Props) {
  const actor = await requirePermission("benchmarks:edit", "/admin/benchmarks", { route: "/admin/benchmarks", category: "indicators" });
  const { year } = await searchParams;
  const editor = await getBenchmarkEditor(actor, typeof year === "string" ? year : undefined);
  const [t, messages] = await Promise.all([getTranslations("benchmarks"), getMessages()]);
  const initial = Object.fromEntries(editor.rows.map((r) => [`v:${r.code}:${r.schoolType}`, r.value === null ? "" : String(r.value).replace(".", ",")]));
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t("intro")}</p>
      <YearPicker years={editor.years} selected={editor.year.id} />
      <div className="mt-6">
        <NextIntlClientProvider messages={{ benchmarks: messages.benchmarks, indicatorErrors: messages.indicatorErrors, indicators: messages.indicators, errors: messages.errors }}>
          <BenchmarkForm action={saveBenchmarksAction} schoolYearId={editor.year.id} rows={editor.rows} initial={initial} groups={INDICATOR_GROUPS} />
        </NextIntlClientProvider>
      </div>
    </>
  );
}
