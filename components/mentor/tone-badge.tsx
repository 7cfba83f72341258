import { getTranslations } from "next-intl/server";
import type { Tone } from "@/lib/generated/prisma/enums";

const CLASS: Record<Tone, string> = { POSITIVE: "tone tone-positive", NEUTRAL: "tone tone-neutral", CONCERN: "tone tone-concern" };
const ICON: Record<Tone, string> = { POSITIVE: "▲", NEUTRAL: "●", CONCERN: "▼" };

/** Tone as word and symbol, not colour alone; `label` is the translated tone. */
export function ToneLabel({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className={CLASS[tone]}>
      <span aria-hidden="true">{ICON[tone]}</span>
      {label}
    </span>
  );
}

export async function ToneBadge({ tone }: { tone: Tone }) {
  const t = await getTranslations("tones");
  return <ToneLabel tone={tone} label={t(tone)} />;
}
