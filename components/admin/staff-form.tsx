"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { StaffFormState } from "@/lib/domain/admin/staff-actions";
import { STAFF_FIELDS, STAFF_ROLES, type StaffFormValues } from "@/lib/domain/admin/staff-fields";
import { Choices, Field, FormErrorSummary, SubmitButton } from "@/components/admin/form-parts";

type Props = {
  action: (state: StaffFormState, formData: FormData) => Promise<StaffFormState>;
  schoolId: string;
  /** Absent for a new staff member (then name and e-mail are asked too). */
  staffId?: string;
  classes: { id: string; name: string }[];
  yearName: string | null;
  initial: StaffFormValues;
};

export function StaffForm({ action, schoolId, staffId, classes, yearName, initial }: Props) {
  const t = useTranslations("staffAdmin");
  const tRoles = useTranslations("roles");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const e = state.errors ?? {};
  const label = (f: string) => t(`fields.${f}`);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="schoolId" value={schoolId} />
      {staffId ? <input type="hidden" name="staffId" value={staffId} /> : null}
      <FormErrorSummary errors={state.errors} attempt={state.attempt} order={STAFF_FIELDS} label={label} title={t("fixErrors")} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("saved")}</p> : null}
      {state.confirm ? (
        <div role="alert" className="space-y-2 rounded-lg border-2 border-brand-600 bg-brand-50 p-4 text-brand-900">
          <p className="font-semibold">{t("confirmTitle")}</p>
          <p>{t("confirmBody", { name: state.confirm.name, roles: state.confirm.roles.map((r) => tRoles(r)).join(", ") })}</p>
          <label className="choice w-fit bg-white">
            <input type="checkbox" name="confirmExisting" id="confirmExisting" className="size-4" />
            {t("confirmLabel", { name: state.confirm.name })}
          </label>
        </div>
      ) : null}
      {staffId ? null : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field name="name" label={label("name")} defaultValue={v.name} error={e.name} autoComplete="off" required />
          <Field name="email" label={label("email")} help={t("emailHelp")} type="email" defaultValue={v.email} error={e.email} ltr required />
        </div>
      )}
      <Field name="phone" label={label("phone")} help={t("phoneHelp")} type="tel" defaultValue={v.phone} error={e.phone} ltr className="sm:max-w-sm" />
      <Choices name="roles" legend={label("roles")} help={t("rolesHelp")} error={e.roles} type="checkbox"
        options={STAFF_ROLES.map((r) => ({ value: r, label: tRoles(r) }))} checked={v.roles} />
      {classes.length ? (
        <Choices name="classIds" legend={label("classIds")} help={t("classesHelp", { year: yearName ?? "" })} error={e.classIds} type="checkbox"
          options={classes.map((c) => ({ value: c.id, label: c.name }))} checked={v.classIds} />
      ) : <p className="text-sm text-slate-700">{t("noClasses")}</p>}
      <SubmitButton pending={pending} label={staffId ? t("save") : t("create")} pendingLabel={t("saving")} />
    </form>
  );
}

type BlockProps = { action: (state: StaffFormState, formData: FormData) => Promise<StaffFormState>; schoolId: string; staffId: string; blocked: boolean; name: string };

/** Block (ends every session at once) or unblock an account. */
export function BlockForm({ action, schoolId, staffId, blocked, name }: BlockProps) {
  const t = useTranslations("staffAdmin");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="blocked" value={blocked ? "false" : "true"} />
      {state.errors?._form ? <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{tAll(state.errors._form)}</p> : null}
      <p className="max-w-prose text-sm text-slate-700">{blocked ? t("unblockHelp") : t("blockHelp")}</p>
      <button type="submit" disabled={pending}
        className={`min-h-12 rounded-lg px-5 font-semibold disabled:opacity-70 ${blocked ? "border border-slate-400 bg-white" : "bg-warn-700 text-white hover:opacity-90"}`}>
        {pending ? t("saving") : blocked ? t("unblock", { name }) : t("block", { name })}
      </button>
    </form>
  );
}
