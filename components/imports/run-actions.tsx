"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ImportActionState } from "@/lib/domain/imports/actions";

type Action = (state: ImportActionState, formData: FormData) => Promise<ImportActionState>;
type Props = { schoolId: string; runId: string; apply?: Action; discard?: Action };

/** "Import now" and "Discard": small forms that work without JavaScript too. */
export function RunActions({ schoolId, runId, apply, discard }: Props) {
  const t = useTranslations("imports");
  const tAll = useTranslations();
  const [applyState, applyAction, applying] = useActionState(apply ?? (async (s: ImportActionState) => s), {});
  const [discardState, discardAction, discarding] = useActionState(discard ?? (async (s: ImportActionState) => s), {});
  const errors = [...(applyState.errors ?? []), ...(discardState.errors ?? [])].map((e) => ({ text: tAll(e.code) }));
  const hidden = (
    <>
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="runId" value={runId} />
    </>
  );
  return (
    <div className="space-y-3">
      <ErrorSummary title={t("errorSummaryTitle")} errors={errors} attempt={(applyState.attempt ?? 0) + (discardState.attempt ?? 0)} />
      <div className="flex flex-wrap gap-3">
        {apply ? (
          <form action={applyAction}>
            {hidden}
            <button type="submit" disabled={applying || discarding} className="min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
              {applying ? t("working") : t("applyButton")}
            </button>
          </form>
        ) : null}
        {discard ? (
          <form action={discardAction}>
            {hidden}
            <button type="submit" disabled={applying || discarding} className="min-h-12 rounded-lg border border-slate-400 bg-white px-5 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-70">
              {discarding ? t("working") : t("discardButton")}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
