"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { AgreementFormState } from "@/lib/domain/agreement/actions";
import { QUESTION_NOTE_MAX } from "@/lib/domain/agreement/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Action = (state: AgreementFormState, formData: FormData) => Promise<AgreementFormState>;
const primary = "min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto";

function useErrors(state: AgreementFormState) {
  const tAll = useTranslations();
  return Object.values(state.errors ?? {}).map((key) => ({ text: tAll(key) }));
}

/** Publishes the draft as the next version; the draft's id makes a double click one publication. */
export function PublishForm({ action, kind, versionId, number, help }: { action: Action; kind: string; versionId: string; number: number; help: string }) {
  const t = useTranslations("agreement");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = useErrors(state);
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-2">
      <ErrorSummary title={t("errorTitle")} errors={errors} attempt={state.attempt} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="versionId" value={versionId} />
      <p id={`${kind}-publish-help`} className="text-sm text-slate-700">{help}</p>
      <button type="submit" disabled={pending} aria-describedby={`${kind}-publish-help`} className={primary}>
        {pending ? t("publishing") : t("publish", { number: String(number) })}
      </button>
    </form>
  );
}

/**
 * "Discard draft…": folded away, with a confirming button. It stays mounted
 * when the draft is gone (the page shows "no draft" then), so the confirmation
 * is announced and keeps the focus. The draft's id makes a double click one discard.
 */
export function DiscardForm({ action, kind, versionId }: { action: Action; kind: string; versionId: string | null }) {
  const t = useTranslations("agreement");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = useErrors(state);
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.done) done.current?.focus();
  }, [state.done]);
  if (state.done && !versionId) {
    return <p ref={done} tabIndex={-1} role="status" className="mt-3 rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("discarded")}</p>;
  }
  if (!versionId) return null;
  return (
    <details open={errors.length ? true : undefined} className="mt-3">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-warn-700 underline">{t("discardSummary")}</summary>
      <form key={state.attempt ?? 0} action={formAction} className="mt-2 space-y-2">
        <ErrorSummary title={t("errorTitle")} errors={errors} attempt={state.attempt} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="versionId" value={versionId} />
        <p id={`${kind}-discard-help`} className="text-sm text-slate-700">{t("discardHelp")}</p>
        <button type="submit" disabled={pending} aria-describedby={`${kind}-discard-help`} className="min-h-12 w-full rounded-lg border border-warn-700 bg-white px-5 font-semibold text-warn-700 hover:bg-slate-50 disabled:opacity-70 sm:w-auto">
          {pending ? t("discarding") : t("discardConfirm")}
        </button>
      </form>
    </details>
  );
}

/** "Read and agreed". */
export function AcknowledgeForm({ action, versionId }: { action: Action; versionId: string }) {
  const t = useTranslations("agreement");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = useErrors(state);
  if (state.done) return <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("thanks")}</p>;
  return (
    <form key={state.attempt ?? 0} action={formAction} className="space-y-2">
      <ErrorSummary title={t("errorTitle")} errors={errors} attempt={state.attempt} />
      <input type="hidden" name="versionId" value={versionId} />
      <button type="submit" disabled={pending} className={primary}>{pending ? t("sending") : t("agree")}</button>
    </form>
  );
}

/** "I have a question about this": an optional note; it becomes a question to the mentor. */
export function QuestionForm({ action, versionId }: { action: Action; versionId: string }) {
  const t = useTranslations("agreement");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const summary = Object.entries(errors).map(([name, key]) => ({ field: name === "note" ? `note-${versionId}` : undefined, text: tAll(key) }));
  if (state.done) {
    return (
      <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">
        {state.questionId ? <Link href={`/parent/questions/${state.questionId}`} className="underline">{t("openQuestion")}</Link> : null}
      </p>
    );
  }
  const describedBy = [`note-${versionId}-help`, errors.note ? `note-${versionId}-error` : null].filter(Boolean).join(" ");
  return (
    <details open={Object.keys(errors).length ? true : undefined}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("questionSummary")}</summary>
      <form key={state.attempt ?? 0} action={formAction} noValidate className="mt-2 space-y-2">
        <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
        <input type="hidden" name="versionId" value={versionId} />
        <label htmlFor={`note-${versionId}`} className="block font-medium">{t("questionLabel")}</label>
        <p id={`note-${versionId}-help`} className="text-sm text-slate-600">{t("questionHelp", { max: String(QUESTION_NOTE_MAX) })}</p>
        <textarea
          id={`note-${versionId}`} name="note" rows={4} dir="auto" defaultValue={state.values?.note ?? ""}
          aria-invalid={!!errors.note} aria-describedby={describedBy}
          className="block w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
        />
        {errors.note ? <p id={`note-${versionId}-error`} className="text-sm font-medium text-warn-700">{tAll(errors.note)}</p> : null}
        <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg border border-brand-600 bg-white px-5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70 sm:w-auto">
          {pending ? t("sending") : t("sendQuestion")}
        </button>
      </form>
    </details>
  );
}
