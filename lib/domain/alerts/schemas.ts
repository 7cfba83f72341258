import { z } from "zod";
import { formText } from "@/lib/forms/form-data";
import { checkMobile, normaliseMobile } from "@/lib/domain/alerts/mobile";

// Mobile numbers: Dutch, Belgian and German, stored in E.164 with the form the parent typed (decision 0033).
export { normaliseMobile };

export const AlertSettingsInput = z
  .object({
    channel: z.enum(["EMAIL", "SMS", "PORTAL"], { error: "alertErrors.channel" }),
    timing: z.enum(["IMMEDIATE", "DAILY_DIGEST"], { error: "alertErrors.timing" }),
    phone: z
      .string()
      .trim()
      .max(40, { error: "alertErrors.phoneInvalid" })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .transform((value, ctx) => {
    const check = value.phone === undefined ? null : checkMobile(value.phone);
    if (check && !check.ok) ctx.addIssue({ code: "custom", path: ["phone"], message: `alertErrors.${check.problem}` });
    if (value.channel === "SMS" && value.phone === undefined) ctx.addIssue({ code: "custom", path: ["phone"], message: "alertErrors.phoneNeeded" });
    // `mobile`: the number to send to (E.164) and as the parent typed it; undefined when no number was given.
    return { channel: value.channel, timing: value.timing, mobile: check?.ok ? { e164: check.e164, asEntered: check.asEntered } : undefined };
  });
export type AlertSettingsInput = z.output<typeof AlertSettingsInput>;

export function alertSettingsValues(formData: FormData) {
  const get = (key: string) => formText(formData, key);
  return { channel: get("channel"), timing: get("timing"), phone: get("phone") };
}
