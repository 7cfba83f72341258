import { describe, expect, it } from "vitest";
import { lessonRanges, renderAlert, smsSegments, type AlertFacts } from "@/lib/notifications/templates";
import { LOCALES } from "@/lib/i18n/config";

const facts = (records: AlertFacts["records"]): AlertFacts => ({
  pupilFirstName: "Noor",
  date: new Date(Date.UTC(2026, 10, 23)),
  records,
  mentor: { name: "Mevrouw De Vries", contactHours: "di en do 8:00-8:20" },
  schoolPhone: "010-4567890",
  settingsUrl: "https://portal.example/parent/settings",
});
const absent = facts([3, 4, 5].map((h) => ({ lessonHour: h, kind: "UNAUTHORISED" as const, minutes: 50 })));
const late = facts([{ lessonHour: 1, kind: "LATE", minutes: 12 }]);
const both = facts([{ lessonHour: 1, kind: "LATE", minutes: 12 }, { lessonHour: 6, kind: "UNAUTHORISED", minutes: 50 }]);

describe("lessonRanges", () => {
  it.each([
    [[], []],
    [[3], [[3, 3]]],
    [[5, 3, 4], [[3, 5]]],
    [[1, 2, 4, 6, 7], [[1, 2], [4, 4], [6, 7]]],
    [[2, 2, 3], [[2, 3]]],
  ])("%j → %j", (hours, ranges) => expect(lessonRanges(hours)).toEqual(ranges));
});

describe("renderAlert", () => {
  it("writes the Dutch e-mail with the facts and whom to contact", () => {
    const m = renderAlert("nl", "EMAIL", absent)!;
    expect(m.subject).toBe("Noor was niet op school");
    expect(m.text).toContain("Noor was op maandag 23 november niet op school.");
    expect(m.text).toContain("les 3 tot en met 5");
    expect(m.text).toContain("Mentor: Mevrouw De Vries");
    expect(m.text).toContain("Bereikbaar: di en do 8:00-8:20");
    expect(m.text).toContain("010-4567890");
    expect(m.text).toContain("https://portal.example/parent/settings");
  });

  it("writes Arabic for an Arabic-speaking guardian, with Latin digits", () => {
    const m = renderAlert("ar", "EMAIL", absent)!;
    expect(m.subject).toBe("لم يحضر Noor إلى المدرسة");
    expect(m.text).toContain("الحصص من 3 إلى 5");
    expect(m.text).toMatch(/23/);
    expect(m.text).not.toMatch(/[٠-٩]/);
  });

  it("tells late arrivals with their minutes, and both together", () => {
    expect(renderAlert("nl", "EMAIL", late)!.text).toContain("Te laat: les 1, 12 minuten");
    expect(renderAlert("en", "EMAIL", both)!.subject).toBe("Noor was late and missed lessons");
    expect(renderAlert("en", "EMAIL", both)!.text).toContain("Not at school, without permission: lesson 6");
  });

  it("has nothing to say when the day holds no alert kinds any more", () => {
    expect(renderAlert("nl", "EMAIL", facts([{ lessonHour: 2, kind: "SICK", minutes: 50 }]))).toBeNull();
    expect(renderAlert("nl", "SMS", facts([]))).toBeNull();
  });

  it.each(LOCALES)("keeps a %s text message to one SMS, without reasons or mentor details", (locale) => {
    for (const f of [absent, late, both]) {
      const long = { ...f, pupilFirstName: "Maximiliaan-Alexander" };
      const text = renderAlert(locale, "SMS", long)!.text;
      expect(smsSegments(text), text).toBe(1);
      expect(text).toContain("010-4567890");
      expect(text).not.toContain("Mevrouw");
    }
  });
});

describe("smsSegments", () => {
  it.each([
    ["a".repeat(160), 1],
    ["a".repeat(161), 2],
    ["ب".repeat(70), 1],
    ["ب".repeat(71), 2],
    ["é".repeat(160), 1],
    ["€", 1],
  ])("counts %#", (text, segments) => expect(smsSegments(text)).toBe(segments));
});

describe("mixed-direction text (issue 18)", () => {
  const LRI = "\u2066";
  const PDI = "\u2069";
  const spaced = { ...absent, schoolPhone: "055-958 26 73" };

  it("isolates the phone number, the mentor's hours and the address in an Arabic e-mail", () => {
    const text = renderAlert("ar", "EMAIL", spaced)!.text;
    expect(text).toContain(`${LRI}055-958 26 73${PDI}`);
    expect(text).toContain(`${LRI}di en do 8:00-8:20${PDI}`);
    expect(text).toContain(`${LRI}https://portal.example/parent/settings${PDI}`);
  });

  it("isolates the phone number in an Arabic text message and still sends one segment, with a long first name", () => {
    for (const f of [absent, late, both]) {
      const text = renderAlert("ar", "SMS", { ...f, schoolPhone: "055-958 26 73", pupilFirstName: "Maximiliaan-Alexander" })!.text;
      expect(text).toContain(`${LRI}055-958 26 73${PDI}`);
      expect(smsSegments(text), text).toBe(1);
    }
  });

  it.each(["nl", "en"] as const)("adds no invisible characters to %s messages", (locale) => {
    for (const channel of ["EMAIL", "SMS"] as const) {
      const text = renderAlert(locale, channel, spaced)!.text;
      expect(text).toContain("055-958 26 73");
      expect(text).not.toMatch(/[\u2066-\u2069]/);
    }
  });
});
