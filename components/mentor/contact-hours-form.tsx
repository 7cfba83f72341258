"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ContactFormState } from "@/lib/domain/contacts/actions";

type Props = { action: (state: ContactFormState, formData: FormData) => Promise<ContactFormState>; current: string };

export function ContactHoursForm({ action, current }: Props) {
  const t = useTranslations("mentor");
  const tAll = useTranslations();
  const tForm = useTranslations("contactForm");
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.errors?.contactHours ?? state.errors?._form;
  return (
    // Re-mounted per submit: a rejected or unsaved text is shown again as typed (React resets a form after its action).
    <form key={state.attempt ?? 0} action={formAction} className="space-y-2">
      <label htmlFor="contactHours" className="block font-medium">{t("contactHoursLabel")}</label>
      <p id="contactHours-help" className="text-sm text-slate-600">{t("contactHoursHelp")}</p>
      <textarea
        id="contactHours"
        dir="auto"
        name="contactHours"
        rows={2}
        maxLength={500}
        defaultValue={state.errors ? (state.contactHours ?? current) : current}
        aria-describedby={error ? "contactHours-help contactHours-error" : "contactHours-help"}
        aria-invalid={!!error}
        className="block w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
      />
      {error ? <p id="contactHours-error" className="text-sm font-medium text-warn-700">{tAll(error)}</p> : null}
      {state.saved ? <p role="status" className="text-sm text-brand-700">{t("contactHoursSaved")}</p> : null}
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">
        {pending ? tForm("saving") : tForm("save")}
      </button>
    </form>
  );
}
