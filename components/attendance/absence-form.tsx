"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AbsenceFormState, AbsenceFormValues } from "@/lib/domain/attendance/actions";
import { FIRST_LESSON, LAST_LESSON, LATE_MINUTES_MAX, REASON_MAX, REGISTRABLE_KINDS, lessonRange } from "@/lib/domain/attendance/absence-fields";

type Props = {
  action: (state: AbsenceFormState, formData: FormData) => Promise<AbsenceFormState>;
  pupilId: string;
  /** YYYY-MM-DD: the latest and earliest day that may be registered. */
  today: string;
  earliest: string;
  /** The day the list beside the form shows (YYYY-MM-DD); the form starts on it. */
  shownDay: string;
  /** The page's own path: after registering another day, it links to `?absenceDate=` there. */
  pagePath: string;
};

const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3";
const LESSONS = lessonRange(FIRST_LESSON, LAST_LESSON);
// A calendar date is stored as UTC midnight: format it in UTC so no time zone shifts the day.
const CALENDAR_DAY = { day: "numeric", month: "long", timeZone: "UTC", numberingSystem: "latn" } as const;

export function AbsenceForm(props: Props) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const defaults: AbsenceFormValues = state.values ?? {
    // After a registration, stay on the day that was registered.
    date: state.saved?.date ?? props.shownDay, fromLesson: "1", toLesson: "1", kind: "", minutes: "", reason: "", pupilReason: "",
  };
  // Re-mounted per submit, so a rejected form shows exactly what was sent.
  return <AbsenceFields key={state.attempt ?? 0} {...props} state={state} defaults={defaults} formAction={formAction} pending={pending} />;
}

type FieldsProps = Props & { state: AbsenceFormState; defaults: AbsenceFormValues; formAction: (formData: FormData) => void; pending: boolean };

function AbsenceFields({ pupilId, today, earliest, shownDay, pagePath, state, defaults, formAction, pending }: FieldsProps) {
  const t = useTranslations("absence");
  const tPupil = useTranslations("pupilReasons");
  const tErr = useTranslations();
  const format = useFormatter();
  const [kind, setKind] = useState(defaults.kind);
  const errors = state.errors ?? {};
  const describe = (name: string, help?: boolean) =>
    [help ? `absence-${name}-help` : null, errors[name] ? `absence-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`absence-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">
        {tErr(errors[name])}
      </p>
    ) : null;
  const lessonSelect = (name: "fromLesson" | "toLesson") => (
    <div>
      <label htmlFor={`absence-${name}`} className="block font-medium">{t(name)}</label>
      <select id={`absence-${name}`} name={name} defaultValue={defaults[name]} aria-invalid={!!errors[name]} aria-describedby={describe(name)} className={field}>
        {LESSONS.map((lesson) => (
          <option key={lesson} value={lesson}>{lesson}</option>
        ))}
      </select>
      {errorText(name)}
    </div>
  );

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="pupilId" value={pupilId} />
      {state.saved ? (
        <div role="status" className="rounded-lg bg-brand-50 p-3 font-medium text-brand-900">
          <p>
            {t("saved", { count: state.saved.written })} {state.saved.alertsQueued > 0 ? t("alertsQueued") : null}
          </p>
          {state.saved.date !== shownDay ? (
            <Link href={`${pagePath}?absenceDate=${state.saved.date}#absence`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("viewDay", { date: format.dateTime(new Date(`${state.saved.date}T00:00:00Z`), CALENDAR_DAY) })}
            </Link>
          ) : null}
        </div>
      ) : null}
      {errors._form ? (
        <p role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">{tErr(errors._form)}</p>
      ) : Object.keys(errors).length ? (
        <p role="alert" className="sr-only">{tErr(Object.values(errors)[0])}</p>
      ) : null}

      {/* The date on its own row: the form shares its width with the day's list, and a date field needs room. */}
      <div className="grid grid-cols-2 gap-4">
        <div className="col-span-2">
          <label htmlFor="absence-date" className="block font-medium">{t("date")}</label>
          <input id="absence-date" name="date" type="date" min={earliest} max={today} defaultValue={defaults.date} aria-invalid={!!errors.date} aria-describedby={describe("date")} className={`${field} sm:max-w-xs`} />
          {errorText("date")}
        </div>
        {lessonSelect("fromLesson")}
        {lessonSelect("toLesson")}
      </div>

      <fieldset aria-describedby={["absence-kind-note", errors.kind ? "absence-kind-error" : null].filter(Boolean).join(" ")}>
        <legend className="font-medium">{t("kind")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {REGISTRABLE_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-4" />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
        <p id="absence-kind-note" className="mt-1 text-sm text-slate-700">{t("alertNote")}</p>
        {errorText("kind")}
      </fieldset>

      {kind === "LATE" ? (
        <div>
          <label htmlFor="absence-minutes" className="block font-medium">{t("minutes")}</label>
          <p id="absence-minutes-help" className="text-sm text-slate-600">{t("minutesHelp")}</p>
          <input
            id="absence-minutes" name="minutes" type="number" inputMode="numeric" min={1} max={LATE_MINUTES_MAX} step={1} required
            defaultValue={defaults.minutes} aria-invalid={!!errors.minutes} aria-describedby={describe("minutes", true)} className={`${field} sm:w-32`}
          />
          {errorText("minutes")}
        </div>
      ) : null}

      <div>
        <label htmlFor="absence-reason" className="block font-medium">{t("reason")}</label>
        <p id="absence-reason-help" className="text-sm text-slate-600">{tPupil("schoolReasonHelp")}</p>
        <input id="absence-reason" name="reason" type="text" dir="auto" maxLength={REASON_MAX} defaultValue={defaults.reason} aria-invalid={!!errors.reason} aria-describedby={describe("reason", true)} className={field} />
        {errorText("reason")}
      </div>

      <div>
        <label htmlFor="absence-pupilReason" className="block font-medium">{tPupil("label")}</label>
        <p id="absence-pupilReason-help" className="text-sm text-slate-600">{tPupil("help")}</p>
        <input id="absence-pupilReason" name="pupilReason" type="text" dir="auto" maxLength={REASON_MAX} defaultValue={defaults.pupilReason} aria-invalid={!!errors.pupilReason} aria-describedby={describe("pupilReason", true)} className={field} />
        {errorText("pupilReason")}
      </div>

      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
