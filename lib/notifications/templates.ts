import { createTranslator } from "use-intl/core";
import type { AbsenceKind, AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/notifications/nl.json";
import en from "@/lib/i18n/messages/notifications/en.json";
import ar from "@/lib/i18n/messages/notifications/ar.json";
import tr from "@/lib/i18n/messages/notifications/tr.json";
import pl from "@/lib/i18n/messages/notifications/pl.json";
import uk from "@/lib/i18n/messages/notifications/uk.json";
import { INTL_TAGS } from "@/lib/i18n/config";
import { isolateLtr } from "@/lib/i18n/bidi";

// Message texts for absence alerts, in the guardian's own language. Plain
// language (B1), the facts and whom to call; a text message carries no
// reasons and no grades, and fits in one SMS. Phone numbers, addresses and
// the mentor's hours are isolated in right-to-left languages (lib/i18n/bidi.ts).

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export type AlertRecord = { lessonHour: number | null; kind: AbsenceKind; minutes: number };

export type AlertFacts = {
  pupilFirstName: string;
  date: Date;
  records: readonly AlertRecord[];
  mentor: { name: string; contactHours: string | null } | null;
  schoolPhone: string | null;
  settingsUrl: string;
};

export type RenderedMessage = { subject: string; text: string };

type Situation = "absent" | "late" | "both";

function situationOf(records: readonly AlertRecord[]): Situation | null {
  const absent = records.some((r) => r.kind === "UNAUTHORISED");
  const late = records.some((r) => r.kind === "LATE");
  if (absent && late) return "both";
  if (late) return "late";
  if (absent) return "absent";
  return null;
}

/** Consecutive lesson hours folded into ranges: [3,4,5,7] → [[3,5],[7,7]]. */
export function lessonRanges(hours: readonly number[]): [number, number][] {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const h of sorted) {
    const last = ranges.at(-1);
    if (last && h === last[1] + 1) last[1] = h;
    else ranges.push([h, h]);
  }
  return ranges;
}

function translator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: "notifications.alert" });
}

function formatDate(locale: Locale, date: Date, style: "long" | "short"): string {
  // @db.Date values are UTC midnight: format them as calendar dates. The short
  // form is written out so no direction marks add to a text message's length.
  if (style === "short") return `${date.getUTCDate()}${locale === "en" ? "/" : "-"}${date.getUTCMonth() + 1}`;
  const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", timeZone: "UTC", numberingSystem: "latn" };
  return new Intl.DateTimeFormat(INTL_TAGS[locale], options).format(date);
}

/** Null when nothing is left to tell (the records were corrected to another kind). */
export function renderAlert(locale: Locale, channel: AlertChannel, facts: AlertFacts): RenderedMessage | null {
  const situation = situationOf(facts.records);
  if (!situation) return null;
  const t = translator(locale);
  const name = facts.pupilFirstName;
  const subject = t("subject", { situation, name });
  if (channel === "SMS") {
    const text = t("sms", { situation, name, date: formatDate(locale, facts.date, "short"), phone: isolateLtr(locale, facts.schoolPhone ?? "") });
    return { subject, text };
  }
  const lessons = (kind: AbsenceKind) =>
    lessonRanges(facts.records.filter((r) => r.kind === kind && r.lessonHour !== null).map((r) => r.lessonHour!))
      .map(([from, to]) => (from === to ? t("lessonOne", { from }) : t("lessonRange", { from, to })))
      .join(", ");
  const lines = [t("greeting"), "", t("intro", { situation, name, date: formatDate(locale, facts.date, "long") }), ""];
  const unauthorised = lessons("UNAUTHORISED");
  if (unauthorised) lines.push(`- ${t("unauthorised", { lessons: unauthorised })}`);
  const lateMinutes = facts.records.filter((r) => r.kind === "LATE").reduce((sum, r) => sum + r.minutes, 0);
  if (situation !== "absent") lines.push(`- ${t("late", { lessons: lessons("LATE") || "-", minutes: lateMinutes })}`);
  lines.push("", t("whatToDo"));
  if (facts.mentor) {
    lines.push(t("mentor", { name: facts.mentor.name }));
    if (facts.mentor.contactHours) lines.push(t("mentorHours", { hours: isolateLtr(locale, facts.mentor.contactHours) }));
  }
  if (facts.schoolPhone) lines.push(t("schoolPhone", { phone: isolateLtr(locale, facts.schoolPhone) }));
  lines.push("", t("why", { name }), t("settings", { url: isolateLtr(locale, facts.settingsUrl) }));
  return { subject, text: lines.join("\n") };
}

// GSM 03.38 basic set: a message in it fits 160 characters per SMS; anything
// else (Arabic) is sent as UCS-2 with 70 per SMS.
const GSM7 = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);

/** The first text that fits in one SMS (e.g. with the link, then without it); the last one otherwise. */
export function firstInOneSms(...texts: string[]): string {
  return texts.find((text) => smsSegments(text) === 1) ?? texts[texts.length - 1];
}

export function smsSegments(text: string): number {
  const gsm = [...text].every((c) => GSM7.has(c));
  const length = [...text].length;
  if (gsm) return length <= 160 ? 1 : Math.ceil(length / 153);
  return length <= 70 ? 1 : Math.ceil(length / 67);
}
