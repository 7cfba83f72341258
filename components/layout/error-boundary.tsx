"use client";

import { useErrorTexts } from "@/components/layout/error-texts";

export function ErrorBoundary({ reset }: { error: Error; reset: () => void }) {
  const t = useErrorTexts();
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      {/* Error boundaries cannot export metadata: React puts this title in the head (issue 18). */}
      <title>{t.pageTitle}</title>
      <h1 className="text-2xl font-semibold">{t.genericTitle}</h1>
      <p className="mt-4 text-slate-700">{t.genericBody}</p>
      <button type="button" onClick={reset} className="mt-8 rounded-lg bg-brand-600 px-5 py-3 font-medium text-white">
        {t.retry}
      </button>
    </main>
  );
}
