"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ContactFormState, ContactFormValues } from "@/lib/domain/contacts/actions";
import { CONTACT_KINDS, INITIATORS, TONES, contactDateBounds } from "@/lib/domain/contacts/fields";

export type ContactFormDefaults = ContactFormValues;

type Props = {
  action: (state: ContactFormState, formData: FormData) => Promise<ContactFormState>;
  pupilId: string;
  idempotencyKey: string;
  guardians: { id: string; name: string; hasParentalAuthority: boolean }[];
  defaults: ContactFormDefaults;
  today: string;
  returnTo: "list" | "pupil";
  contactMomentId?: string;
  autoFocus?: boolean;
};

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";

export function ContactForm({ action, pupilId, idempotencyKey, guardians, defaults: initial, today, returnTo, contactMomentId, autoFocus }: Props) {
  const t = useTranslations("contactForm");
  const tErr = useTranslations();
  const tKinds = useTranslations("contactKinds");
  const tInit = useTranslations("initiators");
  const tTones = useTranslations("tones");
  const [state, formAction, pending] = useActionState(action, {});
  const bounds = contactDateBounds(today);
  const errors = state.errors ?? {};
  // After a rejected submit, show what was typed (the form is re-mounted with it).
  const defaults = state.values ?? initial;
  const describe = (name: string, help?: boolean) =>
    [help ? `${name}-help` : null, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-sm font-medium text-warn-700">
        {tErr(errors[name])}
      </p>
    ) : null;

  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="pupilId" value={pupilId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {contactMomentId ? <input type="hidden" name="contactMomentId" value={contactMomentId} /> : null}
      {errors._form ? (
        <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">
          {tErr(errors._form)}
        </p>
      ) : Object.keys(errors).length ? (
        <p role="alert" className="sr-only">
          {tErr(Object.values(errors)[0])}
        </p>
      ) : null}

      <fieldset aria-describedby={describe("tone")}>
        <legend className="font-medium">{t("tone")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {TONES.map((tone) => (
            <label key={tone} className="choice">
              <input type="radio" name="tone" value={tone} defaultChecked={defaults.tone === tone} className="size-4" autoFocus={autoFocus && tone === "POSITIVE"} />
              {tTones(tone)}
            </label>
          ))}
        </div>
        {errorText("tone")}
      </fieldset>

      <div>
        <label htmlFor="summary" className="block font-medium">{t("summary")}</label>
        <p id="summary-help" className="text-sm text-slate-600">{t("summaryHelp")}</p>
        <textarea id="summary" dir="auto" name="summary" rows={3} maxLength={1000} defaultValue={defaults.summary} aria-invalid={!!errors.summary} aria-describedby={describe("summary", true)} className={`${field} py-2`} />
        {errorText("summary")}
      </div>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="occurredOn" className="block font-medium">{t("occurredOn")}</label>
          <input id="occurredOn" name="occurredOn" type="date" min={bounds.occurredMin} max={today} defaultValue={defaults.occurredOn} aria-invalid={!!errors.occurredOn} aria-describedby={describe("occurredOn")} className={field} />
          {errorText("occurredOn")}
        </div>
        <div>
          <label htmlFor="kind" className="block font-medium">{t("kind")}</label>
          <select id="kind" name="kind" defaultValue={defaults.kind} aria-describedby={describe("kind")} className={field}>
            {CONTACT_KINDS.map((kind) => (
              <option key={kind} value={kind}>{tKinds(kind)}</option>
            ))}
          </select>
          {errorText("kind")}
        </div>
        <div>
          <label htmlFor="initiatedBy" className="block font-medium">{t("initiatedBy")}</label>
          <select id="initiatedBy" name="initiatedBy" defaultValue={defaults.initiatedBy} aria-describedby={describe("initiatedBy")} className={field}>
            {INITIATORS.map((who) => (
              <option key={who} value={who}>{tInit(who)}</option>
            ))}
          </select>
          {errorText("initiatedBy")}
        </div>
      </div>

      <fieldset aria-describedby={describe("guardianIds")}>
        <legend className="font-medium">{t("guardians")}</legend>
        {guardians.length === 0 ? <p className="text-sm">{t("noGuardians")}</p> : null}
        <div className="mt-1 flex flex-wrap gap-2">
          {guardians.map((g) => (
            <label key={g.id} className="choice">
              <input type="checkbox" name="guardianIds" value={g.id} defaultChecked={defaults.guardianIds.includes(g.id)} className="size-4" />
              {g.name}
              <span className="text-sm text-slate-600">({g.hasParentalAuthority ? t("withAuthority") : t("withoutAuthority")})</span>
            </label>
          ))}
        </div>
        {errorText("guardianIds")}
      </fieldset>

      <details className="rounded-lg border border-slate-200 bg-white p-3" open={!!(defaults.internalNote || defaults.followUpOn || errors.internalNote || errors.followUpOn)}>
        <summary className="cursor-pointer font-medium">{t("internalNote")} · {t("followUpOn")}</summary>
        <div className="mt-3 space-y-4">
          <div>
            <label htmlFor="internalNote" className="block font-medium">{t("internalNote")}</label>
            <p id="internalNote-help" className="text-sm text-slate-600">{t("internalNoteHelp")}</p>
            <textarea id="internalNote" dir="auto" name="internalNote" rows={2} maxLength={2000} defaultValue={defaults.internalNote} aria-invalid={!!errors.internalNote} aria-describedby={describe("internalNote", true)} className={`${field} py-2`} />
            {errorText("internalNote")}
          </div>
          <div>
            <label htmlFor="followUpOn" className="block font-medium">{t("followUpOn")}</label>
            <input id="followUpOn" name="followUpOn" type="date" min={today} max={bounds.followUpMax} defaultValue={defaults.followUpOn} aria-invalid={!!errors.followUpOn} aria-describedby={describe("followUpOn")} className={field} />
            {errorText("followUpOn")}
          </div>
        </div>
      </details>

      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
