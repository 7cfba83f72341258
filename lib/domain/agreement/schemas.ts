import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { QUESTION_NOTE_MAX, TEXT_KINDS, TEXT_LOCALES, TEXT_MAX } from "@/lib/domain/agreement/fields";

// Error messages are catalogue keys ("agreement.errors.*"), translated where shown.
// Texts are stored as typed (trimmed) and rendered as text (format.ts): "<b>" stays "<b>".

const E = (key: string) => `agreement.errors.${key}`;
const id = z.string({ error: E("invalid") }).min(1, E("invalid")).max(64, E("invalid")).regex(/^[A-Za-z0-9_-]+$/, E("invalid"));
// No control characters except tab and line breaks (a NUL would make PostgreSQL refuse the row).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const text = z.string({ error: E("invalid") }).trim().max(TEXT_MAX, E("tooLong")).refine((v) => !CONTROL.test(v), E("invalid"));

export const DraftInput = z.object({
  kind: z.enum(TEXT_KINDS, { error: E("invalid") }),
  // strictObject: an unknown language is refused, not dropped.
  texts: z.strictObject(
    {
      nl: text.min(1, E("dutchRequired")),
      en: text.optional(), ar: text.optional(), tr: text.optional(), pl: text.optional(), uk: text.optional(),
    },
    { error: E("unknownLocale") },
  ),
});
export type DraftInput = z.output<typeof DraftInput>;

export const PublishInput = z.object({ kind: z.enum(TEXT_KINDS, { error: E("invalid") }), versionId: id });
export type PublishInput = z.output<typeof PublishInput>;

export const AcknowledgeInput = z.object({ versionId: id });
export type AcknowledgeInput = z.output<typeof AcknowledgeInput>;

export const AgreementQuestionInput = z.object({
  versionId: id,
  note: z.string().trim().max(QUESTION_NOTE_MAX, E("noteTooLong")).refine((v) => !CONTROL.test(v), E("invalid")).optional()
    .transform((v) => (v ? v : null)),
});
export type AgreementQuestionInput = z.output<typeof AgreementQuestionInput>;

/** The editor's fields: body_nl, body_en, …; empty translations are left out. */
export function draftFormValues(formData: FormData) {
  const texts: Record<string, string> = {};
  for (const locale of TEXT_LOCALES) {
    const value = formText(formData, `body_${locale}`);
    if (locale === "nl" || (value && value.trim())) texts[locale] = value ?? "";
  }
  return { kind: formText(formData, "kind"), texts };
}
