import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { ANSWER_MAX, CALL_TIMES, CALL_TIMES_NOTE_MAX, NOTE_MAX, QUESTION_KINDS, QUESTION_MAX, WANTED_LANGUAGES } from "@/lib/domain/questions/fields";

// Error messages are catalogue keys (namespace "questionErrors"), translated where shown.
// Text is stored exactly as typed (trimmed): it is plain text and shown as
// text, so "<b>" stays "<b>" (React escapes it; no HTML is ever rendered).

const id = z.string({ error: "questionErrors.invalid" }).min(1, "questionErrors.invalid").max(64, "questionErrors.invalid");

const optional = (max: number, message: string) =>
  z.string().trim().max(max, message).optional().transform((value) => (value ? value : null));

export const AskQuestionInput = z
  .object({
    pupilId: id,
    idempotencyKey: z.uuid({ error: "questionErrors.invalid" }),
    kind: z.enum(QUESTION_KINDS, { error: "questionErrors.kind" }),
    body: optional(QUESTION_MAX, "questionErrors.bodyTooLong"),
    callTimes: z
      .array(z.enum(CALL_TIMES, { error: "questionErrors.callTimes" }), { error: "questionErrors.callTimes" })
      .max(CALL_TIMES.length, "questionErrors.callTimes")
      .transform((times) => CALL_TIMES.filter((t) => times.includes(t))),
    callTimesNote: optional(CALL_TIMES_NOTE_MAX, "questionErrors.callTimesNoteTooLong"),
    // Empty: no other language wanted.
    languageWanted: z
      .union([z.literal(""), z.enum(WANTED_LANGUAGES)], { error: "questionErrors.language" })
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "QUESTION" && !input.body) ctx.addIssue({ code: "custom", path: ["body"], message: "questionErrors.bodyRequired" });
    if (input.kind === "CALL_BACK" && input.callTimes.length === 0 && !input.callTimesNote) {
      ctx.addIssue({ code: "custom", path: ["callTimes"], message: "questionErrors.callTimesRequired" });
    }
  })
  // A question has no call times; they are dropped whatever was sent.
  .transform((input) => (input.kind === "QUESTION" ? { ...input, body: input.body ?? "", callTimes: [], callTimesNote: null } : { ...input, body: input.body ?? "" }));
export type AskQuestionInput = z.output<typeof AskQuestionInput>;

export const AnswerInput = z.object({
  questionId: id,
  answer: z.string({ error: "questionErrors.answerRequired" }).trim().min(1, "questionErrors.answerRequired").max(ANSWER_MAX, "questionErrors.answerTooLong"),
});
export type AnswerInput = z.output<typeof AnswerInput>;

export const InternalNoteInput = z.object({
  questionId: id,
  internalNote: z.string().trim().max(NOTE_MAX, "questionErrors.noteTooLong").transform((value) => (value ? value : null)),
});
export type InternalNoteInput = z.output<typeof InternalNoteInput>;

export const QuestionIdInput = z.object({ questionId: id });

/** Reads the ask form; checkboxes arrive as repeated fields. */
export function askFormValues(formData: FormData) {
  const text = (name: string) => formText(formData, name);
  return {
    pupilId: text("pupilId"),
    idempotencyKey: text("idempotencyKey"),
    kind: text("kind"),
    body: text("body"),
    callTimes: formData.getAll("callTimes").filter((v): v is string => typeof v === "string"),
    callTimesNote: text("callTimesNote"),
    languageWanted: text("languageWanted"),
  };
}
