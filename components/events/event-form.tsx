"use client";

import { useActionState } from "react";
import type { EventFormState, EventFormValues } from "@/lib/domain/events/actions";
import { ErrorSummary } from "@/components/ui/error-summary";
import { DESCRIPTION_MAX, EVENT_AUDIENCES, EVENT_KINDS, PLACE_MAX, SCHOOL_YEARS_MAX, TITLE_MAX } from "@/lib/domain/events/fields";

export type EventFormTexts = {
  heading: string; kind: string; kinds: Record<string, string>; title: string; titleHelp: string; description: string; descriptionHelp: string;
  place: string; placeHelp: string; startsAt: string; endsAt: string; timeHelp: string; audience: string; audiences: Record<string, string>;
  years: string; yearLabels: string[]; classes: string; asksReply: string; asksReplyHelp: string; save: string; saving: string;
  created: string; updated: string; errorTitle: string; errors: Record<string, string>;
};

type Props = {
  action: (state: EventFormState, formData: FormData) => Promise<EventFormState>;
  idempotencyKey: string;
  eventId?: string;
  initial: EventFormValues;
  classes: { id: string; name: string; year: number }[];
  texts: EventFormTexts;
};

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";
const FIELD_ORDER = ["kind", "title", "description", "place", "startsAt", "endsAt", "audience", "years", "classIds", "_form"];

/** Plan or change an event. Works without JavaScript; a refused submit shows its values again and focuses the error summary. */
export function EventForm({ action, idempotencyKey, eventId, initial, classes, texts }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  // After a successful "new event" the form starts empty again (React resets it); values come back only after a refusal.
  const values = state.values ?? initial;
  const message = (key: string) => texts.errors[key] ?? texts.errors["eventErrors.invalid"];
  const fieldId = (name: string) => (name === "years" ? "ev-years-1" : name === "classIds" ? `ev-class-${classes[0]?.id ?? ""}` : `ev-${name}`);
  const summary = FIELD_ORDER.filter((name) => errors[name]).map((name) => ({ field: name === "_form" ? undefined : fieldId(name), text: message(errors[name]) }));
  const describe = (name: string, help?: string) => [help, errors[name] ? `ev-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) => (errors[name] ? <p id={`ev-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">{message(errors[name])}</p> : null);
  return (
    <form action={formAction} className="space-y-4" key={state.saved ? `saved-${state.attempt}` : "form"}>
      <h2 className="text-xl font-semibold">{texts.heading}</h2>
      <ErrorSummary title={texts.errorTitle} errors={summary} attempt={state.attempt} />
      {state.saved ? <p role="status" className="rounded-lg border border-brand-600 bg-white p-3 font-medium text-brand-900">{state.saved.created || !eventId ? texts.created : texts.updated}</p> : null}
      {/* The action revalidates the page, which renders a fresh key: the next event is not taken for a resubmission. */}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {eventId ? <input type="hidden" name="eventId" value={eventId} /> : null}
      <div>
        <label htmlFor="ev-kind" className="font-medium">{texts.kind}</label>
        <select id="ev-kind" name="kind" defaultValue={values.kind} className={field} aria-invalid={errors.kind ? true : undefined} aria-describedby={describe("kind")}>
          {EVENT_KINDS.map((k) => <option key={k} value={k}>{texts.kinds[k]}</option>)}
        </select>
        {errorText("kind")}
      </div>
      <div>
        <label htmlFor="ev-title" className="font-medium">{texts.title}</label>
        <p id="ev-title-help" className="text-sm text-slate-700">{texts.titleHelp}</p>
        <input id="ev-title" name="title" defaultValue={values.title} maxLength={TITLE_MAX} required className={field} aria-invalid={errors.title ? true : undefined} aria-describedby={describe("title", "ev-title-help")} />
        {errorText("title")}
      </div>
      <div>
        <label htmlFor="ev-description" className="font-medium">{texts.description}</label>
        <p id="ev-description-help" className="text-sm text-slate-700">{texts.descriptionHelp}</p>
        <textarea id="ev-description" name="description" defaultValue={values.description} maxLength={DESCRIPTION_MAX} rows={3} className={`${field} py-2`} aria-invalid={errors.description ? true : undefined} aria-describedby={describe("description", "ev-description-help")} />
        {errorText("description")}
      </div>
      <div>
        <label htmlFor="ev-place" className="font-medium">{texts.place}</label>
        <p id="ev-place-help" className="text-sm text-slate-700">{texts.placeHelp}</p>
        <input id="ev-place" name="place" defaultValue={values.place} maxLength={PLACE_MAX} className={field} aria-invalid={errors.place ? true : undefined} aria-describedby={describe("place", "ev-place-help")} />
        {errorText("place")}
      </div>
      <p id="ev-time-help" className="text-sm text-slate-700">{texts.timeHelp}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="ev-startsAt" className="font-medium">{texts.startsAt}</label>
          <input id="ev-startsAt" name="startsAt" type="datetime-local" defaultValue={values.startsAt} required className={field} aria-invalid={errors.startsAt ? true : undefined} aria-describedby={describe("startsAt", "ev-time-help")} />
          {errorText("startsAt")}
        </div>
        <div>
          <label htmlFor="ev-endsAt" className="font-medium">{texts.endsAt}</label>
          <input id="ev-endsAt" name="endsAt" type="datetime-local" defaultValue={values.endsAt} required className={field} aria-invalid={errors.endsAt ? true : undefined} aria-describedby={describe("endsAt", "ev-time-help")} />
          {errorText("endsAt")}
        </div>
      </div>
      <fieldset>
        <legend className="font-medium">{texts.audience}</legend>
        {EVENT_AUDIENCES.map((a) => (
          <label key={a} className="choice flex min-h-11 items-center gap-2">
            <input type="radio" name="audience" value={a} id={a === "SCHOOL" ? "ev-audience" : undefined} defaultChecked={values.audience === a} className="size-5" />
            {texts.audiences[a]}
          </label>
        ))}
        {errorText("audience")}
      </fieldset>
      <fieldset>
        <legend className="font-medium">{texts.years}</legend>
        <div className="flex flex-wrap gap-x-4">
          {Array.from({ length: SCHOOL_YEARS_MAX }, (_, i) => i + 1).map((y) => (
            <label key={y} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="years" value={y} id={`ev-years-${y}`} defaultChecked={values.years.includes(String(y))} className="size-5" />
              {texts.yearLabels[y - 1]}
            </label>
          ))}
        </div>
        {errorText("years")}
      </fieldset>
      <fieldset>
        <legend className="font-medium">{texts.classes}</legend>
        <div className="flex flex-wrap gap-x-4">
          {classes.map((c) => (
            <label key={c.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="classIds" value={c.id} id={`ev-class-${c.id}`} defaultChecked={values.classIds.includes(c.id)} className="size-5" />
              {c.name}
            </label>
          ))}
        </div>
        {errorText("classIds")}
      </fieldset>
      <div>
        <label className="flex min-h-11 items-center gap-2 font-medium">
          <input type="checkbox" name="asksReply" id="ev-asksReply" defaultChecked={values.asksReply} aria-describedby="ev-asksReply-help" className="size-5" />
          {texts.asksReply}
        </label>
        <p id="ev-asksReply-help" className="text-sm text-slate-700">{texts.asksReplyHelp}</p>
      </div>
      {errors._form ? <p className="font-medium text-warn-700">{message(errors._form)}</p> : null}
      <button type="submit" disabled={pending} className="inline-flex min-h-12 items-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        {pending ? texts.saving : texts.save}
      </button>
    </form>
  );
}

