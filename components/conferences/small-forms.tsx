"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { BookingFormState } from "@/lib/domain/conferences/booking-actions";
import { ErrorSummary } from "@/components/ui/error-summary";

type Action = (state: BookingFormState, formData: FormData) => Promise<BookingFormState>;

/** One button about one booking: cancel it, or join it (the other parent's, in a shared round). */
export function BookingButton({ action, bookingId, label, tone }: { action: Action; bookingId: string; label: string; tone: "primary" | "quiet" }) {
  const t = useTranslations("conferences");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = Object.values(state.errors ?? {}).map((key) => ({ text: tErr(key) }));
  const style = tone === "primary"
    ? "bg-brand-600 text-white hover:bg-brand-700"
    : "border border-slate-400 bg-white text-slate-900 hover:bg-slate-50";
  return (
    <form action={formAction} className="space-y-2">
      <ErrorSummary title={t("errorTitle")} errors={errors} attempt={state.attempt} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <button type="submit" disabled={pending} className={`min-h-11 w-full rounded-lg px-4 font-semibold disabled:opacity-70 sm:w-auto ${style}`}>
        {pending ? t("sending") : label}
      </button>
    </form>
  );
}

/** Move a booking to another free time of the same host. */
export function MoveForm({ action, bookingId, hostName, formId, choices }: {
  action: Action; bookingId: string; hostName: string; formId: string; choices: { id: string; label: string }[];
}) {
  const t = useTranslations("conferences");
  const tErr = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = Object.values(state.errors ?? {}).map((key) => ({ field: `${formId}-slot`, text: tErr(key) }));
  const offered = new Set((state.offers ?? []).map((o) => o.id));
  const ordered = offered.size ? [...choices.filter((c) => offered.has(c.id)), ...choices.filter((c) => !offered.has(c.id))] : choices;
  if (choices.length === 0) return <p className="text-sm text-slate-700">{t("noMoveSlots")}</p>;
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-2">
      <ErrorSummary title={t("errorTitle")} errors={errors} attempt={state.attempt} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <label htmlFor={`${formId}-slot`} className="block font-medium">{t("moveLegend", { host: hostName })}</label>
      <select id={`${formId}-slot`} name="slotId" className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2">
        {ordered.filter((c) => c.id !== state.lost).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
      </select>
      <button type="submit" disabled={pending} className="min-h-11 w-full rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("moveSubmit")}
      </button>
    </form>
  );
}
