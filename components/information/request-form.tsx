"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { InformationFormState } from "@/lib/domain/information/actions";
import { CATEGORIES, MESSAGE_MAX } from "@/lib/domain/information/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: InformationFormState, formData: FormData) => Promise<InformationFormState>;
  pupilId: string;
  firstName: string;
  idempotencyKey: string;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";

/** A guardian asks for information (art. 1:377c BW): which categories, and why (optional). */
export function InformationRequestForm({ action, pupilId, firstName, idempotencyKey }: Props) {
  const t = useTranslations("informationAsk");
  const tCat = useTranslations("informationCategories");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const values = state.values ?? { categories: [...CATEGORIES], message: "" };
  const summary = Object.entries(errors).map(([name, key]) => ({ field: name === "categories" ? "category-RESULTS" : name === "message" ? "message" : undefined, text: tErr(key) }));
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="pupilId" value={pupilId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset aria-describedby={["categories-help", errors.categories ? "categories-error" : null].filter(Boolean).join(" ")}>
        <legend className="font-medium">{t("categoriesLegend")}</legend>
        <p id="categories-help" className="text-sm text-slate-600">{t("categoriesHelp")}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          {CATEGORIES.map((c) => (
            <label key={c} className="choice">
              <input id={`category-${c}`} type="checkbox" name="categories" value={c} defaultChecked={values.categories.includes(c)} className="size-4" />
              {tCat(`${c}_label`)}
            </label>
          ))}
        </div>
        {errors.categories ? <p id="categories-error" className="mt-1 text-sm font-medium text-warn-700">{tErr(errors.categories)}</p> : null}
      </fieldset>
      <div>
        <label htmlFor="message" className="block font-medium">{t("message")}</label>
        <p id="message-help" className="text-sm text-slate-600">{t("messageHelp", { name: firstName })}</p>
        <textarea
          id="message" name="message" rows={3} dir="auto" maxLength={MESSAGE_MAX} defaultValue={values.message}
          aria-invalid={!!errors.message} aria-describedby={["message-help", errors.message ? "message-error" : null].filter(Boolean).join(" ")} className={field}
        />
        {errors.message ? <p id="message-error" className="mt-1 text-sm font-medium text-warn-700">{tErr(errors.message)}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
