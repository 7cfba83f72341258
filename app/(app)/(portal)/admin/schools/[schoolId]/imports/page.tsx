import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { listImports } from "@/lib/domain/imports/queries";
import { UploadForm } from "@/components/imports/upload-form";
import { RunList } from "@/components/imports/run-list";
import { SchoolHeader } from "@/components/admin/school-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

type Props = { params: Promise<{ schoolId: string }>; searchParams: Promise<{ error?: string; discarded?: string }> };

// Problems the upload can send back to this page when the browser posted without JavaScript.
const URL_PROBLEMS = new Set(["noFiles", "tooManyFiles", "uploadTooLarge", "uploadUnreadable", "fileType", "fileTooLarge", "fileEmpty"]);

export default async function ImportsPage({ params, searchParams }: Props) {
  const { schoolId } = await params;
  const actor = await requirePermission("imports:manage", `/admin/schools/${schoolId}/imports`, { route: "/admin/schools/[schoolId]/imports", category: "import" });
  const { error, discarded } = await searchParams;
  const { school, runs } = await listImports(actor, schoolId);
  const [t, messages] = await Promise.all([getTranslations("imports"), getMessages()]);
  return (
    <>
      <SchoolHeader schoolId={school.id} name={school.name} current="imports" title={t("title")} />
      <p className="mt-4 max-w-prose text-slate-700">{t("intro")}</p>
      {discarded ? <p role="status" className="mt-4 rounded-lg border border-brand-100 bg-brand-50 p-3">{t("discardedNotice")}</p> : null}
      <section aria-labelledby="upload-heading" className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="upload-heading" className="mb-3 text-xl font-semibold">{t("uploadTitle")}</h2>
        <NextIntlClientProvider messages={{ imports: messages.imports, importErrors: messages.importErrors }}>
          <UploadForm schoolId={school.id} idempotencyKey={randomUUID()} initialProblem={error && URL_PROBLEMS.has(error) ? error : null} />
        </NextIntlClientProvider>
      </section>
      <section aria-labelledby="previous-heading" className="mt-8">
        <h2 id="previous-heading" className="mb-3 text-xl font-semibold">{t("previousTitle")}</h2>
        <RunList schoolId={school.id} runs={runs} />
      </section>
    </>
  );
}
