"use client";

import { useActionState } from "react";
import type { SmallActionState } from "@/lib/domain/events/actions";

type Props = {
  action: (state: SmallActionState, formData: FormData) => Promise<SmallActionState>;
  /** Hidden fields the action reads. */
  fields: Record<string, string>;
  /** Submit buttons: each sends its name and value (e.g. answer=COMING). */
  buttons: { label: string; ariaLabel?: string; name?: string; value?: string; pressed?: boolean; primary?: boolean }[];
  /** Translated on the server: no translation library in the browser. */
  errors: Record<string, string>;
  doneText?: string;
  confirmText?: string;
  legend?: string;
};

/** A one-click form (reply, cancel, allow): works without JavaScript; shows a translated error or a confirmation in a live region. */
export function SmallActionForm({ action, fields, buttons, errors, doneText, confirmText, legend }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.errors?._form;
  const body = (
    <div className="flex flex-wrap gap-2">
      {buttons.map((b) => (
        <button
          key={`${b.name ?? "submit"}-${b.value ?? b.label}`}
          type="submit"
          name={b.name}
          value={b.value}
          aria-label={b.ariaLabel}
          aria-pressed={b.pressed}
          disabled={pending}
          className={`inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ${b.primary || b.pressed ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-brand-600 text-brand-700 hover:bg-brand-50"}`}
        >
          {b.pressed ? <span aria-hidden="true" className="me-1">✓</span> : null}
          {b.label}
        </button>
      ))}
    </div>
  );
  return (
    <form
      action={formAction}
      onSubmit={confirmText ? (event) => { if (!window.confirm(confirmText)) event.preventDefault(); } : undefined}
      className="mt-2"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {legend ? (
        <fieldset>
          <legend className="mb-2 font-medium">{legend}</legend>
          {body}
        </fieldset>
      ) : body}
      <div aria-live="polite">
        {error ? <p role="alert" className="mt-2 text-sm font-medium text-warn-700">{errors[error] ?? errors["eventErrors.invalid"]}</p> : null}
        {state.done && doneText ? <p className="mt-2 text-sm text-brand-900">{doneText}</p> : null}
      </div>
    </form>
  );
}
