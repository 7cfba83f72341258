"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/domain/accounts/actions";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  current: string;
  options: { value: string; label: string }[];
  labels: { language: string; save: string };
  /** Translated texts for the error keys the action can return. */
  errorMessages: Record<string, string>;
};

export function LanguageSwitch({ action, current, options, labels, errorMessages }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <label htmlFor="language-select" className="text-sm text-slate-700">
        {labels.language}
      </label>
      <select
        id="language-select"
        name="locale"
        defaultValue={current}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-lg border border-brand-600 px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        {labels.save}
      </button>
      {state?.error ? (
        <p role="alert" className="text-sm text-warn-700">
          {errorMessages[state.error] ?? state.error}
        </p>
      ) : null}
    </form>
  );
}
