import { createTranslator } from "use-intl/core";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/questions/nl.json";
import en from "@/lib/i18n/messages/questions/en.json";
import ar from "@/lib/i18n/messages/questions/ar.json";
import tr from "@/lib/i18n/messages/questions/tr.json";
import pl from "@/lib/i18n/messages/questions/pl.json";
import uk from "@/lib/i18n/messages/questions/uk.json";
import { firstInOneSms, type RenderedMessage } from "@/lib/notifications/templates";
import { isolateLtr } from "@/lib/i18n/bidi";

// "The mentor answered your question": in the guardian's language, by their
// channel. It never carries the answer (a text message or e-mail can be read by
// others): the answer waits in the portal, behind sign-in.

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export function renderAnswerNotice(
  locale: Locale,
  channel: AlertChannel,
  facts: { guardianName: string; pupilFirstName: string; mentorName: string; url: string },
): RenderedMessage {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "questionNotices" });
  const subject = t("subject", { pupil: facts.pupilFirstName });
  // A link does not fit in one SMS of 70 characters (Arabic, Turkish, Polish, Ukrainian): then the text says where to look.
  if (channel === "SMS") return { subject, text: firstInOneSms(t("sms", { pupil: facts.pupilFirstName, url: isolateLtr(locale, facts.url) }), t("smsWithoutLink", { pupil: facts.pupilFirstName })) };
  const text = [
    t("greeting", { name: facts.guardianName }), "",
    t("body", { mentor: facts.mentorName, pupil: facts.pupilFirstName }), "",
    t("link", { url: isolateLtr(locale, facts.url) }), "",
    t("signature"),
  ].join("\n");
  return { subject, text };
}
