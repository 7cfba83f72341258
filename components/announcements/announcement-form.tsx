"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { AnnouncementFormState } from "@/lib/domain/announcements/actions";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/domain/announcements/fields";
import { ErrorSummary } from "@/components/ui/error-summary";

type Props = {
  action: (state: AnnouncementFormState, formData: FormData) => Promise<AnnouncementFormState>;
  idempotencyKey: string;
  classes: { id: string; name: string }[];
  /** The school leader may write to the whole school. */
  mayWholeSchool: boolean;
};

const field = "mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2";
const FIELD_IDS: Record<string, string> = { subject: "a-subject", body: "a-body", classIds: "a-classes-first" };

/** A short message to the guardians of one or more classes (plain text, the school's own words). */
export function AnnouncementForm({ action, idempotencyKey, classes, mayWholeSchool }: Props) {
  const t = useTranslations("announcementForm");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  // One class only (most mentors): chosen from the start.
  const values = state.values ?? { subject: "", body: "", wholeSchool: false, classIds: classes.length === 1 ? [classes[0].id] : [] };
  const summary = Object.entries(errors).map(([name, key]) => ({ field: FIELD_IDS[name], text: tAll(key) }));
  const describe = (name: string, help: string) => [help, errors[name] ? `a-${name}-error` : null].filter(Boolean).join(" ");
  const errorText = (name: string) => (errors[name] ? <p id={`a-${name}-error`} className="mt-1 text-sm font-medium text-warn-700">{tAll(errors[name])}</p> : null);
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("errorTitle")} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset aria-describedby={describe("classIds", "a-classes-help")}>
        <legend className="font-medium">{t("classesLegend")}</legend>
        <p id="a-classes-help" className="text-sm text-slate-600">{t("classesHelp")}</p>
        <div className="mt-1 flex flex-wrap gap-2">
          {mayWholeSchool ? (
            <label className="choice">
              <input type="checkbox" name="wholeSchool" value="1" defaultChecked={values.wholeSchool} className="size-4" />
              {t("wholeSchool")}
            </label>
          ) : null}
          {classes.map((c, i) => (
            <label key={c.id} className="choice">
              <input id={i === 0 ? "a-classes-first" : undefined} type="checkbox" name="classIds" value={c.id} defaultChecked={values.classIds.includes(c.id)} className="size-4" />
              {c.name}
            </label>
          ))}
        </div>
        {errorText("classIds")}
      </fieldset>
      <div>
        <label htmlFor="a-subject" className="block font-medium">{t("subject")}</label>
        <p id="a-subject-help" className="text-sm text-slate-600">{t("subjectHelp", { max: SUBJECT_MAX })}</p>
        <input
          id="a-subject" name="subject" lang="nl" dir="auto" defaultValue={values.subject}
          aria-invalid={!!errors.subject} aria-describedby={describe("subject", "a-subject-help")} className={`${field} min-h-11`}
        />
        {errorText("subject")}
      </div>
      <div>
        <label htmlFor="a-body" className="block font-medium">{t("body")}</label>
        <p id="a-body-help" className="text-sm text-slate-600">{t("bodyHelp", { max: BODY_MAX })}</p>
        <textarea
          id="a-body" name="body" lang="nl" rows={6} dir="auto" defaultValue={values.body}
          aria-invalid={!!errors.body} aria-describedby={describe("body", "a-body-help")} className={field}
        />
        {errorText("body")}
      </div>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:w-auto">
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
