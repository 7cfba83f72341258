"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";

// The one client-side use of next-auth: its sign-in call fetches the CSRF token
// and posts the credentials. Everything else about sessions is server-side.
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<"failed" | "unavailable" | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(next);
        return;
      }
      setError(result?.status === 401 || result?.error ? "failed" : "unavailable");
    } catch {
      setError("unavailable");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="rounded-lg border border-warn-700 bg-warn-50 p-3 text-warn-700">
          {t(error)}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
