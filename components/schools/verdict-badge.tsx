import { getTranslations } from "next-intl/server";
import type { Verdict } from "@/lib/domain/schools/figures";

// Better/worse is said in words and shown with a shape; colour only adds to it.
// The classes are in app/globals.css (short names: this badge is on every figure).
const STYLE: Record<Verdict, { className: string; path: string }> = {
  BETTER: { className: "verdict-better", path: "M6.5 11.2 3.3 8l-1.1 1.1 4.3 4.3 8-8-1.1-1.1z" },
  WORSE: { className: "verdict-worse", path: "M8 1 15 14H1L8 1Zm-.8 5v4h1.6V6H7.2Zm0 5v1.6h1.6V11H7.2Z" },
  SAME: { className: "verdict-neutral", path: "M3 5.5h10v1.6H3zm0 3.4h10v1.6H3z" },
  HIGHER: { className: "verdict-neutral", path: "M8 2.5 13 8h-3.2v5.5H6.2V8H3z" },
  LOWER: { className: "verdict-neutral", path: "M8 13.5 3 8h3.2V2.5h3.6V8H13z" },
  NO_BENCHMARK: { className: "verdict-none", path: "" },
};

export async function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = await getTranslations("schoolFigures");
  const { className, path } = STYLE[verdict];
  return (
    <span className={`verdict ${className}`}>
      {path ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="icon-4">
          <path d={path} />
        </svg>
      ) : null}
      {t(`verdicts.${verdict}`)}
    </span>
  );
}
