import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";

export const LanguageChoice = z.object({ locale: z.enum(LOCALES, { error: "errors.invalidLanguage" }) });
export type LanguageChoice = z.infer<typeof LanguageChoice>;

/** A path inside this site to go back to after sign-in; anything else is dropped. */
export const LocalPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/);

/** The role switch: one of the user's memberships (checked against the actor's own). */
export const RoleChoice = z.object({ membershipId: z.string().min(1).max(64) });

/** "Forgot password": the address to send a link to (trimmed, lower case). */
export const ForgotPasswordInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "passwordErrors.emailInvalid" }).max(254, { error: "passwordErrors.emailInvalid" })),
});

/** A new password, twice. The rule itself (length, common, personal) is lib/auth/password-rule.ts, on the server. */
const NewPassword = { password: z.string().max(1000, { error: "passwordErrors.tooLong" }), confirm: z.string().max(1000, { error: "passwordErrors.mismatch" }) };

export const SetPasswordInput = z.object({ token: z.string().max(100), ...NewPassword });
export const ChangePasswordInput = z.object({ current: z.string().min(1, { error: "passwordErrors.currentRequired" }).max(1000, { error: "passwordErrors.currentWrong" }), ...NewPassword });

/** A code from the authenticator app (or a recovery code where allowed). */
export const TwoStepCodeInput = z.object({ code: z.string().trim().min(1, { error: "twoFactor.errors.codeRequired" }).max(40, { error: "twoFactor.errors.codeWrong" }) });
/** Turning two-step sign-in off: a current code or the password. */
export const DisableTwoStepInput = z.object({ code: z.string().trim().max(40).default(""), password: z.string().max(1000).default("") });
