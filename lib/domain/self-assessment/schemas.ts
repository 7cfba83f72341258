import { z } from "zod";
import { DOMAINS, NOTE_MAX, SENTENCE_MAX } from "@/lib/domain/self-assessment/model";

// Errors are keys of the selfAssessment catalogue area.

const text = (max: number, tooLong: string) =>
  z
    .string({ error: "selfAssessment.errors.invalid" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    // Control characters other than line breaks and tabs: no keyboard types them.
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), "selfAssessment.errors.invalid")
    .pipe(z.string().max(max, tooLong));

const level = z
  .string({ error: "selfAssessment.errors.level" })
  .transform((value) => value.trim())
  .pipe(z.enum(["", "1", "2", "3", "4", "5"], { error: "selfAssessment.errors.level" }))
  .transform((value) => (value === "" ? null : Number(value)));

export const DomainScoreInput = z.object({
  level,
  note: text(NOTE_MAX, "selfAssessment.errors.noteTooLong"),
  sentence: text(SENTENCE_MAX, "selfAssessment.errors.sentenceTooLong"),
});
export type DomainScoreInput = z.infer<typeof DomainScoreInput>;

/** The whole form: every domain's level (empty: not scored yet), note and public sentence. */
export const SelfAssessmentInput = z.object(
  Object.fromEntries(DOMAINS.map((d) => [d, DomainScoreInput])) as Record<(typeof DOMAINS)[number], typeof DomainScoreInput>,
);
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentInput>;
