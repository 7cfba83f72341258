import { createTranslator } from "use-intl/core";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/conferences/nl.json";
import en from "@/lib/i18n/messages/conferences/en.json";
import ar from "@/lib/i18n/messages/conferences/ar.json";
import tr from "@/lib/i18n/messages/conferences/tr.json";
import pl from "@/lib/i18n/messages/conferences/pl.json";
import uk from "@/lib/i18n/messages/conferences/uk.json";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";
import type { RenderedMessage } from "@/lib/notifications/templates";
import { INTL_TAGS } from "@/lib/i18n/config";
import { isolateLtr } from "@/lib/i18n/bidi";

// The conference reminder (issue 16), in the guardian's own language, plain
// (B1), Latin digits in every language (decision 0003). A text message is one
// segment: no host name or room, only when and about whom.

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export type ReminderFacts = {
  guardianName: string;
  pupilFirstName: string;
  hostName: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  interpreterLanguage: string | null;
  childcare: boolean;
  portalUrl: string;
};

function format(locale: Locale, moment: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { ...options, timeZone: SCHOOL_TIME_ZONE, numberingSystem: "latn" }).format(moment);
}

export const reminderDate = (locale: Locale, moment: Date) => format(locale, moment, { weekday: "long", day: "numeric", month: "long" });
export const reminderTime = (locale: Locale, moment: Date) => format(locale, moment, { hour: "2-digit", minute: "2-digit", hour12: false });

export function renderConferenceReminder(locale: Locale, channel: AlertChannel, facts: ReminderFacts): RenderedMessage {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "conferenceReminder" });
  const pupil = facts.pupilFirstName;
  const time = reminderTime(locale, facts.startsAt);
  if (channel === "SMS") {
    const day = format(locale, facts.startsAt, { day: "numeric", month: "numeric" });
    return { subject: t("subject", { pupil }), text: t("sms", { pupil, day, time }) };
  }
  const languages = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "conferenceLanguages" });
  const lines = [
    t("greeting", { name: facts.guardianName }),
    "",
    t("intro", { pupil, host: facts.hostName }),
    t("when", { date: reminderDate(locale, facts.startsAt), time, end: reminderTime(locale, facts.endsAt) }),
  ];
  if (facts.location) lines.push(t("where", { location: isolateLtr(locale, facts.location) }));
  if (facts.interpreterLanguage) {
    const known = (CATALOGUES[locale].conferenceLanguages as Record<string, string>)[facts.interpreterLanguage];
    lines.push(t("interpreter", { language: known ? languages(facts.interpreterLanguage as never) : facts.interpreterLanguage }));
  }
  if (facts.childcare) lines.push(t("childcare"));
  lines.push("", t("change", { url: isolateLtr(locale, facts.portalUrl) }), "", t("signature"));
  return { subject: t("subject", { pupil }), text: lines.join("\n") };
}
