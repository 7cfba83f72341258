import { createTranslator } from "use-intl/core";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/announcements/nl.json";
import en from "@/lib/i18n/messages/announcements/en.json";
import ar from "@/lib/i18n/messages/announcements/ar.json";
import tr from "@/lib/i18n/messages/announcements/tr.json";
import pl from "@/lib/i18n/messages/announcements/pl.json";
import uk from "@/lib/i18n/messages/announcements/uk.json";
import { firstInOneSms, type RenderedMessage } from "@/lib/notifications/templates";
import { isolateLtr } from "@/lib/i18n/bidi";

// A class announcement as one guardian receives it (addressed to "parent or
// carer", like an absence alert): the frame in their own
// language, the school's own text (Dutch) inside it as written. A text message
// carries only a short note and the portal's address (one segment in Dutch
// and English), never the text itself.

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export function renderAnnouncement(
  locale: Locale,
  channel: AlertChannel,
  facts: { sender: string; classes: string; subject: string; body: string; url: string },
): RenderedMessage {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "announcementMessages" });
  const subject = t("subject", { subject: facts.subject });
  // A link does not fit in one SMS of 70 characters (Arabic, Turkish, Polish, Ukrainian): then the text says where to look.
  if (channel === "SMS") {
    const classes = isolateLtr(locale, facts.classes);
    return { subject, text: firstInOneSms(t("sms", { classes, url: isolateLtr(locale, facts.url) }), t("smsWithoutLink", { classes })) };
  }
  const text = [
    t("greeting"), "",
    t("intro", { sender: facts.sender, classes: isolateLtr(locale, facts.classes) }), "",
    "— — —", facts.subject, "", facts.body, "— — —", "",
    t("link", { url: isolateLtr(locale, facts.url) }), "",
    t("signature"),
  ].join("\n");
  return { subject, text };
}
