import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { SchoolNav } from "@/components/admin/school-nav";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { getImportRun } from "@/lib/domain/imports/queries";
import { applyImportAction, discardImportAction, mapColumnsAction } from "@/lib/domain/imports/actions";
import { mapColumns, type SchoolMappings } from "@/lib/domain/imports/headers";
import { RunProgress } from "@/components/imports/run-progress";
import { RunActions } from "@/components/imports/run-actions";
import { ColumnsForm, type ColumnsFile } from "@/components/imports/columns-form";
import { Preview } from "@/components/imports/preview";
import { IssueTable } from "@/components/imports/issue-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

type Props = { params: Promise<{ schoolId: string; runId: string }> };
const SHOWN_ERRORS = 200;
const RUNNING = ["QUEUED", "VALIDATING", "APPLYING"];

export default async function ImportRunPage({ params }: Props) {
  const { schoolId, runId } = await params;
  const actor = await requirePermission("imports:manage", `/admin/schools/${schoolId}/imports/${runId}`, { route: "/admin/schools/[schoolId]/imports/[runId]", category: "import" });
  const { school, run, mappings } = await getImportRun(actor, schoolId, runId);
  const [t, tStatus, tKind, format, messages] = await Promise.all([getTranslations("imports"), getTranslations("importStatus"), getTranslations("importKinds"), getFormatter(), getMessages()]);
  const base = `/admin/schools/${encodeURIComponent(school.id)}/imports`;
  const fileNames = Object.fromEntries(run.files.map((f) => [f.position, f.name]));
  const saved: SchoolMappings = {};
  for (const m of mappings) (saved[m.kind] ??= {})[m.header] = m.field;
  const columnsFiles: ColumnsFile[] = run.files.map((f) => {
    const fields: Record<string, string> = {};
    if (f.kind) for (const [field, index] of Object.entries(mapColumns(f.kind, f.headers, saved).columns)) fields[f.headers[index]] = field;
    return { position: f.position, name: f.name, kind: f.kind, headers: f.headers, fields };
  });
  const editable = ["READY", "INVALID"].includes(run.status) && run.files.some((f) => f.headers.length);
  const hasAbsences = run.files.some((f) => f.kind === "ABSENCES");
  const clientMessages = { imports: messages.imports, importKinds: messages.importKinds, importFields: messages.importFields, errors: messages.errors, importErrors: messages.importErrors };
  return (
    <NextIntlClientProvider messages={clientMessages}>
      <p><Link href={base} className="underline">{t("back")}</Link></p>
      <h1 className="mt-2 text-2xl font-semibold">{t("runTitle", { date: format.dateTime(run.createdAt, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" }) })}</h1>
      <p className="mt-1 text-slate-700">{school.name} · {t("startedBy", { name: run.by })} · <strong>{tStatus(run.status)}</strong></p>
      <SchoolNav schoolId={school.id} current="imports" />

      <div className="mt-4 space-y-3">
        {RUNNING.includes(run.status) ? <RunProgress url={`/api/imports/${encodeURIComponent(school.id)}/${encodeURIComponent(run.id)}`} initial={{ status: run.status, done: run.progressDone, total: run.progressTotal }} /> : null}
        {run.status === "APPLIED" && run.appliedAt ? <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 p-3 font-medium">{t("appliedNotice", { date: format.dateTime(run.appliedAt, "full") })}</p> : null}
        {run.status === "INVALID" ? <p className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{t("invalidNotice")}</p> : null}
        {run.status === "FAILED" ? <p className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{t("failedNotice")}</p> : null}
        {run.status === "DISCARDED" ? <p className="rounded-lg border border-slate-300 bg-slate-50 p-3">{t("discardedRun")}</p> : null}
        {run.fullExport ? <p className="text-sm">{t("fullExportOn")}</p> : null}
      </div>

      <section aria-labelledby="files-heading" className="mt-6">
        <h2 id="files-heading" className="text-xl font-semibold">{t("filesTitle")}</h2>
        <ul className="mt-2 space-y-1">
          {run.files.map((f) => (
            <li key={f.position} className="break-words">
              <span className="font-medium">{f.name}</span> · {f.kind ? tKind(f.kind) : t("fileKindNone")} · {t("fileRows", { count: f.rowCount })}
              {f.unmapped.length ? <span className="block text-sm text-slate-700">{t("unmapped", { columns: f.unmapped.join(", ") })}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      {run.errorCount ? (
        <section aria-labelledby="errors-heading" className="mt-6">
          <h2 id="errors-heading" className="text-xl font-semibold text-warn-700">{t("errorsTitle", { count: run.errorCount })}</h2>
          <p className="mt-1 max-w-prose">{t("errorsIntro")}</p>
          {run.errorCount > SHOWN_ERRORS ? <p className="mt-1 text-sm">{t("errorsMore", { shown: String(SHOWN_ERRORS), count: String(run.errorCount) })}</p> : null}
          {run.errors.length ? (
            <>
              <p className="mt-2"><a href={`/api/imports/${encodeURIComponent(school.id)}/${encodeURIComponent(run.id)}/errors`} className="underline" download>{t("downloadErrors")}</a></p>
              <div className="mt-2"><IssueTable issues={run.errors} fileNames={fileNames} limit={SHOWN_ERRORS} caption={t("errorsTitle", { count: run.errorCount })} /></div>
            </>
          ) : (
            <p className="mt-2 text-slate-700">{t("detailsForgotten")}</p>
          )}
        </section>
      ) : null}

      {editable ? (
        <details className="mt-6 rounded-xl border border-slate-200 bg-slate-50 p-3" open={run.errors.some((e) => ["fileKindUnknown", "columnsMissing"].includes(e.code))}>
          <summary className="cursor-pointer text-lg font-semibold">{t("columnsTitle")}</summary>
          <p className="my-2 max-w-prose text-sm">{t("columnsIntro")}</p>
          <ColumnsForm schoolId={school.id} runId={run.id} files={columnsFiles} action={mapColumnsAction} />
        </details>
      ) : null}

      {run.summary && run.status !== "INVALID" ? (
        <section aria-labelledby="preview-heading" className="mt-6">
          <h2 id="preview-heading" className="mb-2 text-xl font-semibold">{run.status === "APPLIED" ? t("previewTitleApplied") : t("previewTitle")}</h2>
          {hasAbsences ? <p className="mb-2 text-sm">{t("absencesNoAlerts")}</p> : null}
          <Preview summary={run.summary} />
        </section>
      ) : null}

      {run.warningCount ? (
        <details className="mt-6 rounded-xl border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold">{t("warningsTitle", { count: run.warningCount })}</summary>
          <p className="my-2 text-sm">{t("warningsIntro")}</p>
          <IssueTable issues={run.warnings} fileNames={fileNames} limit={SHOWN_ERRORS} caption={t("warningsTitle", { count: run.warningCount })} />
        </details>
      ) : null}

      {run.status === "READY" || run.status === "INVALID" || run.status === "FAILED" ? (
        <section aria-labelledby="apply-heading" className="mt-8 rounded-xl border border-brand-100 bg-brand-50 p-4">
          <h2 id="apply-heading" className="text-xl font-semibold">{t("applyTitle")}</h2>
          {run.status === "READY" ? <p className="mb-3 mt-1 max-w-prose">{t("applyIntro")}</p> : null}
          <RunActions schoolId={school.id} runId={run.id} apply={run.status === "READY" ? applyImportAction : undefined} discard={discardImportAction} />
        </section>
      ) : null}
    </NextIntlClientProvider>
  );
}
