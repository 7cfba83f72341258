import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { OPEN_ANSWER_MAX, OPTION_MAX, OPTIONS_MAX, QUESTION_MAX, TITLE_MAX, TRANSLATION_LOCALES } from "@/lib/domain/surveys/fields";
import { TEMPLATE_BY_KEY } from "@/lib/domain/surveys/template";

// Error messages are catalogue keys (namespace "surveys.errors").
const E = (key: string) => `surveys.errors.${key}`;
const id = z.string({ error: E("invalid") }).min(1, E("invalid")).max(64, E("invalid")).regex(/^[A-Za-z0-9_-]+$/, E("invalid"));
const day = z.string({ error: E("closesOn") }).regex(/^\d{4}-\d{2}-\d{2}$/, E("closesOn")).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), E("closesOn"));

export const CreateSurveyInput = z.object({
  idempotencyKey: z.uuid({ error: E("invalid") }),
  title: z.string({ error: E("titleRequired") }).trim().min(1, E("titleRequired")).max(TITLE_MAX, E("titleTooLong")),
  closesOn: day,
  classIds: z.array(id, { error: E("classes") }).min(1, E("classes")).max(500, E("classes")).transform((ids) => [...new Set(ids)]),
  templateKeys: z.array(z.string().refine((k) => TEMPLATE_BY_KEY.has(k), E("invalid"))).max(20).transform((keys) => [...new Set(keys)]),
});
export type CreateSurveyInput = z.output<typeof CreateSurveyInput>;

export function createSurveyFormValues(form: FormData) {
  return {
    idempotencyKey: formText(form, "idempotencyKey"),
    title: formText(form, "title"),
    closesOn: formText(form, "closesOn"),
    classIds: form.getAll("classIds").filter((v): v is string => typeof v === "string"),
    templateKeys: form.getAll("templateKeys").filter((v): v is string => typeof v === "string"),
  };
}

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export const QuestionInput = z
  .object({
    surveyId: id,
    kind: z.enum(["SCALE_4", "SCALE_10", "SINGLE", "MULTIPLE", "OPEN"], { error: E("kind") }),
    text: z.string({ error: E("textRequired") }).trim().min(1, E("textRequired")).max(QUESTION_MAX, E("textTooLong")),
    options: z.string().max(OPTIONS_MAX * (OPTION_MAX + 2), E("optionsTooLong")).transform(lines)
      .pipe(z.array(z.string().max(OPTION_MAX, E("optionsTooLong"))).max(OPTIONS_MAX, E("optionsTooMany"))),
    translations: z.partialRecord(z.enum(TRANSLATION_LOCALES), z.string().trim().max(QUESTION_MAX, E("textTooLong"))).transform((t) =>
      Object.fromEntries(Object.entries(t).filter(([, v]) => v.length > 0))),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "SINGLE" || q.kind === "MULTIPLE";
    if (choice && q.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: E("optionsTooFew") });
    if (choice && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: E("optionsDuplicate") });
  });
export type QuestionInput = z.output<typeof QuestionInput>;

export function questionFormValues(form: FormData) {
  const translations: Record<string, string> = {};
  for (const locale of TRANSLATION_LOCALES) translations[locale] = formText(form, `t_${locale}`) ?? "";
  return { surveyId: formText(form, "surveyId"), kind: formText(form, "kind"), text: formText(form, "text"), options: formText(form, "options") ?? "", translations };
}

export const SurveyRef = z.object({ surveyId: id });
export const QuestionRef = z.object({ surveyId: id, questionId: id });

/** A parent's answers: the invitation (its random id is the token) and q:<questionId> fields. */
export const ResponseInput = z.object({
  invitationId: z.uuid({ error: E("invalid") }),
  answers: z.record(id, z.array(z.string().max(OPEN_ANSWER_MAX + 1)).max(OPTIONS_MAX)),
});
export type ResponseInput = z.output<typeof ResponseInput>;

export function responseFormValues(form: FormData) {
  const answers: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("q:") || typeof value !== "string") continue;
    (answers[name.slice(2)] ??= []).push(value);
  }
  return { invitationId: formText(form, "invitationId"), answers };
}
