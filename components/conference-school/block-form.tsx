"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ConferenceFormState } from "@/lib/domain/conferences/school-actions";

type Props = { action: (state: ConferenceFormState, formData: FormData) => Promise<ConferenceFormState>; roundId: string };

const FIELDS = ["day", "from", "to", "location", "_form"];
const input = "block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";

/** A host adds an evening block to a round; the ids are per round, so two rounds' forms can share a page. */
export function BlockForm({ action, roundId }: Props) {
  const t = useTranslations("conferenceSchool");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const v = (state.values ?? {}) as Record<string, string>;
  const id = (name: string) => `${name}-${roundId}`;
  const described = (name: string) => (errors[name] ? `${id(name)}-error` : undefined);
  const err = (name: string) => (errors[name] ? <p id={`${id(name)}-error`} className="text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null);
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ field: f === "_form" ? undefined : id(f), text: tAll(errors[f]) }));
  return (
    <form action={formAction} key={`${state.attempt ?? 0}-${state.saved ? 1 : 0}`} className="space-y-3" noValidate>
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">{t("blockAdded", { slots: state.saved.count ?? 0 })}</p> : null}
      <input type="hidden" name="roundId" value={roundId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-4">
        <div>
          <label htmlFor={id("day")} className="block font-medium">{t("fieldDay")}</label>
          <input id={id("day")} name="day" type="date" defaultValue={v.day} aria-invalid={!!errors.day} aria-describedby={described("day")} className={input} />
          {err("day")}
        </div>
        <div>
          <label htmlFor={id("from")} className="block font-medium">{t("fieldFrom")}</label>
          <input id={id("from")} name="from" type="time" defaultValue={v.from} aria-invalid={!!errors.from} aria-describedby={described("from")} className={input} />
          {err("from")}
        </div>
        <div>
          <label htmlFor={id("to")} className="block font-medium">{t("fieldTo")}</label>
          <input id={id("to")} name="to" type="time" defaultValue={v.to} aria-invalid={!!errors.to} aria-describedby={described("to")} className={input} />
          {err("to")}
        </div>
        <div>
          <label htmlFor={id("location")} className="block font-medium">{t("fieldLocation")}</label>
          <input id={id("location")} name="location" dir="auto" maxLength={60} defaultValue={v.location} aria-invalid={!!errors.location} aria-describedby={described("location")} className={input} />
          {err("location")}
        </div>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">
        {pending ? t("saving") : t("addBlock")}
      </button>
    </form>
  );
}
