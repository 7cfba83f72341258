import { getTranslations } from "next-intl/server";
import type { Verdict } from "@/lib/domain/schools/figures";

// Better/worse is said in words and shown with a shape; colour only adds to it.
// The shape is drawn by CSS (`.verdict-*` in app/globals.css), not an inline
// SVG: this badge is on every figure of a cached page, and each inline icon
// was repeated in the markup and again in the RSC payload.
const CLASS: Record<Verdict, string> = {
  BETTER: "verdict verdict-better",
  WORSE: "verdict verdict-worse",
  SAME: "verdict verdict-same",
  HIGHER: "verdict verdict-higher",
  LOWER: "verdict verdict-lower",
  NO_BENCHMARK: "verdict verdict-none",
};

export async function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = await getTranslations("schoolFigures");
  return <span className={CLASS[verdict]}>{t(`verdicts.${verdict}`)}</span>;
}
