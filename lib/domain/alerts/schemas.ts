import { z } from "zod";
import { formText } from "@/lib/forms/form-data";

/** Dutch mobile numbers (06…, +316…, 00316…), stored as +316XXXXXXXX. */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s\-().]/g, "");
  const match = /^(?:\+31|0031|0)6(\d{8})$/.exec(digits);
  return match ? `+316${match[1]}` : null;
}

export const AlertSettingsInput = z
  .object({
    channel: z.enum(["EMAIL", "SMS", "PORTAL"], { error: "alertErrors.channel" }),
    timing: z.enum(["IMMEDIATE", "DAILY_DIGEST"], { error: "alertErrors.timing" }),
    phone: z
      .string()
      .trim()
      .max(40, { error: "alertErrors.phone" })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((value, ctx) => {
    if (value.phone !== undefined && !normaliseMobile(value.phone)) ctx.addIssue({ code: "custom", path: ["phone"], message: "alertErrors.phone" });
    if (value.channel === "SMS" && value.phone === undefined) ctx.addIssue({ code: "custom", path: ["phone"], message: "alertErrors.phoneNeeded" });
  });
export type AlertSettingsInput = z.infer<typeof AlertSettingsInput>;

export function alertSettingsValues(formData: FormData) {
  const get = (key: string) => formText(formData, key);
  return { channel: get("channel"), timing: get("timing"), phone: get("phone") };
}
