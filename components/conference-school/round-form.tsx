"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ConferenceFormState } from "@/lib/domain/conferences/school-actions";

type Option = { id: string; name: string };
export type RoundDefaults = {
  title: string; classIds: string[]; hostStaffIds: string[]; opensAt: string; closesAt: string;
  slotMinutes: string; breakAfterSlots: string; breakMinutes: string; parentMode: string;
};
type Props = {
  action: (state: ConferenceFormState, formData: FormData) => Promise<ConferenceFormState>;
  idempotencyKey: string;
  classes: Option[];
  staff: Option[];
  roundId?: string;
  defaults: RoundDefaults;
};

const FIELD_ORDER = ["title", "classIds", "hostStaffIds", "opensAt", "closesAt", "slotMinutes", "breakAfterSlots", "breakMinutes", "parentMode", "_form"];
const input = "block w-full max-w-md rounded-lg border border-slate-400 bg-white px-3 py-2";

/** Opening (or changing) a conference round: plain fields, an error summary that takes focus, values kept after a refusal. */
export function RoundForm({ action, idempotencyKey, classes, staff, roundId, defaults }: Props) {
  const t = useTranslations("conferenceSchool");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const v = { ...defaults, ...(state.values ?? {}) } as RoundDefaults;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  // After a new round is created the form starts empty again (a new key comes with the page).
  const formKey = `${state.attempt ?? 0}-${state.saved ? "saved" : "open"}`;
  const described = (name: string, help?: string) => [help, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const err = (name: string) => (errors[name] ? <p id={`${name}-error`} className="text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null);
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ field: f === "_form" ? undefined : f === "classIds" || f === "hostStaffIds" || f === "parentMode" ? `${f}-first` : f, text: tAll(errors[f]) }));
  return (
    <form action={formAction} key={formKey} className="space-y-4" noValidate>
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t(state.saved.key as "created" | "saved")}</p> : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {roundId ? <input type="hidden" name="roundId" value={roundId} /> : null}
      <div>
        <label htmlFor="title" className="block font-medium">{t("fieldTitle")}</label>
        <p id="title-help" className="text-sm text-slate-600">{t("fieldTitleHelp")}</p>
        <input id="title" name="title" dir="auto" maxLength={120} defaultValue={v.title} aria-invalid={!!errors.title} aria-describedby={described("title", "title-help")} className={input} />
        {err("title")}
      </div>
      <fieldset aria-describedby={described("classIds")}>
        <legend className="font-medium">{t("fieldClasses")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {classes.map((c, i) => (
            <label key={c.id} className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name="classIds" value={c.id} id={i === 0 ? "classIds-first" : undefined} defaultChecked={list(v.classIds).includes(c.id)} className="size-5" />
              {c.name}
            </label>
          ))}
        </div>
        {err("classIds")}
      </fieldset>
      <fieldset aria-describedby={described("hostStaffIds", "hosts-help")}>
        <legend className="font-medium">{t("fieldHosts")}</legend>
        <p id="hosts-help" className="text-sm text-slate-600">{t("fieldHostsHelp")}</p>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {staff.map((s, i) => (
            <label key={s.id} className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name="hostStaffIds" value={s.id} id={i === 0 ? "hostStaffIds-first" : undefined} defaultChecked={list(v.hostStaffIds).includes(s.id)} className="size-5" />
              {s.name}
            </label>
          ))}
        </div>
        {err("hostStaffIds")}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="opensAt" className="block font-medium">{t("fieldOpensAt")}</label>
          <input id="opensAt" name="opensAt" type="datetime-local" defaultValue={v.opensAt} aria-invalid={!!errors.opensAt} aria-describedby={described("opensAt", "window-help")} className={input} />
          {err("opensAt")}
        </div>
        <div>
          <label htmlFor="closesAt" className="block font-medium">{t("fieldClosesAt")}</label>
          <input id="closesAt" name="closesAt" type="datetime-local" defaultValue={v.closesAt} aria-invalid={!!errors.closesAt} aria-describedby={described("closesAt", "window-help")} className={input} />
          {err("closesAt")}
        </div>
        <p id="window-help" className="text-sm text-slate-600 sm:col-span-2">{t("fieldWindowHelp")}</p>
      </div>
      <div>
        <label htmlFor="slotMinutes" className="block font-medium">{t("fieldSlotMinutes")}</label>
        <p id="slot-help" className="text-sm text-slate-600">{t("fieldSlotMinutesHelp")}</p>
        <input id="slotMinutes" name="slotMinutes" inputMode="numeric" defaultValue={v.slotMinutes} aria-invalid={!!errors.slotMinutes} aria-describedby={described("slotMinutes", "slot-help")} className={`${input} max-w-32`} />
        {err("slotMinutes")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="breakAfterSlots" className="block font-medium">{t("fieldBreakAfter")}</label>
          <input id="breakAfterSlots" name="breakAfterSlots" inputMode="numeric" defaultValue={v.breakAfterSlots} aria-invalid={!!errors.breakAfterSlots} aria-describedby={described("breakAfterSlots", "break-help")} className={`${input} max-w-32`} />
          {err("breakAfterSlots")}
        </div>
        <div>
          <label htmlFor="breakMinutes" className="block font-medium">{t("fieldBreakMinutes")}</label>
          <input id="breakMinutes" name="breakMinutes" inputMode="numeric" defaultValue={v.breakMinutes} aria-invalid={!!errors.breakMinutes} aria-describedby={described("breakMinutes", "break-help")} className={`${input} max-w-32`} />
          {err("breakMinutes")}
        </div>
        <p id="break-help" className="text-sm text-slate-600 sm:col-span-2">{t("fieldBreakHelp")}</p>
      </div>
      <fieldset aria-describedby={described("parentMode")}>
        <legend className="font-medium">{t("fieldParentMode")}</legend>
        {(["SHARED", "SEPARATE"] as const).map((mode, i) => (
          <label key={mode} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="parentMode" value={mode} id={i === 0 ? "parentMode-first" : undefined} defaultChecked={v.parentMode === mode} className="size-5" />
            {t(`parentMode${mode}`)}
          </label>
        ))}
        {err("parentMode")}
      </fieldset>
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        {pending ? t("saving") : roundId ? t("save") : t("create")}
      </button>
    </form>
  );
}
