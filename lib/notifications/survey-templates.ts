import { createTranslator } from "use-intl/core";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/surveys/nl.json";
import en from "@/lib/i18n/messages/surveys/en.json";
import ar from "@/lib/i18n/messages/surveys/ar.json";
import tr from "@/lib/i18n/messages/surveys/tr.json";
import pl from "@/lib/i18n/messages/surveys/pl.json";
import uk from "@/lib/i18n/messages/surveys/uk.json";
import { firstInOneSms, type RenderedMessage } from "@/lib/notifications/templates";
import { isolateLtr } from "@/lib/i18n/bidi";

// A survey invitation and its one reminder (issue 19), in the guardian's own
// language: the school's name, the survey's title (Dutch, as written), the last
// day and the link with the invitation token. A text message is one segment
// (the link where it fits, as with announcements); it never carries answers.

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export type SurveyMessageFacts = { school: string; title: string; closesOn: string; url: string };

export function renderSurveyMessage(locale: Locale, channel: AlertChannel, kind: "invitation" | "reminder", facts: SurveyMessageFacts): RenderedMessage {
  // Keys built from `kind`: typed loosely (the catalogue test checks every language has them).
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "surveys" }) as unknown as (key: string, values?: Record<string, string>) => string;
  const subject = t(`messages.${kind}.subject`, { title: facts.title });
  const url = isolateLtr(locale, facts.url);
  const closesOn = isolateLtr(locale, facts.closesOn);
  if (channel === "SMS") return { subject, text: firstInOneSms(t(`messages.${kind}.sms`, { url }), t(`messages.${kind}.smsWithoutLink`)) };
  const text = [
    t("messages.greeting"), "",
    t(`messages.${kind}.intro`, { school: facts.school }), "",
    "— — —", facts.title, "— — —", "",
    t("messages.anonymous"), "",
    t("messages.closes", { closesOn }), "",
    t("messages.link", { url }), "",
    t("messages.signature"),
  ].join("\n");
  return { subject, text };
}
