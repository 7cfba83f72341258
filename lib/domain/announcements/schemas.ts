import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/domain/announcements/fields";

// Error messages are catalogue keys (namespace "announcementErrors"). Plain
// text, stored as typed and shown as text.

export const AnnouncementInput = z
  .object({
    idempotencyKey: z.uuid({ error: "announcementErrors.invalid" }),
    subject: z.string({ error: "announcementErrors.subjectRequired" }).trim().min(1, "announcementErrors.subjectRequired").max(SUBJECT_MAX, "announcementErrors.subjectTooLong"),
    body: z.string({ error: "announcementErrors.bodyRequired" }).trim().min(1, "announcementErrors.bodyRequired").max(BODY_MAX, "announcementErrors.bodyTooLong"),
    wholeSchool: z.boolean(),
    classIds: z
      .array(z.string().min(1).max(64), { error: "announcementErrors.classes" })
      .max(500, "announcementErrors.classes")
      .transform((ids) => [...new Set(ids)]),
  })
  .superRefine((input, ctx) => {
    if (!input.wholeSchool && input.classIds.length === 0) ctx.addIssue({ code: "custom", path: ["classIds"], message: "announcementErrors.classes" });
  });
export type AnnouncementInput = z.output<typeof AnnouncementInput>;

export function announcementFormValues(formData: FormData) {
  return {
    idempotencyKey: formText(formData, "idempotencyKey"),
    subject: formText(formData, "subject"),
    body: formText(formData, "body"),
    wholeSchool: formText(formData, "wholeSchool") === "1",
    classIds: formData.getAll("classIds").filter((v): v is string => typeof v === "string"),
  };
}
