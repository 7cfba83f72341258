"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { InformationFormState } from "@/lib/domain/information/actions";
import { CATEGORIES, REASON_MAX } from "@/lib/domain/information/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: InformationFormState, formData: FormData) => Promise<InformationFormState>;
  requestId: string;
  /** Ticked at first: what was asked plus what the guardian already has. */
  categories: string[];
  /** YYYY-MM-DD: the suggested last day, and the first allowed. */
  until: string;
  today: string;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3";

/** The mentor's or leader's decision on one request: give information (what, until when) or turn it down (why). */
export function InformationDecisionForm({ action, requestId, categories, until, today }: Props) {
  const t = useTranslations("informationDecide");
  const tCat = useTranslations("informationCategories");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? { categories, outcome: "", until, reason: "" };
  const [outcome, setOutcome] = useState(values.outcome ?? "");
  const errors = state.errors ?? {};
  const id = (name: string) => `${name}-${requestId}`;
  const targets: Record<string, string> = { outcome: id("outcome-grant"), categories: id("category-RESULTS"), until: id("until"), reason: id("reason") };
  const summary = Object.entries(errors).map(([name, key]) => ({ field: targets[name], text: tErr(key) }));
  const errorText = (name: string) => (errors[name] ? <p id={id(`${name}-error`)} className="mt-1 text-sm font-medium text-warn-700">{tErr(errors[name])}</p> : null);
  const describe = (name: string, help?: boolean) => [help ? id(`${name}-help`) : null, errors[name] ? id(`${name}-error`) : null].filter(Boolean).join(" ") || undefined;
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="mt-3 space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset aria-describedby={describe("outcome")}>
        <legend className="font-medium">{t("outcomeLegend")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(["grant", "refuse"] as const).map((o) => (
            <label key={o} className="choice">
              <input id={id(`outcome-${o}`)} type="radio" name="outcome" value={o} defaultChecked={values.outcome === o} onChange={() => setOutcome(o)} className="size-4" />
              {t(o)}
            </label>
          ))}
        </div>
        {errorText("outcome")}
      </fieldset>
      {outcome === "grant" ? (
        <>
          <fieldset aria-describedby={describe("categories")}>
            <legend className="font-medium">{t("grantCategories")}</legend>
            <div className="mt-1 flex flex-wrap gap-2">
              {CATEGORIES.map((c) => (
                <label key={c} className="choice">
                  <input id={id(`category-${c}`)} type="checkbox" name="categories" value={c} defaultChecked={values.categories.includes(c)} className="size-4" />
                  {tCat(`${c}_label`)}
                </label>
              ))}
            </div>
            {errorText("categories")}
          </fieldset>
          <div>
            <label htmlFor={id("until")} className="block font-medium">{t("until")}</label>
            <p id={id("until-help")} className="text-sm text-slate-600">{t("untilHelp")}</p>
            <input id={id("until")} name="until" type="date" min={today} defaultValue={values.until} aria-invalid={!!errors.until} aria-describedby={describe("until", true)} className={`${field} min-h-11 sm:w-56`} />
            {errorText("until")}
          </div>
        </>
      ) : null}
      {outcome === "refuse" ? (
        <div>
          <label htmlFor={id("reason")} className="block font-medium">{t("reason")}</label>
          <p id={id("reason-help")} className="text-sm text-slate-600">{t("reasonHelp")}</p>
          <textarea id={id("reason")} name="reason" rows={3} dir="auto" maxLength={REASON_MAX} defaultValue={values.reason} aria-invalid={!!errors.reason} aria-describedby={describe("reason", true)} className={`${field} py-2`} />
          {errorText("reason")}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
