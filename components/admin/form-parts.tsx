"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";

// Building blocks of the administration forms: a labelled input with its help
// and error, a group of choices, and the error summary in field order.

export const inputClass = "mt-1 block min-h-11 w-full rounded-lg border bg-white px-3";

type FieldProps = {
  name: string;
  label: string;
  help?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "tel" | "url" | "time" | "date";
  inputMode?: "numeric" | "text" | "email" | "tel" | "url";
  autoComplete?: string;
  className?: string;
  /** Latin text (codes, numbers, addresses) keeps its left-to-right order in Arabic. */
  ltr?: boolean;
  required?: boolean;
  /** Two forms on one page: their field ids get a prefix (the field's name stays). */
  idPrefix?: string;
};

/** Describes an input by its help and its error, when shown. */
export const describedBy = (name: string, help: boolean, error: boolean) =>
  [help ? `${name}-help` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

export function FieldError({ name, error }: { name: string; error?: string }) {
  const t = useTranslations();
  // `name` is the field's id here.
  return error ? <p id={`${name}-error`} className="mt-1 text-sm font-medium text-warn-700">{t(error)}</p> : null;
}

export function Field({ name, label, help, error, defaultValue, type = "text", inputMode, autoComplete, className, ltr, required, idPrefix = "" }: FieldProps) {
  const id = idPrefix + name;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {help ? <p id={`${id}-help`} className="text-sm text-slate-600">{help}</p> : null}
      <input
        id={id} name={name} type={type} inputMode={inputMode} autoComplete={autoComplete ?? "off"} defaultValue={defaultValue} dir={ltr ? "ltr" : undefined}
        aria-invalid={!!error} aria-required={required || undefined} aria-describedby={describedBy(id, !!help, !!error)}
        className={`${inputClass} ${ltr ? "text-start" : ""} ${error ? "border-warn-700" : "border-slate-400"}`}
      />
      <FieldError name={id} error={error} />
    </div>
  );
}

type SelectProps = {
  name: string; label: string; help?: ReactNode; error?: string; defaultValue?: string; options: { value: string; label: string }[]; className?: string; idPrefix?: string;
};

export function SelectField({ name, label, help, error, defaultValue, options, className, idPrefix = "" }: SelectProps) {
  const id = idPrefix + name;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">{label}</label>
      {help ? <p id={`${id}-help`} className="text-sm text-slate-600">{help}</p> : null}
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={!!error} aria-describedby={describedBy(id, !!help, !!error)}
        className={`${inputClass} ${error ? "border-warn-700" : "border-slate-400"}`}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError name={id} error={error} />
    </div>
  );
}

type ChoicesProps = {
  name: string; legend: string; help?: ReactNode; error?: string; type: "checkbox" | "radio";
  options: { value: string; label: string }[]; checked: string[];
};

/** A group of checkboxes or radio buttons; the first one carries the group's id, so the error summary can link to it. */
export function Choices({ name, legend, help, error, type, options, checked }: ChoicesProps) {
  return (
    <fieldset aria-describedby={describedBy(name, !!help, !!error)}>
      <legend className="font-medium">{legend}</legend>
      {help ? <p id={`${name}-help`} className="text-sm text-slate-600">{help}</p> : null}
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((o, i) => (
          <label key={o.value} className="choice">
            <input type={type} name={name} value={o.value} id={i === 0 ? name : undefined} defaultChecked={checked.includes(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

type SummaryProps = { errors?: Record<string, string>; attempt?: number; order: readonly string[]; label: (field: string) => string; title: string; idPrefix?: string };

/** The error summary of a rejected form, its entries in the order of the fields, each linked to its field. */
export function FormErrorSummary({ errors = {}, attempt, order, label, title, idPrefix = "" }: SummaryProps) {
  const t = useTranslations();
  const fields = [...order.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !order.includes(f))];
  const entries = fields.map((f) => (f === "_form" ? { text: t(errors[f]) } : { field: idPrefix + f, text: `${label(f)}: ${t(errors[f])}` }));
  return <ErrorSummary title={title} errors={entries} attempt={attempt} />;
}

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}
