"use client";

import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { CODE_FAILED, CODE_NEEDED, formatRetryTime, retryAtOf } from "@/lib/auth/retry-time";

type Problem = { key: "failed" | "unavailable" | "codeFailed" } | { key: "throttled"; time: string } | null;

const field = "mt-1 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base";

// The one client-side use of next-auth: its sign-in call fetches the CSRF token
// and posts the credentials. Everything else about sessions is server-side.
// A two-step account answers the right password with "code needed": the same
// form then asks for the code and sends the credentials again with it.
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const locale = useLocale();
  const [problem, setProblem] = useState<Problem>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  // A refused attempt moves focus to the message, so a screen reader hears it at once.
  useEffect(() => {
    if (problem) errorRef.current?.focus();
  }, [problem, attempt]);
  useEffect(() => {
    if (credentials && !problem) codeRef.current?.focus();
  }, [credentials, problem]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sent = credentials ?? { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
    setPending(true);
    try {
      const result = await signIn("credentials", { ...sent, code: credentials ? String(data.get("code") ?? "") : "", redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(next);
        return;
      }
      const retryAt = retryAtOf(result?.error);
      if (result?.error === CODE_NEEDED) {
        setCredentials(sent);
        setProblem(null);
      } else if (retryAt) {
        setProblem({ key: "throttled", time: formatRetryTime(retryAt, locale) });
      } else if (result?.error === CODE_FAILED) {
        setProblem({ key: "codeFailed" });
      } else {
        setCredentials(null);
        setProblem({ key: result?.status === 401 || result?.error ? "failed" : "unavailable" });
      }
    } catch {
      setProblem({ key: "unavailable" });
    }
    setAttempt((n) => n + 1);
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-describedby={problem ? "login-error" : undefined}>
      {problem ? (
        <p id="login-error" ref={errorRef} tabIndex={-1} role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700 focus:outline-none focus-visible:outline-3">
          {problem.key === "throttled" ? t("throttled", { time: problem.time }) : t(problem.key)}
        </p>
      ) : null}
      {credentials ? (
        <div>
          <h2 className="text-lg font-semibold">{t("codeTitle")}</h2>
          <label htmlFor="code" className="mt-2 block font-medium">
            {t("code")}
          </label>
          <p id="code-help" className="text-sm text-slate-600">{t("codeHelp")}</p>
          <input id="code" ref={codeRef} name="code" type="text" inputMode="text" autoComplete="one-time-code" dir="ltr" required maxLength={40} aria-describedby="code-help" className={field} />
        </div>
      ) : (
        <>
          <div>
            <label htmlFor="email" className="block font-medium">
              {t("email")}
            </label>
            <input id="email" name="email" type="email" autoComplete="username" dir="ltr" required className={field} />
          </div>
          <div>
            <label htmlFor="password" className="block font-medium">
              {t("password")}
            </label>
            <input id="password" name="password" type="password" autoComplete="current-password" required className={field} />
          </div>
        </>
      )}
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? t("submitting") : credentials ? t("confirmCode") : t("submit")}
      </button>
      {credentials ? (
        <button type="button" onClick={() => (setCredentials(null), setProblem(null))} className="min-h-11 w-full rounded-lg border border-slate-400 px-4 font-medium text-slate-800 hover:bg-slate-50">
          {t("startAgain")}
        </button>
      ) : null}
    </form>
  );
}
