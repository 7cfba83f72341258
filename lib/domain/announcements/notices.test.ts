import { describe, expect, it } from "vitest";
import { renderAnnouncement } from "@/lib/domain/announcements/notices";
import { renderAnswerNotice } from "@/lib/domain/questions/notices";
import { smsSegments } from "@/lib/notifications/templates";
import { LOCALES } from "@/lib/i18n/config";

// The frame is in the guardian's language; a text message is one segment in
// every language (with the portal's address where it fits: in Dutch and
// English) and never carries the school's text or the mentor's answer.

const url = "https://portaal.schoolkompas.nl/parent/announcements";
const facts = { sender: "Marieke Jansen", classes: "2A, 2B", subject: "Excursie", body: "We gaan naar het museum. <b>Lunch</b> mee.", url };

describe("class announcement messages", () => {
  it.each(LOCALES)("an SMS in %s is one segment, without the school's text; the link where it fits", (locale) => {
    const sms = renderAnnouncement(locale, "SMS", { ...facts, classes: "H4a, H4b, H4c" });
    expect(smsSegments(sms.text), sms.text).toBe(1);
    expect(sms.text).toContain("H4a, H4b, H4c");
    expect(sms.text).not.toContain("museum");
    if (locale === "nl" || locale === "en") expect(sms.text).toContain(url);
    else expect(sms.text).not.toContain("https://");
  });

  it("an e-mail carries the school's text as written inside a frame in the guardian's language", () => {
    const ar = renderAnnouncement("ar", "EMAIL", facts);
    expect(ar.text).toContain("We gaan naar het museum. <b>Lunch</b> mee.");
    expect(ar.text.split("\n")[0]).toBe("عزيزي الوالد أو الوصي،");
    expect(ar.subject).toContain("Excursie");
    expect(renderAnnouncement("nl", "EMAIL", facts).text).toMatch(/^Beste ouder of verzorger,\n\nMarieke Jansen stuurt dit bericht aan de ouders van klas 2A, 2B\./);
  });
});

describe("the notice of an answer", () => {
  it("says an answer is waiting, with the link, in the guardian's language; an SMS is one segment in Dutch", () => {
    const f = { guardianName: "Sanne Visser", pupilFirstName: "Daan", mentorName: "Marieke Jansen", url: "https://portaal.schoolkompas.nl/parent/questions/cm4abcdefghijklmnopqrstuv" };
    const sms = renderAnswerNotice("nl", "SMS", f);
    expect(smsSegments(sms.text)).toBe(1);
    expect(sms.text).toContain(f.url);
    for (const locale of LOCALES) {
      const text = renderAnswerNotice(locale, "SMS", { ...f, pupilFirstName: "Maximiliaan-Alexander" }).text;
      expect(smsSegments(text), text).toBe(1);
      expect(text).toContain("Maximiliaan-Alexander");
    }
    const mail = renderAnswerNotice("en", "EMAIL", f);
    expect(mail.subject).toBe("Answer from the mentor about Daan");
    expect(mail.text).toContain("Dear Sanne Visser,");
    expect(renderAnswerNotice("ar", "EMAIL", f).text).toContain(f.url);
  });
});
