import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/generated/prisma/enums";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";
import nl from "@/lib/i18n/messages/notifications/nl.json";
import en from "@/lib/i18n/messages/notifications/en.json";
import ar from "@/lib/i18n/messages/notifications/ar.json";
import tr from "@/lib/i18n/messages/notifications/tr.json";
import pl from "@/lib/i18n/messages/notifications/pl.json";
import uk from "@/lib/i18n/messages/notifications/uk.json";
import type { RenderedMessage } from "@/lib/notifications/templates";
import { INTL_TAGS } from "@/lib/i18n/config";
import { isolateLtr } from "@/lib/i18n/bidi";

// Account e-mails: an invitation to choose a first password, and a link to
// choose a new one. Plain language (B1), in the recipient's own language.
// The link is the only secret in them; the copy kept in the outbox is written
// with the link left out (renderAccountMail(…, { link: null })).

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export type AccountMailFacts = {
  kind: "INVITATION" | "PASSWORD_RESET";
  name: string;
  email: string;
  schoolName: string | null;
  audience: "guardian" | "staff";
  /** The set-password address with the token, or null for the stored copy. */
  link: string | null;
  validUntil: Date;
};

function formatUntil(locale: Locale, at: Date, withDay: boolean): string {
  const options: Intl.DateTimeFormatOptions = withDay
    ? { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { ...options, timeZone: SCHOOL_TIME_ZONE, numberingSystem: "latn" }).format(at);
}

export function renderAccountMail(locale: Locale, facts: AccountMailFacts): RenderedMessage {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "notifications" });
  // The link stands on a line of its own: an isolate would only risk being copied along with it.
  const link = facts.link ?? t("linkLeftOut");
  if (facts.kind === "PASSWORD_RESET") {
    const lines = [
      t("passwordReset.greeting", { name: facts.name }), "",
      t("passwordReset.intro"), link, "",
      t("passwordReset.validity", { until: formatUntil(locale, facts.validUntil, false) }), "",
      t("passwordReset.ignore"),
    ];
    return { subject: t("passwordReset.subject"), text: lines.join("\n") };
  }
  const school = { hasSchool: facts.schoolName ? "yes" : "no", school: facts.schoolName ?? "" };
  const lines = [
    t("invitation.greeting", { name: facts.name }), "",
    t("invitation.intro", { ...school, audience: facts.audience }), "",
    t("invitation.action"), link, "",
    t("invitation.validity", { until: formatUntil(locale, facts.validUntil, true) }),
    t("invitation.username", { email: isolateLtr(locale, facts.email) }), "",
    t("invitation.ignore"),
  ];
  return { subject: t("invitation.subject", school), text: lines.join("\n") };
}
