"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RetentionFormState } from "@/lib/domain/retention/actions";
import { Field, FormErrorSummary, SubmitButton } from "@/components/admin/form-parts";

const FIELDS = ["results", "contacts", "absences", "audit"] as const;

type Props = {
  action: (state: RetentionFormState, formData: FormData) => Promise<RetentionFormState>;
  schoolId: string;
  initial: Record<(typeof FIELDS)[number], string>;
};

/** A school's retention terms in whole years; after a rejected submit the error summary takes focus. */
export function RetentionForm({ action, schoolId, initial }: Props) {
  const t = useTranslations("retentionAdmin");
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="schoolId" value={schoolId} />
      <FormErrorSummary errors={state.errors} attempt={state.attempt} order={FIELDS} label={(f) => t(f as (typeof FIELDS)[number])} title={t("fixErrors")} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("saved")}</p> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {FIELDS.map((name) => (
          <Field key={name} name={name} label={t(name)} help={t(`${name}Help`)} error={errors[name]} defaultValue={values[name]} inputMode="numeric" ltr />
        ))}
      </div>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
