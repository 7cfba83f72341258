import type { TokenState } from "@/lib/auth/account-tokens";

/** A form's expected problems: catalogue keys per field ("_form" for the whole form), plus values for the message. */
export class AccountFormError extends Error {
  constructor(
    public readonly fieldErrors: Record<string, string>,
    public readonly values: Record<string, string> = {},
  ) {
    super("account form rejected");
    this.name = "AccountFormError";
  }
}

/** A set-password link that cannot be used: expired, used or replaced, for a blocked account, or unknown. */
export class TokenUnusableError extends Error {
  constructor(public readonly state: Exclude<TokenState, "valid">) {
    super(`token ${state}`);
    this.name = "TokenUnusableError";
  }
}
