"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { IndicatorFormState } from "@/lib/domain/indicators/actions";
import { FormBanners } from "@/components/leader/form-banners";
import type { IndicatorEditor } from "@/lib/domain/indicators/queries";

type Props = {
  action: (state: IndicatorFormState, formData: FormData) => Promise<IndicatorFormState>;
  schoolId: string;
  schoolYearId: string;
  rows: (IndicatorEditor["rows"][number] & { publishedText: string })[];
  /** Values as the leader would type them (Dutch decimal comma), keyed "v:CODE:TYPE". */
  initial: Record<string, string>;
  groups: readonly string[];
};

export function IndicatorDraftForm({ action, schoolId, schoolYearId, rows, initial, groups }: Props) {
  const t = useTranslations("publishing");
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
    <form key={state.attempt ?? 0} action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <FormBanners state={state} formError={(key) => tAll(key)} fixErrors={t("fixErrors")} saved={(count) => t("saved", { count })} fieldName={fieldName} />
      {groups.map((group) => {
        const groupRows = rows.filter((r) => r.group === group);
        if (!groupRows.length) return null;
        return (
          <fieldset key={group} className="rounded-xl border border-slate-200 bg-white p-3">
            <legend className="px-1 text-lg font-semibold">{tInd(`groups.${group}`)}</legend>
            <div className="divide-y divide-slate-100">
              {groupRows.map((row) => {
                const key = `${row.code}:${row.schoolType}`;
                const name = tInd(`codes.${row.code}.name`);
                const type = tInd(`schoolTypes.${row.schoolType}`);
                const error = errors[key];
                return (
                  <div key={key} className="grid grid-cols-1 gap-2 py-3 md:grid-cols-[minmax(0,1fr)_7rem_9rem] md:items-start">
                    <div>
                      <p className="font-medium">{name}</p>
                      <p className="text-sm text-slate-600">{type} · {tInd(`units.${row.unit}`)}</p>
                      {row.pending ? <p className="text-xs font-semibold text-brand-700">{t("pendingMark")}</p> : null}
                    </div>
                    <p className="text-sm">
                      <span className="block text-slate-600 md:sr-only">{t("colPublished")}</span>
                      {row.publishedValue === null ? t("notPublished") : row.publishedText}
                    </p>
                    <div>
                      <label htmlFor={`v:${key}`} className="block text-sm text-slate-600">{t("colDraft")}<span className="sr-only"> {t("valueFor", { indicator: name, type })}</span></label>
                      <input id={`v:${key}`} name={`v:${key}`} defaultValue={values[`v:${key}`] ?? ""} inputMode="decimal" aria-invalid={!!error} aria-describedby={error ? `err:${key}` : undefined}
                        className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-2 ${error ? "border-warn-700" : "border-slate-400"}`} />
                      {error ? <p id={`err:${key}`} className="mt-1 text-sm font-medium text-warn-700">{tAll(error)}</p> : null}
                    </div>
                    <div className="md:col-span-3">
                      <label htmlFor={`e:${key}`} className="block text-sm text-slate-600">{t("colExplanation")}<span className="sr-only"> {t("explanationFor", { indicator: name, type })}</span></label>
                      <textarea id={`e:${key}`} dir="auto" name={`e:${key}`} rows={1} maxLength={1000} defaultValue={values[`e:${key}`] ?? ""} className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-2 py-2" />
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? t("saving") : t("saveDraft")}
      </button>
    </form>
  );
}
