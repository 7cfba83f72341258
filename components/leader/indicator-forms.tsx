"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { IndicatorFormState } from "@/lib/domain/indicators/actions";

type Action = (state: IndicatorFormState, formData: FormData) => Promise<IndicatorFormState>;
type Common = { action: Action; schoolId: string; schoolYearId: string };

export function PublishForm({ action, schoolId, schoolYearId, yearName, pendingCount }: Common & { yearName: string; pendingCount: number }) {
  const t = useTranslations("publishing");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <p>{t("pending", { count: pendingCount })}</p>
      {state.published !== undefined ? <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("published", { count: state.published })}</p> : null}
      {state.errors?._form ? <p role="alert" className="rounded-lg bg-warn-50 p-3 text-warn-700">{tAll(state.errors._form)}</p> : null}
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-slate-800 px-5 font-semibold text-white hover:bg-slate-900 disabled:opacity-70">
        {pending ? t("publishing") : t("publishButton", { year: yearName })}
      </button>
    </form>
  );
}

export function CsvUploadForm({ action, schoolId, schoolYearId }: Common) {
  const t = useTranslations("publishing");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const lines = Object.entries(state.errors ?? {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <label htmlFor="csv-file" className="block font-medium">{t("csvFile")}</label>
      <input id="csv-file" name="file" type="file" accept=".csv,text/csv" className="block min-h-11 w-full" />
      {state.saved !== undefined ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("saved", { count: state.saved })}</p> : null}
      {lines.length ? (
        <div role="alert" className="rounded-lg bg-warn-50 p-3 text-warn-700">
          <p className="font-medium">{t("csvErrors")}</p>
          <ul className="mt-1 list-inside list-disc text-sm">
            {lines.map(([where, key]) => (
              <li key={where}>
                {where.startsWith("line:") && where !== "line:0" ? t("csvLine", { line: where.slice(5), error: tAll(key) }) : t("csvLineFile", { error: tAll(key) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">
        {t("csvUpload")}
      </button>
    </form>
  );
}
