import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { formatPhone } from "@/lib/domain/admin/phone";
import { STAFF_ROLES } from "@/lib/domain/admin/staff-fields";

// Error messages are catalogue keys (namespace "staffErrors").

const roles = z
  .array(z.enum(STAFF_ROLES, { error: "staffErrors.roles" }), { error: "staffErrors.roles" })
  .min(1, "staffErrors.roles")
  .transform((list) => STAFF_ROLES.filter((r) => list.includes(r)));

const classIds = z.array(z.string().min(1).max(64)).max(40, "staffErrors.classIds").transform((ids) => [...new Set(ids)]);

const phone = z
  .string()
  .trim()
  .max(30, "staffErrors.phone")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const formatted = formatPhone(v);
    if (!formatted) ctx.addIssue({ code: "custom", message: "staffErrors.phone" });
    return formatted;
  });

/** Classes only for a mentor: a mentor's classes are what makes them one. */
const mentorClasses = (input: { roles: string[]; classIds: string[] }, ctx: z.RefinementCtx) => {
  if (input.classIds.length && !input.roles.includes("MENTOR")) ctx.addIssue({ code: "custom", path: ["classIds"], message: "staffErrors.classesNeedMentor" });
};

export const StaffRolesInput = z.object({ phone, roles, classIds }).superRefine(mentorClasses);
export type StaffRolesInput = z.infer<typeof StaffRolesInput>;

export const NewStaffInput = z
  .object({
    name: z.string({ error: "staffErrors.name" }).trim().min(2, "staffErrors.name").max(120, "staffErrors.nameTooLong"),
    email: z.string({ error: "staffErrors.email" }).trim().toLowerCase().max(254, "staffErrors.email").pipe(z.email({ error: "staffErrors.email" })),
    phone,
    roles,
    classIds,
    /** The administrator confirmed that an existing account with this address is the same person. */
    confirmExisting: z.boolean(),
  })
  .superRefine(mentorClasses);
export type NewStaffInput = z.infer<typeof NewStaffInput>;

const list = (formData: FormData, name: string) => formData.getAll(name).filter((v): v is string => typeof v === "string");

export function staffFormValues(formData: FormData) {
  return {
    name: formText(formData, "name") ?? "", email: formText(formData, "email") ?? "", phone: formText(formData, "phone") ?? "",
    roles: list(formData, "roles"), classIds: list(formData, "classIds"), confirmExisting: formData.get("confirmExisting") === "on",
  };
}
