"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { TokenState } from "@/lib/auth/account-tokens";

/** The clear page for a link that cannot be used: what happened and what to do now. */
export function UnusableLink({ state }: { state: Exclude<TokenState, "valid"> }) {
  const t = useTranslations("setPassword");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [state]);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="unusable-title" className="mt-6 rounded-lg border-2 border-warn-700 bg-warn-50 p-4 text-warn-700 focus:outline-none">
      <h2 id="unusable-title" className="text-lg font-semibold">{t(`unusable.${state}.title`)}</h2>
      <p className="mt-2 text-slate-800">{t(`unusable.${state}.body`)}</p>
      {state === "blocked" ? null : (
        <p className="mt-3 flex flex-wrap gap-4">
          <Link href="/forgot-password" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("newLink")}</Link>
          <Link href="/login" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("toLogin")}</Link>
        </p>
      )}
    </div>
  );
}
