import { getTranslations } from "next-intl/server";
import type { Verdict } from "@/lib/domain/schools/figures";

// Better/worse is said in words and shown with a shape; colour only adds to it.
const STYLE: Record<Verdict, { className: string; path: string }> = {
  BETTER: { className: "bg-brand-50 text-brand-700 ring-brand-600/30", path: "M6.5 11.2 3.3 8l-1.1 1.1 4.3 4.3 8-8-1.1-1.1z" },
  WORSE: { className: "bg-warn-50 text-warn-700 ring-warn-700/30", path: "M8 1 15 14H1L8 1Zm-.8 5v4h1.6V6H7.2Zm0 5v1.6h1.6V11H7.2Z" },
  SAME: { className: "bg-slate-100 text-slate-800 ring-slate-400/40", path: "M3 5.5h10v1.6H3zm0 3.4h10v1.6H3z" },
  HIGHER: { className: "bg-slate-100 text-slate-800 ring-slate-400/40", path: "M8 2.5 13 8h-3.2v5.5H6.2V8H3z" },
  LOWER: { className: "bg-slate-100 text-slate-800 ring-slate-400/40", path: "M8 13.5 3 8h3.2V2.5h3.6V8H13z" },
  NO_BENCHMARK: { className: "bg-white text-slate-700 ring-slate-300", path: "" },
};

export async function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = await getTranslations("schoolFigures");
  const { className, path } = STYLE[verdict];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${className}`}>
      {path ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 fill-current">
          <path d={path} />
        </svg>
      ) : null}
      {t(`verdicts.${verdict}`)}
    </span>
  );
}
