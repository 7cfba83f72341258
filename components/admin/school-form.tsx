"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SchoolFormState } from "@/lib/domain/admin/school-actions";
import {
  DENOMINATIONS, GRADE_RELEASE_MODES, MAX_DAYS_AHEAD, MAX_THRESHOLD_WEEKS, SCHOOL_FIELDS, SCHOOL_KINDS, SCHOOL_LEVELS, type SchoolFormValues,
} from "@/lib/domain/admin/school-fields";
import { Choices, Field, FormErrorSummary, SelectField, SubmitButton } from "@/components/admin/form-parts";

type Props = {
  action: (state: SchoolFormState, formData: FormData) => Promise<SchoolFormState>;
  initial: SchoolFormValues;
  /** Absent for a new school. */
  schoolId?: string;
};

const section = "space-y-4 rounded-xl border border-slate-200 bg-white p-4";

export function SchoolForm({ action, initial, schoolId }: Props) {
  const t = useTranslations("schoolAdmin");
  const tTracks = useTranslations("tracks");
  const tDen = useTranslations("indicators.denominations");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const e = state.errors ?? {};
  const label = (field: string) => t(`fields.${field}`);
  const help = (field: string, values?: Record<string, number>) => t(`help.${field}`, values);
  const common = (name: keyof SchoolFormValues & string) => ({ name, label: label(name), error: e[name], defaultValue: v[name] as string });

  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-6" noValidate>
      {schoolId ? <input type="hidden" name="schoolId" value={schoolId} /> : null}
      <FormErrorSummary errors={state.errors} attempt={state.attempt} order={SCHOOL_FIELDS} label={label} title={t("fixErrors")} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("saved")}</p> : null}

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("detailsTitle")}</legend>
        <Field {...common("name")} required autoComplete="organization" />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field {...common("brin")} help={help("brin")} ltr required />
          <Field {...common("locationCode")} help={help("locationCode")} inputMode="numeric" ltr required />
        </div>
        <SelectField {...common("kind")} options={SCHOOL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <Choices name="levels" legend={label("levels")} help={help("levels")} error={e.levels} type="checkbox"
          options={SCHOOL_LEVELS.map((l) => ({ value: l, label: tTracks(l) }))} checked={v.levels} />
        <SelectField {...common("denomination")} options={DENOMINATIONS.map((d) => ({ value: d, label: tDen(d) }))} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field {...common("street")} autoComplete="street-address" className="sm:col-span-2" />
          <Field {...common("postalCode")} help={help("postalCode")} ltr autoComplete="postal-code" />
          <Field {...common("city")} required autoComplete="address-level2" />
          <Field {...common("phone")} help={help("phone")} type="tel" ltr autoComplete="tel" />
          <Field {...common("email")} type="email" ltr autoComplete="email" />
          <Field {...common("websiteUrl")} help={help("websiteUrl")} type="url" ltr autoComplete="url" className="sm:col-span-2" />
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className="px-1 text-lg font-semibold">{t("settingsTitle")}</legend>
        <p className="text-sm text-slate-700">{t("settingsIntro")}</p>
        <Choices name="gradeReleaseMode" legend={label("gradeReleaseMode")} help={help("gradeReleaseMode")} error={e.gradeReleaseMode} type="radio"
          options={GRADE_RELEASE_MODES.map((m) => ({ value: m, label: t(`releaseModes.${m}`) }))} checked={[v.gradeReleaseMode]} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field {...common("gradeReleaseTime")} help={help("gradeReleaseTime")} type="time" ltr />
          <Field {...common("contactThresholdWeeks")} help={help("contactThresholdWeeks", { max: MAX_THRESHOLD_WEEKS })} inputMode="numeric" ltr />
          <Field {...common("sickReportDeadline")} help={help("sickReportDeadline")} type="time" ltr />
          <Field {...common("sickReportMaxDaysAhead")} help={help("sickReportMaxDaysAhead", { max: MAX_DAYS_AHEAD })} inputMode="numeric" ltr />
          <Field {...common("quietHoursStart")} help={help("quietHoursStart")} type="time" ltr />
          <Field {...common("quietHoursEnd")} help={help("quietHoursEnd")} type="time" ltr />
        </div>
      </fieldset>

      <SubmitButton pending={pending} label={schoolId ? t("save") : t("create")} pendingLabel={t("saving")} />
    </form>
  );
}
