"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { PromotionRulesFormState } from "@/lib/domain/school-system/actions";
import { describedBy, FieldError, FormErrorSummary, SubmitButton } from "@/components/admin/form-parts";

type Props = {
  action: (state: PromotionRulesFormState, formData: FormData) => Promise<PromotionRulesFormState>;
  initial: string;
};

/** The school's own promotion rules, shown to parents (issue 18); after a rejected submit the error summary takes focus. */
export function PromotionRulesForm({ action, initial }: Props) {
  const t = useTranslations("schoolSystem.leader");
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.errors?.text;
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-3" noValidate>
      <FormErrorSummary errors={state.errors} attempt={state.attempt} order={["text"]} label={() => t("label")} title={t("fixErrors")} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("saved")}</p> : null}
      <div>
        <label htmlFor="text" className="block font-medium">{t("label")}</label>
        <p id="text-help" className="text-sm text-slate-600">{t("help")}</p>
        <textarea
          id="text" name="text" lang="nl" dir="ltr" rows={8} defaultValue={state.values?.text ?? initial}
          aria-invalid={!!error} aria-describedby={describedBy("text", true, !!error)}
          className={`mt-1 block w-full rounded-lg border bg-white p-3 ${error ? "border-warn-700" : "border-slate-400"}`}
        />
        <FieldError name="text" error={error} />
      </div>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
