"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { BookingFormState } from "@/lib/domain/conferences/booking-actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { slotLabel, type EveningChoice } from "@/components/conferences/labels";

type Props = {
  action: (state: BookingFormState, formData: FormData) => Promise<BookingFormState>;
  roundId: string;
  pupilId: string;
  hostName: string;
  /** Unique per form on the page (child + host). */
  formId: string;
  evenings: EveningChoice[];
  languages: { code: string; name: string }[];
  idempotencyKey: string;
  /** The slot a sibling suggestion chose. */
  suggested: string | null;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";

/** A parent chooses a time with one host for one child, and may ask for an interpreter or childcare. */
export function BookingForm({ action, roundId, pupilId, hostName, formId, evenings, languages, idempotencyKey, suggested }: Props) {
  const t = useTranslations("conferences");
  const tErr = useTranslations();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const values = state.values ?? { slotId: suggested ?? "", interpreterLanguage: "", childcare: false };
  const lost = state.lost ?? null;
  const offers = state.offers ?? [];
  const firstSlot = offers[0] ? `${formId}-offer-${offers[0].id}` : `${formId}-slot-${evenings[0]?.slots[0]?.id ?? ""}`;
  const summary = Object.entries(errors).map(([name, key]) => ({
    field: name === "slotId" ? firstSlot : name === "interpreterLanguage" ? `${formId}-interpreter` : undefined,
    text: tErr(key),
  }));
  const checkedSlot = offers.length ? "" : values.slotId;
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="pupilId" value={pupilId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {offers.length ? (
        <fieldset className="rounded-lg border-2 border-brand-600 p-3">
          <legend className="px-1 font-semibold">{t("offersTitle", { host: hostName })}</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
            {offers.map((o, i) => (
              <label key={o.id} className="choice">
                <input id={`${formId}-offer-${o.id}`} type="radio" name="slotId" value={o.id} defaultChecked={i === 0} className="size-4" />
                {slotLabel(locale, new Date(o.startsAt), new Date(o.endsAt), true)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset aria-describedby={errors.slotId ? `${formId}-slot-error` : undefined}>
        <legend className="font-medium">{t("chooseLegend", { host: hostName })}</legend>
        {errors.slotId ? <p id={`${formId}-slot-error`} className="mt-1 text-sm font-medium text-warn-700">{tErr(errors.slotId)}</p> : null}
        {evenings.map((evening) => (
          <div key={evening.day} className="mt-3">
            <p className="font-medium text-slate-800">{evening.label}</p>
            <div className="mt-1 grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2">
              {evening.slots.filter((s) => s.id !== lost).map((s) => (
                <label key={s.id} className="choice" title={s.nextFree ? undefined : undefined}>
                  <input id={`${formId}-slot-${s.id}`} type="radio" name="slotId" value={s.id} defaultChecked={s.id === checkedSlot} className="size-4" />
                  <span className="tabular-nums">{s.label}</span>
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <label htmlFor={`${formId}-interpreter`} className="block font-medium">{t("interpreterLabel")}</label>
        <p id={`${formId}-interpreter-help`} className="text-sm text-slate-600">{t("interpreterHelp")}</p>
        <select
          id={`${formId}-interpreter`} name="interpreterLanguage" defaultValue={values.interpreterLanguage} className={field}
          aria-invalid={!!errors.interpreterLanguage} aria-describedby={`${formId}-interpreter-help`}
        >
          <option value="">{t("interpreterNone")}</option>
          {languages.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" name="childcare" defaultChecked={values.childcare} className="size-4" />
        {t("childcareLabel")}
      </label>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
