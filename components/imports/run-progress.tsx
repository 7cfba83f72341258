"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

type Progress = { status: string; done: number; total: number };
type Props = { url: string; initial: Progress };

const POLL_MS = 2500;

/**
 * The progress bar of a running import: one small request every 2.5 seconds
 * (never more), and when the status changes the page is rendered again with
 * the result. Leaving and coming back simply starts polling again.
 */
export function RunProgress({ url, initial }: Props) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
        if (response.ok) {
          const next = (await response.json()) as Progress;
          if (stopped) return;
          setProgress(next);
          if (next.status !== initial.status) {
            router.refresh();
            return;
          }
        }
      } catch {
        /* offline for a moment: try again at the next tick */
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, initial.status, router]);

  const writing = progress.status === "APPLYING" && progress.total > 0;
  const label = progress.total === 0 ? t("progressWaiting") : writing ? t("progressWriting", { done: String(progress.done), total: String(progress.total) }) : t("progressChecking", { done: String(progress.done), total: String(progress.total) });
  return (
    <div className="rounded-xl border border-brand-100 bg-brand-50 p-4">
      <label htmlFor="run-progress" className="block font-medium" aria-live="polite">{label}</label>
      {progress.total > 0 ? (
        <progress id="run-progress" max={progress.total} value={progress.done} className="mt-2 block h-3 w-full" />
      ) : (
        <progress id="run-progress" className="mt-2 block h-3 w-full" />
      )}
      <p className="mt-2 text-sm text-slate-700">{t("leaveNote")}</p>
    </div>
  );
}
