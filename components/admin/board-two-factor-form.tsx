"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { BoardFormState } from "@/lib/domain/admin/school-actions";
import { SubmitButton } from "@/components/admin/form-parts";

type Props = { action: (state: BoardFormState, formData: FormData) => Promise<BoardFormState>; required: boolean };

export function BoardTwoFactorForm({ action, required }: Props) {
  const t = useTranslations("adminHome");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.errors?._form ? <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{tAll(state.errors._form)}</p> : null}
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("twoFactorSaved")}</p> : null}
      <label className="choice w-fit">
        <input type="checkbox" name="requireStaffTwoFactor" defaultChecked={required} aria-describedby="two-factor-help" className="size-4" />
        {t("twoFactorLabel")}
      </label>
      <p id="two-factor-help" className="max-w-prose text-sm text-slate-600">{t("twoFactorHelp")}</p>
      <SubmitButton pending={pending} label={t("twoFactorSave")} pendingLabel={t("saving")} />
    </form>
  );
}
