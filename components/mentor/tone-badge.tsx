import { getTranslations } from "next-intl/server";
import type { Tone } from "@/lib/generated/prisma/enums";

const STYLE: Record<Tone, { className: string; icon: string }> = {
  POSITIVE: { className: "bg-emerald-50 text-emerald-800 border-emerald-200", icon: "▲" },
  NEUTRAL: { className: "bg-slate-50 text-slate-700 border-slate-200", icon: "●" },
  CONCERN: { className: "bg-warn-50 text-warn-700 border-orange-200", icon: "▼" },
};

/** Tone as word and symbol, not colour alone. */
export async function ToneBadge({ tone }: { tone: Tone }) {
  const t = await getTranslations("tones");
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${STYLE[tone].className}`}>
      <span aria-hidden="true">{STYLE[tone].icon}</span>
      {t(tone)}
    </span>
  );
}
