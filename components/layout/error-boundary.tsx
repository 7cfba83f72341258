"use client";

import { useEffect, useState } from "react";
import { useErrorTexts } from "@/components/layout/error-texts";
import { UNAVAILABLE_DIGEST } from "@/lib/http/unavailable-digest";

/**
 * The page failed. When the database is away (the error says so, or the
 * readiness check answers 503) the calm "even niet bereikbaar" text, with a
 * button that loads the page again; otherwise the generic text (issue 21).
 */
export function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = useErrorTexts();
  const digestSaysAway = error.digest === UNAVAILABLE_DIGEST;
  const [away, setAway] = useState(digestSaysAway || texts.away);
  const t = away
    ? { pageTitle: texts.unavailable.pageTitle, genericTitle: texts.unavailable.title, genericBody: texts.unavailable.body, retry: texts.unavailable.retry }
    : texts;
  useEffect(() => {
    if (digestSaysAway) return;
    let live = true;
    // The browser only sees a digest; the readiness check knows whether the database answers now.
    fetch("/api/ready", { cache: "no-store" })
      .then((response) => live && setAway(response.status === 503))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [digestSaysAway]);
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center" data-state={away ? "unavailable" : "error"}>
      {/* Error boundaries cannot export metadata: React puts this title in the head (issue 18). */}
      <title>{t.pageTitle}</title>
      <h1 className="text-2xl font-semibold">{t.genericTitle}</h1>
      <p className="mt-4 text-slate-700">{t.genericBody}</p>
      <button
        type="button"
        // Away: the page must come from the server again; otherwise React tries the segment again.
        onClick={away ? () => window.location.reload() : reset}
        className="mt-8 rounded-lg bg-brand-600 px-5 py-3 font-medium text-white"
      >
        {t.retry}
      </button>
    </main>
  );
}
