"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { AccountFormState } from "@/lib/domain/accounts/password-actions";
import type { TokenState } from "@/lib/auth/account-tokens";
import { FormErrors, PasswordField, buttonClass, fieldClass } from "@/components/account/form-parts";
import { UnusableLink } from "@/components/auth/unusable-link";

type Inspection = { state: TokenState; purpose?: "INVITATION" | "PASSWORD_RESET"; email?: string | null };
type Props = {
  inspect: (token: string) => Promise<Inspection>;
  action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;
};

// The token travels in the address's fragment (#…), which browsers never send
// to a server, so no server or proxy log can hold it (docs/decisions/0011).
// This script reads it, takes it out of the address bar (kept for this tab
// only, so a reload still works), and asks the server what the link is.
const STORE = "schoolkompas.set-password";

function readToken(): string {
  const fromFragment = window.location.hash.slice(1);
  if (fromFragment) {
    window.sessionStorage.setItem(STORE, fromFragment);
    window.history.replaceState(null, "", window.location.pathname);
    return fromFragment;
  }
  return window.sessionStorage.getItem(STORE) ?? "";
}

export function SetPasswordForm({ inspect, action }: Props) {
  const t = useTranslations("setPassword");
  const tRule = useTranslations("passwordRule");
  const [token, setToken] = useState<string | null>(null);
  const [link, setLink] = useState<Inspection | null>(null);
  const [state, formAction, pending] = useActionState(action, {});
  const [reveal, setReveal] = useState(false);

  useEffect(() => {
    let current = true;
    const found = readToken();
    const check: Promise<Inspection> = found ? inspect(found) : Promise.resolve({ state: "unknown" });
    check
      .catch((): Inspection => ({ state: "unknown" }))
      .then((result) => {
        if (!current) return;
        setToken(found);
        setLink(result);
      });
    return () => {
      current = false;
    };
  }, [inspect]);

  const unusable = state.tokenState ?? (link && link.state !== "valid" ? link.state : null);
  if (unusable) return <UnusableLink state={unusable} />;
  if (!link || token === null) return <p role="status" className="mt-6">{t("checking")}</p>;

  const errors = state.errors ?? {};
  return (
    <form key={state.attempt ?? 0} action={formAction} noValidate className="mt-6 space-y-5">
      <p>{link.purpose === "INVITATION" ? t("introInvitation") : t("introReset")}</p>
      <FormErrors errors={state.errors} attempt={state.attempt} fields={["password", "confirm"]} />
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="username" className="block font-medium">{t("account")}</label>
        <input id="username" name="username" type="email" autoComplete="username" dir="ltr" readOnly value={link.email ?? ""} className={`${fieldClass} bg-slate-100`} />
      </div>
      <PasswordField id="password" label={t("new")} help={tRule("help")} autoComplete="new-password" error={errors.password} reveal={reveal} />
      <PasswordField id="confirm" label={t("confirm")} autoComplete="new-password" error={errors.confirm} reveal={reveal} />
      <label className="choice">
        <input type="checkbox" className="size-4" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
        {tRule("show")}
      </label>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("saving") : t("save")}</button>
      </div>
    </form>
  );
}
