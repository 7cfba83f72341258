"use client";

import type { ReactNode } from "react";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SelfAssessmentFormState } from "@/lib/domain/self-assessment/actions";
import { DOMAINS, LEVELS, NOTE_MAX, SENTENCE_MAX, type Domain } from "@/lib/domain/self-assessment/model";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, FieldError, SubmitButton } from "@/components/admin/form-parts";

type Score = { domain: Domain; level: number | null; note: string; sentence: string };
type Props = {
  action: (state: SelfAssessmentFormState, formData: FormData) => Promise<SelfAssessmentFormState>;
  scores: Score[];
  /** Per domain: the reach figures that evidence it, and last year's level (rendered on the server). */
  evidence: Partial<Record<Domain, ReactNode>>;
  lastYear: Partial<Record<Domain, string>>;
};

const FIELD_ORDER = DOMAINS.flatMap((d) => [`level-${d}`, `note-${d}`, `sentence-${d}`]);

/**
 * This school year's self-assessment: per domain of the model a radio group
 * of the five level descriptions (arrow keys move within it), the team's
 * note and the public sentence. After a rejected submit the error summary
 * takes focus and links to each field.
 */
export function SelfAssessmentForm({ action, scores, evidence, lastYear }: Props) {
  const t = useTranslations("selfAssessment");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const value = (field: string, fallback: string) => state.values?.[field] ?? fallback;
  const fieldLabel = (field: string) => {
    const [kind, domain] = field.split("-");
    const name = t(`domains.${domain as Domain}.name`);
    return `${name} — ${kind === "level" ? t("levelLegend") : kind === "note" ? t("note") : t("sentence")}`;
  };
  const summary = [...FIELD_ORDER.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !FIELD_ORDER.includes(f))]
    .map((f) => (f === "_form" || !FIELD_ORDER.includes(f) ? { text: tAll(errors[f]) } : { field: f, text: `${fieldLabel(f)}: ${tAll(errors[f])}` }));
  return (
    <form key={state.attempt ?? 0} action={formAction} className="mt-6 space-y-8" noValidate>
      <ErrorSummary title={t("fixErrors")} errors={summary} attempt={state.attempt} />
      {state.saved ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("saved")}</p> : null}
      {DOMAINS.map((domain) => {
        const score = scores.find((s) => s.domain === domain);
        const level = value(`level-${domain}`, score?.level ? String(score.level) : "");
        const levelError = errors[`level-${domain}`];
        const noteError = errors[`note-${domain}`];
        const sentenceError = errors[`sentence-${domain}`];
        return (
          <section key={domain} aria-labelledby={`domain-${domain}`} className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id={`domain-${domain}`} className="text-xl font-semibold">{t(`domains.${domain}.name`)}</h2>
            <p className="mt-1 text-slate-700">{t(`domains.${domain}.question`)}</p>
            {lastYear[domain] ? <p className="mt-1 text-sm text-slate-600">{lastYear[domain]}</p> : null}
            {evidence[domain] ? <div className="mt-3">{evidence[domain]}</div> : null}
            <fieldset className="mt-4" aria-describedby={levelError ? `level-${domain}-error` : undefined}>
              <legend className="font-medium">{t("levelLegend")}</legend>
              <div className="mt-2 space-y-2">
                {LEVELS.map((n, i) => (
                  <label key={n} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                    <input
                      type="radio" name={`level-${domain}`} value={String(n)} defaultChecked={level === String(n)}
                      id={i === 0 ? `level-${domain}` : undefined}
                      className="mt-1 size-5 shrink-0"
                    />
                    <span className="min-w-0">
                      <span className="block font-semibold">{t("levelOption", { level: n, name: t(`levels.${n}`) })}</span>
                      <span className="block text-slate-700">{t(`domains.${domain}.levels.${n}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              <FieldError name={`level-${domain}`} error={levelError} />
            </fieldset>
            <div className="mt-4">
              <label htmlFor={`note-${domain}`} className="block font-medium">{t("note")}</label>
              <textarea
                id={`note-${domain}`} name={`note-${domain}`} rows={3} maxLength={NOTE_MAX} dir="auto"
                defaultValue={value(`note-${domain}`, score?.note ?? "")}
                aria-invalid={!!noteError} aria-describedby={describedBy(`note-${domain}`, false, !!noteError)}
                className={`mt-1 block w-full rounded-lg border bg-white p-3 ${noteError ? "border-warn-700" : "border-slate-400"}`}
              />
              <FieldError name={`note-${domain}`} error={noteError} />
            </div>
            <div className="mt-4">
              <label htmlFor={`sentence-${domain}`} className="block font-medium">{t("sentence")}</label>
              <p id={`sentence-${domain}-help`} className="text-sm text-slate-600">{t("sentenceHelp")}</p>
              <input
                id={`sentence-${domain}`} name={`sentence-${domain}`} type="text" maxLength={SENTENCE_MAX} dir="auto" autoComplete="off"
                defaultValue={value(`sentence-${domain}`, score?.sentence ?? "")}
                aria-invalid={!!sentenceError} aria-describedby={describedBy(`sentence-${domain}`, true, !!sentenceError)}
                className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 ${sentenceError ? "border-warn-700" : "border-slate-400"}`}
              />
              <FieldError name={`sentence-${domain}`} error={sentenceError} />
            </div>
          </section>
        );
      })}
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}

type PublishProps = {
  action: (state: SelfAssessmentFormState, formData: FormData) => Promise<SelfAssessmentFormState>;
  status: ReactNode;
};

/** Publishing the summary; a refusal (a domain without level or sentence) shows in an error summary that takes focus. */
export function PublishForm({ action, status }: PublishProps) {
  const t = useTranslations("selfAssessment");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const entries = [...FIELD_ORDER.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !FIELD_ORDER.includes(f))].map((f) => {
    if (!FIELD_ORDER.includes(f)) return { text: tAll(errors[f]) };
    const domain = f.split("-")[1] as Domain;
    return { field: f, text: `${t(`domains.${domain}.name`)}: ${tAll(errors[f])}` };
  });
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ErrorSummary title={t("fixErrors")} errors={entries} attempt={state.attempt} />
      {state.published ? <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900">{t("published")}</p> : null}
      {status}
      <SubmitButton pending={pending} label={t("publish")} pendingLabel={t("publishing")} />
    </form>
  );
}
