import { createTranslator } from "use-intl/core";
import type { InformationCategory, Locale } from "@/lib/generated/prisma/enums";
import nl from "@/lib/i18n/messages/guardianRights/nl.json";
import en from "@/lib/i18n/messages/guardianRights/en.json";
import ar from "@/lib/i18n/messages/guardianRights/ar.json";
import tr from "@/lib/i18n/messages/guardianRights/tr.json";
import pl from "@/lib/i18n/messages/guardianRights/pl.json";
import uk from "@/lib/i18n/messages/guardianRights/uk.json";
import type { RenderedMessage } from "@/lib/notifications/templates";
import { INTL_TAGS } from "@/lib/i18n/config";

// Notices to a guardian about their own rights (decisions 0022, 0023), in the
// guardian's own language, plain (B1). Written when queued: each tells of one
// event. They never carry results, absences or a pupil's reasons.

const CATALOGUES = { nl, en, ar, tr, pl, uk } as const;

export type ConsentChangeKind = "consentGranted" | "consentWithdrawn" | "reasonsShared" | "reasonsHidden";

function translator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: "rightsNotices" });
}

/** A calendar day (UTC midnight) written out, with Latin digits in every language (decision 0003). */
export function formatDay(locale: Locale, day: Date): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC", numberingSystem: "latn" }).format(day);
}

/** "cijfers en afwezigheid": the categories as the guardian's language lists them. */
export function categoryList(locale: Locale, categories: readonly InformationCategory[]): string {
  const names = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "informationCategories" });
  return new Intl.ListFormat(INTL_TAGS[locale], { type: "conjunction" }).format(categories.map((c) => names(c)));
}

/**
 * A pupil granted or withdrew their consent (18+, or ahead of the 18th
 * birthday `aheadOf`), or shared or hid the reasons they give for absence.
 */
export function renderConsentNotice(
  locale: Locale,
  facts: { guardianName: string; pupilFirstName: string; change: ConsentChangeKind; aheadOf: Date | null },
): RenderedMessage {
  const t = translator(locale);
  const pupil = facts.pupilFirstName;
  const body =
    facts.change === "consentGranted" || facts.change === "consentWithdrawn"
      ? facts.aheadOf
        ? t(`${facts.change}.ahead`, { pupil, date: formatDay(locale, facts.aheadOf) })
        : t(`${facts.change}.now`, { pupil })
      : t(`${facts.change}.body`, { pupil });
  const lines = [t("greeting", { name: facts.guardianName }), "", body, "", t("talk", { pupil }), "", t("signature")];
  return { subject: t(`${facts.change}.subject`, { pupil }), text: lines.join("\n") };
}

/** The school decided a guardian's request for information (art. 1:377c BW). */
export function renderInformationDecision(
  locale: Locale,
  facts: { guardianName: string; pupilFirstName: string } & (
    | { outcome: "granted"; categories: readonly InformationCategory[]; until: Date | null }
    | { outcome: "refused"; reason: string }
  ),
): RenderedMessage {
  const t = translator(locale);
  const pupil = facts.pupilFirstName;
  const lines = [t("greeting", { name: facts.guardianName }), ""];
  if (facts.outcome === "granted") {
    lines.push(t("informationGranted.body", {
      pupil, categories: categoryList(locale, facts.categories),
      hasUntil: facts.until ? "yes" : "no", until: facts.until ? formatDay(locale, facts.until) : "",
    }));
  } else {
    lines.push(t("informationRefused.body", { pupil }), facts.reason, "", t("informationRefused.again"));
  }
  lines.push("", t("signature"));
  const subject = facts.outcome === "granted" ? t("informationGranted.subject", { pupil }) : t("informationRefused.subject", { pupil });
  return { subject, text: lines.join("\n") };
}
