"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ImportActionState } from "@/lib/domain/imports/actions";
import { FILE_KINDS, IGNORE, KIND_FIELDS } from "@/lib/domain/imports/fields";

export type ColumnsFile = { position: number; name: string; kind: string | null; headers: string[]; fields: Record<string, string> };
type Props = { schoolId: string; runId: string; files: ColumnsFile[]; action: (state: ImportActionState, formData: FormData) => Promise<ImportActionState> };

const select = "mt-1 block min-h-11 w-full max-w-full rounded-lg border border-slate-400 bg-white px-2";

/**
 * Per file: what kind it is, and per column which field it holds. The fields
 * offered are those of the file's kind as the page was rendered; after
 * changing a kind, saving checks again and offers that kind's fields.
 */
export function ColumnsForm({ schoolId, runId, files, action }: Props) {
  const t = useTranslations("imports");
  const tKind = useTranslations("importKinds");
  const tField = useTranslations("importFields");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = (state.errors ?? []).map((e) => ({ field: e.field, text: tAll(e.code) }));
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-4" noValidate>
      <ErrorSummary title={t("errorSummaryTitle")} errors={errors} attempt={state.attempt} />
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="runId" value={runId} />
      {files.map((file) => (
        <fieldset key={file.position} className="min-w-0 rounded-xl border border-slate-200 bg-white p-3">
          <legend className="max-w-full break-words px-1 font-semibold">{file.name}</legend>
          <label htmlFor={`kind-${file.position}`} className="block font-medium">{t("kindLabel", { file: file.name })}</label>
          <select id={`kind-${file.position}`} name={`kind:${file.position}`} defaultValue={file.kind ?? ""} className={select}>
            <option value="">{t("chooseKind")}</option>
            {FILE_KINDS.map((k) => <option key={k} value={k}>{tKind(k)}</option>)}
          </select>
          {file.kind ? (
            <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
              {file.headers.map((header, i) =>
                header ? (
                  <div key={`${header}-${i}`} className="min-w-0">
                    <input type="hidden" name={`header:${file.position}:${i}`} value={header} />
                    <label htmlFor={`column-${file.position}-${i}`} className="block break-words text-sm font-medium">{t("columnLabel", { header })}</label>
                    <select id={`column-${file.position}-${i}`} name={`column:${file.position}:${i}`} defaultValue={file.fields[header] ?? IGNORE} className={select}>
                      <option value={IGNORE}>{t("ignore")}</option>
                      {Object.keys(KIND_FIELDS[file.kind as keyof typeof KIND_FIELDS]).map((f) => <option key={f} value={f}>{tField(f)}</option>)}
                    </select>
                  </div>
                ) : null,
              )}
            </div>
          ) : null}
        </fieldset>
      ))}
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("working") : t("saveColumns")}
      </button>
    </form>
  );
}
