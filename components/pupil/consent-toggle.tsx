"use client";

import { useActionState } from "react";
import type { ConsentState } from "@/lib/domain/consent/actions";

type Props = {
  action: (state: ConsentState, formData: FormData) => Promise<ConsentState>;
  linkId: string;
  hasAccess: boolean;
  label: string;
  errorMessages: Record<string, string>;
};

export function ConsentToggle({ action, linkId, hasAccess, label, errorMessages }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction}>
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="allow" value={hasAccess ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={`min-h-11 rounded-lg px-4 font-medium ${hasAccess ? "border border-warn-700 text-warn-700" : "bg-brand-600 text-white"}`}
      >
        {label}
      </button>
      {state?.error ? (
        <p role="alert" className="mt-1 text-sm text-warn-700">
          {errorMessages[state.error] ?? errorMessages["errors.invalidInput"]}
        </p>
      ) : null}
    </form>
  );
}
