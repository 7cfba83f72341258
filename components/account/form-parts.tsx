"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";

// Pieces every account form shares: the error summary (focus after a
// rejected submit) and a password field with its error under it.

export const fieldClass = "mt-1 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base";
export const buttonClass = "min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto";

type Errors = Record<string, string> | undefined;

/** The summary of a rejected form; `values` fills placeholders such as a time. */
export function FormErrors({ errors, attempt, fields, values }: { errors: Errors; attempt?: number; fields: string[]; values?: Record<string, string> }) {
  const t = useTranslations();
  const entries = Object.entries(errors ?? {}).map(([field, key]) => ({ field: fields.includes(field) ? field : undefined, text: t(key, values) }));
  return <ErrorSummary title={t("account.errorTitle")} errors={entries} attempt={attempt} />;
}

type FieldProps = {
  id: string;
  label: string;
  help?: string;
  autoComplete: "new-password" | "current-password";
  error?: string;
  values?: Record<string, string>;
  reveal?: boolean;
};

export function PasswordField({ id, label, help, autoComplete, error, values, reveal }: FieldProps) {
  const t = useTranslations();
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {help ? <p id={`${id}-help`} className="text-sm text-slate-600">{help}</p> : null}
      <input id={id} name={id} type={reveal ? "text" : "password"} autoComplete={autoComplete} maxLength={1000} dir="auto" spellCheck={false}
        aria-invalid={!!error} aria-describedby={describedBy} className={fieldClass} />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-warn-700">{t(error, values)}</p> : null}
    </div>
  );
}
