"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { CalendarFormState } from "@/lib/domain/admin/calendar-actions";
import { HOLIDAY_FIELDS, HOLIDAY_KINDS, PERIOD_FIELDS, type HolidayFormValues, type PeriodFormValues } from "@/lib/domain/admin/calendar-fields";
import { Field, FormErrorSummary, SelectField, SubmitButton } from "@/components/admin/form-parts";

type Action = (state: CalendarFormState, formData: FormData) => Promise<CalendarFormState>;

type PeriodProps = { action: Action; schoolId: string; schoolYearId: string; periodId?: string; initial: PeriodFormValues; yearName: string };

/** Adds a term to a school year, or changes one (periodId). Terms are numbered by date. */
export function PeriodForm({ action, schoolId, schoolYearId, periodId, initial, yearName }: PeriodProps) {
  const t = useTranslations("calendarAdmin");
  const [state, formAction, pending] = useActionState(action, {});
  const v = (state.values ?? initial) as PeriodFormValues;
  const e = state.errors ?? {};
  const label = (f: string) => t(`periodFields.${f}`);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      {periodId ? <input type="hidden" name="periodId" value={periodId} /> : null}
      <FormErrorSummary errors={state.errors} attempt={state.attempt} order={PERIOD_FIELDS} label={label} title={t("fixErrors")} idPrefix="period-" />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("periodSaved")}</p> : null}
      <p className="text-sm text-slate-600">{t("periodHelp", { year: yearName })}</p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="startsOn" idPrefix="period-" label={label("startsOn")} type="date" defaultValue={v.startsOn} error={e.startsOn} ltr />
        <Field name="endsOn" idPrefix="period-" label={label("endsOn")} type="date" defaultValue={v.endsOn} error={e.endsOn} ltr />
      </div>
      <SubmitButton pending={pending} label={periodId ? t("savePeriod") : t("addPeriod")} pendingLabel={t("saving")} />
    </form>
  );
}

type HolidayProps = { action: Action; schoolId: string; holidayId?: string; initial: HolidayFormValues };

/** Adds or changes a holiday: a name from the list or one of the school's own, and its first and last day. */
export function HolidayForm({ action, schoolId, holidayId, initial }: HolidayProps) {
  const t = useTranslations("calendarAdmin");
  const tHol = useTranslations("attendance.holidays");
  const [state, formAction, pending] = useActionState(action, {});
  const v = (state.values ?? initial) as HolidayFormValues;
  const e = state.errors ?? {};
  const label = (f: string) => t(`holidayFields.${f}`);
  const options = HOLIDAY_KINDS.map((k) => ({ value: k, label: k === "other" ? t("otherHoliday") : tHol(k) }));
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="schoolId" value={schoolId} />
      {holidayId ? <input type="hidden" name="holidayId" value={holidayId} /> : null}
      <FormErrorSummary errors={state.errors} attempt={state.attempt} order={HOLIDAY_FIELDS} label={label} title={t("fixErrors")} idPrefix="holiday-" />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("holidaySaved")}</p> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField name="kind" idPrefix="holiday-" label={label("kind")} defaultValue={v.kind} error={e.kind} options={options} />
        <Field name="customName" idPrefix="holiday-" label={label("customName")} help={t("customNameHelp")} defaultValue={v.customName} error={e.customName} />
        <Field name="startsOn" idPrefix="holiday-" label={label("startsOn")} type="date" defaultValue={v.startsOn} error={e.startsOn} ltr />
        <Field name="endsOn" idPrefix="holiday-" label={label("endsOn")} type="date" defaultValue={v.endsOn} error={e.endsOn} ltr />
      </div>
      <SubmitButton pending={pending} label={holidayId ? t("saveHoliday") : t("addHoliday")} pendingLabel={t("saving")} />
    </form>
  );
}

type SmallProps = { action: Action; fields: Record<string, string>; label: string; pendingLabel: string; done?: string; className?: string };

/** A one-button form (remove a term, add a school year) that shows why it was refused. */
export function SmallActionForm({ action, fields, label, pendingLabel, done, className }: SmallProps) {
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 font-medium hover:bg-slate-50 disabled:opacity-70">
        {pending ? pendingLabel : label}
      </button>
      {state.errors?._form ? <p role="alert" className="mt-1 text-sm font-medium text-warn-700">{tAll(state.errors._form)}</p> : null}
      {state.saved && done ? <p role="status" className="mt-1 text-sm">{done}</p> : null}
    </form>
  );
}
