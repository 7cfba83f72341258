import { describe, expect, it } from "vitest";
import { renderSurveyMessage } from "@/lib/notifications/survey-templates";
import { smsSegments } from "@/lib/notifications/templates";
import { LOCALES } from "@/lib/i18n/config";

// A survey invitation and its reminder in the guardian's language: a text
// message is one segment in every language (the link where it fits) and an
// e-mail carries the title, the last day and the link with the invitation token.

const url = "https://portaal.schoolkompas.nl/parent/surveys/0b6f3c1e-8a52-4c7e-9d4f-2a1b3c4d5e6f";
const facts = { school: "Het Baken", title: "Wat vind jij van onze school?", closesOn: "2026-12-21", url };

describe("survey messages", () => {
  it.each(LOCALES)("an SMS in %s is one segment, for the invitation and the reminder", (locale) => {
    for (const kind of ["invitation", "reminder"] as const) {
      const sms = renderSurveyMessage(locale, "SMS", kind, facts);
      expect(smsSegments(sms.text), sms.text).toBe(1);
      if (locale === "nl" || locale === "en") expect(sms.text).toContain(url);
    }
  });

  it.each(LOCALES)("an e-mail in %s carries the title, the last day and the link", (locale) => {
    for (const kind of ["invitation", "reminder"] as const) {
      const mail = renderSurveyMessage(locale, "EMAIL", kind, facts);
      expect(mail.subject).toContain(facts.title);
      expect(mail.text).toContain(facts.title);
      expect(mail.text).toContain(url);
      expect(mail.text).toContain("2026-12-21");
      expect(mail.text).toContain("Het Baken");
    }
  });

  it("says the answers are anonymous, in plain Dutch", () => {
    const nl = renderSurveyMessage("nl", "EMAIL", "invitation", facts);
    expect(nl.text).toMatch(/^Beste ouder of verzorger,\n\nHet Baken wil graag weten/);
    expect(nl.text).toContain("Je antwoorden zijn anoniem.");
    expect(renderSurveyMessage("nl", "EMAIL", "reminder", facts).subject).toBe("Herinnering: Wat vind jij van onze school?");
  });
});
