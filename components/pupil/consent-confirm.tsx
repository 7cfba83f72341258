"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ConsentState } from "@/lib/domain/consent/actions";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: ConsentState, formData: FormData) => Promise<ConsentState>;
  linkId: string;
  change: string;
  texts: { yes: string; cancel: string; errorTitle: string; errors: Record<string, string> };
};

/** The second step of a change on /pupil: "yes" posts it, "no" goes back without changing anything. */
export function ConsentConfirm({ action, linkId, change, texts }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const error = state?.error ? (texts.errors[state.error] ?? texts.errors["errors.invalidInput"]) : null;
  return (
    <form action={formAction} className="mt-4 space-y-3">
      <ErrorSummary title={texts.errorTitle} errors={error ? [{ text: error }] : []} attempt={state?.attempt} />
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="change" value={change} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
          {texts.yes}
        </button>
        <Link href="/pupil" className="inline-flex min-h-12 items-center rounded-lg border border-slate-400 px-5 font-semibold text-slate-800 hover:bg-slate-50">
          {texts.cancel}
        </Link>
      </div>
    </form>
  );
}
