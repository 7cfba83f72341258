"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { IndicatorFormState } from "@/lib/domain/indicators/actions";
import { FormBanners } from "@/components/leader/form-banners";

type Row = { code: string; group: string; unit: string; schoolType: string };
type Props = {
  action: (state: IndicatorFormState, formData: FormData) => Promise<IndicatorFormState>;
  schoolYearId: string;
  rows: Row[];
  initial: Record<string, string>;
  groups: readonly string[];
};

export function BenchmarkForm({ action, schoolYearId, rows, initial, groups }: Props) {
  const t = useTranslations("benchmarks");
  const tInd = useTranslations("indicators");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const fieldName = (key: string) => {
    const row = rows.find((r) => `${r.code}:${r.schoolType}` === key);
    return row ? `${tInd(`codes.${row.code}.name`)} (${tInd(`schoolTypes.${row.schoolType}`)})` : null;
  };
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <FormBanners state={state} formError={(key) => tAll(key)} fixErrors={t("fixErrors")} saved={(count) => t("saved", { count })} fieldName={fieldName} />
      {groups.map((group) => {
        const groupRows = rows.filter((r) => r.group === group);
        if (!groupRows.length) return null;
        return (
          <fieldset key={group} className="rounded-xl border border-slate-200 bg-white p-3">
            <legend className="px-1 text-lg font-semibold">{tInd(`groups.${group}`)}</legend>
            <div className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
              {groupRows.map((row) => {
                const key = `${row.code}:${row.schoolType}`;
                const error = errors[key];
                return (
                  <div key={key}>
                    <label htmlFor={`v:${key}`} className="block text-sm">
                      <span className="font-medium">{tInd(`codes.${row.code}.name`)}</span>{" "}
                      <span className="text-slate-600">({tInd(`schoolTypes.${row.schoolType}`)}, {tInd(`units.${row.unit}`)})</span>
                    </label>
                    <input id={`v:${key}`} name={`v:${key}`} defaultValue={values[`v:${key}`] ?? ""} inputMode="decimal" aria-invalid={!!error} aria-describedby={error ? `err:${key}` : undefined}
                      className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-2 ${error ? "border-warn-700" : "border-slate-400"}`} />
                    {error ? <p id={`err:${key}`} className="mt-1 text-sm font-medium text-warn-700">{tAll(error)}</p> : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
