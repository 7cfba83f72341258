import { describe, expect, it } from "vitest";
import { renderAnnouncement } from "@/lib/domain/announcements/notices";
import { renderAnswerNotice } from "@/lib/domain/questions/notices";
import { renderAccountMail } from "@/lib/notifications/account-templates";
import { renderConferenceReminder } from "@/lib/notifications/conference-templates";
import { LRI, PDI } from "@/lib/i18n/bidi";

// Issue 18: left-to-right values inside Arabic messages are isolated
// (lib/i18n/bidi.ts); Dutch and English messages get no invisible characters.

const iso = (value: string) => `${LRI}${value}${PDI}`;
const invisible = /[\u2066-\u2069]/;
const url = "https://portaal.schoolkompas.nl/parent/announcements";

describe("Arabic notification templates isolate left-to-right values", () => {
  it("a class announcement: the class codes and the portal's address", () => {
    const facts = { sender: "Marieke Jansen", classes: "2B, H4a", subject: "Excursie", body: "Tekst", url };
    for (const channel of ["EMAIL", "SMS"] as const) {
      const text = renderAnnouncement("ar", channel, facts).text;
      expect(text).toContain(iso("2B, H4a"));
      // An Arabic SMS (70 characters) has no room for the address: it says to look in the portal.
      if (channel === "EMAIL") expect(text).toContain(iso(url));
      else expect(text).not.toContain(url);
      expect(renderAnnouncement("nl", channel, facts).text).not.toMatch(invisible);
    }
  });

  it("the notice of an answer: the address", () => {
    const f = { guardianName: "Sanne Visser", pupilFirstName: "Daan", mentorName: "Marieke Jansen", url };
    expect(renderAnswerNotice("ar", "EMAIL", f).text).toContain(iso(url));
    expect(renderAnswerNotice("ar", "SMS", f).text).not.toContain(url);
    expect(renderAnswerNotice("en", "SMS", f).text).not.toMatch(invisible);
  });

  it("a conference reminder: the room and the address", () => {
    const facts = {
      guardianName: "Sanne", pupilFirstName: "Daan", hostName: "Marieke Jansen", startsAt: new Date("2026-12-08T18:30:00Z"), endsAt: new Date("2026-12-08T18:40:00Z"),
      location: "Lokaal 1.14", interpreterLanguage: null, childcare: false, portalUrl: "https://portaal.schoolkompas.nl/parent/conferences",
    };
    const text = renderConferenceReminder("ar", "EMAIL", facts).text;
    expect(text).toContain(iso("Lokaal 1.14"));
    expect(text).toContain(iso(facts.portalUrl));
    expect(renderConferenceReminder("nl", "EMAIL", facts).text).not.toMatch(invisible);
  });

  it("an invitation: the e-mail address to sign in with, and the link left as it is on its own line", () => {
    const facts = { kind: "INVITATION" as const, name: "Sanne", email: "s.visser@example.nl", schoolName: "Het Lyceum", audience: "guardian" as const, link: "https://portaal.schoolkompas.nl/set-password#abc", validUntil: new Date("2026-12-20T12:00:00Z") };
    const text = renderAccountMail("ar", facts).text;
    expect(text).toContain(iso("s.visser@example.nl"));
    expect(text.split("\n")).toContain(facts.link);
    expect(renderAccountMail("nl", facts).text).not.toMatch(invisible);
  });
});
