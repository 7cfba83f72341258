"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { AlertSettingsState } from "@/lib/domain/alerts/actions";

type Props = {
  action: (state: AlertSettingsState, formData: FormData) => Promise<AlertSettingsState>;
  current: { channel: string; timing: string; phone: string };
  email: string;
  /** When text messages wait, per school of the children (translated). */
  quietHours: string[];
};

const CHANNELS = ["EMAIL", "SMS", "PORTAL"] as const;

// Addresses and phone numbers keep their left-to-right order inside Arabic sentences.
const ltr = (chunks: React.ReactNode) => <bdi dir="ltr">{chunks}</bdi>;
const TIMINGS = ["IMMEDIATE", "DAILY_DIGEST"] as const;

export function AlertSettingsForm({ action, current, email, quietHours }: Props) {
  const t = useTranslations("alertSettings");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  // React resets a form after an action: show what was submitted, or what is stored.
  const values = state.values ?? current;
  const error = (field: string) => state.errors?.[field];
  const phoneError = error("phone");
  return (
    <form action={formAction} className="space-y-6" key={JSON.stringify(values)}>
      {error("_form") ? (
        <p role="alert" className="rounded-lg bg-warn-50 p-3 font-medium text-warn-700">{tAll(error("_form")!)}</p>
      ) : null}
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-800">{t("saved")}</p> : null}
      <RadioCards
        name="channel"
        legend={t("channelLegend")}
        checked={values.channel}
        error={error("channel") ? tAll(error("channel")!) : null}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`), help: t.rich(`channelHelp.${channel}`, { email, ltr }) }))}
      />
      <div className="space-y-1">
        <label htmlFor="phone" className="block font-medium">{t("phoneLabel")}</label>
        <div id="phone-help" className="space-y-1 text-sm text-slate-600">
          <p>{t.rich("phoneHelp", { ltr })}</p>
          <p>{t.rich("phoneHelpAbroad", { ltr })}</p>
        </div>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          dir="ltr"
          defaultValue={values.phone}
          aria-invalid={!!phoneError}
          aria-describedby={phoneError ? "phone-help phone-error" : "phone-help"}
          className="block w-full max-w-xs rounded-lg border border-slate-400 bg-white px-3 py-2"
        />
        {phoneError ? <p id="phone-error" className="text-sm font-medium text-warn-700">{tAll(phoneError)}</p> : null}
      </div>
      <RadioCards
        name="timing"
        legend={t("timingLegend")}
        checked={values.timing}
        error={error("timing") ? tAll(error("timing")!) : null}
        options={TIMINGS.map((timing) => ({ value: timing, label: t(`timings.${timing}`), help: t(`timingHelp.${timing}`) }))}
      />
      {quietHours.map((line) => <p key={line} className="text-sm text-slate-700">{line}</p>)}
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}

type RadioCardsProps = {
  name: string;
  legend: string;
  checked: string;
  error: string | null;
  options: { value: string; label: string; help: React.ReactNode }[];
};

/** A choice as large labelled cards: the whole card is the click target. */
function RadioCards({ name, legend, checked, error, options }: RadioCardsProps) {
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex min-h-11 items-start gap-3 rounded-lg border border-slate-300 bg-white p-3">
          <input type="radio" name={name} value={option.value} defaultChecked={checked === option.value} className="mt-1 size-5" />
          <span>
            <span className="block font-medium">{option.label}</span>
            <span className="block text-sm text-slate-600">{option.help}</span>
          </span>
        </label>
      ))}
      {error ? <p className="text-sm font-medium text-warn-700">{error}</p> : null}
    </fieldset>
  );
}
