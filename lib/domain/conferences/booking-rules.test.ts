import { describe, expect, it } from "vitest";
import { backToBack, eveningOf, householdKey, nearestSlots, reminderSendAfter, windowOpen } from "@/lib/domain/conferences/booking-rules";
import { renderConferenceReminder } from "@/lib/notifications/conference-templates";
import { smsSegments } from "@/lib/notifications/templates";
import { LOCALES } from "@/lib/i18n/config";

const at = (iso: string) => new Date(iso);
const slot = (id: string, start: string, minutes = 10) => ({ id, startsAt: at(start), endsAt: new Date(at(start).getTime() + minutes * 60_000) });
const quiet = { start: "21:00", end: "07:30" };

describe("householdKey", () => {
  it("is one key per child and host in a shared round, else the household or the guardian", () => {
    expect(householdKey("SHARED", { household: "A" }, "g1")).toBe("");
    expect(householdKey("SEPARATE", { household: "A" }, "g1")).toBe("h:A");
    expect(householdKey("SEPARATE", { household: " A " }, "g2")).toBe("h:A");
    expect(householdKey("SEPARATE", { household: null }, "g1")).toBe("g:g1");
    expect(householdKey("SEPARATE", { household: "  " }, "g1")).toBe("g:g1");
  });
});

describe("windowOpen", () => {
  const round = { bookingOpensAt: at("2026-12-04T08:00:00Z"), bookingClosesAt: at("2026-12-09T11:00:00Z") };
  it("opens at bookingOpensAt and closes at bookingClosesAt (exclusive)", () => {
    expect(windowOpen(round, at("2026-12-04T07:59:59Z"))).toBe(false);
    expect(windowOpen(round, at("2026-12-04T08:00:00Z"))).toBe(true);
    expect(windowOpen(round, at("2026-12-09T10:59:59Z"))).toBe(true);
    expect(windowOpen(round, at("2026-12-09T11:00:00Z"))).toBe(false);
  });
});

describe("reminderSendAfter", () => {
  it("is 18:00 Dutch time the calendar day before, in winter and in summer", () => {
    expect(reminderSendAfter(at("2026-12-10T17:30:00Z"), at("2026-12-01T10:00:00Z"), "EMAIL", quiet).toISOString()).toBe("2026-12-09T17:00:00.000Z");
    expect(reminderSendAfter(at("2026-06-10T16:30:00Z"), at("2026-06-01T10:00:00Z"), "EMAIL", quiet).toISOString()).toBe("2026-06-09T16:00:00.000Z");
  });
  it("counts the Dutch day: a conversation at 00:30 Dutch time is reminded the evening before that day", () => {
    // 00:30 on 11 December in Amsterdam is 23:30 UTC on the 10th.
    expect(reminderSendAfter(at("2026-12-10T23:30:00Z"), at("2026-12-01T10:00:00Z"), "EMAIL", quiet).toISOString()).toBe("2026-12-10T17:00:00.000Z");
  });
  it("is now when that has passed; a text message waits for the end of quiet hours", () => {
    const now = at("2026-12-09T19:00:00Z"); // 20:00 in Amsterdam
    expect(reminderSendAfter(at("2026-12-10T17:30:00Z"), now, "EMAIL", quiet)).toEqual(now);
    expect(reminderSendAfter(at("2026-12-10T17:30:00Z"), now, "SMS", quiet)).toEqual(now);
    expect(reminderSendAfter(at("2026-12-10T17:30:00Z"), at("2026-12-09T21:00:00Z"), "SMS", quiet).toISOString()).toBe("2026-12-10T06:30:00.000Z");
  });
});

describe("slots offered", () => {
  it("nearest free slots by time, earlier first on a tie", () => {
    const free = [slot("a", "2026-12-09T17:30:00Z"), slot("b", "2026-12-09T17:50:00Z"), slot("c", "2026-12-09T18:10:00Z"), slot("d", "2026-12-10T17:30:00Z")];
    expect(nearestSlots(free, at("2026-12-09T18:00:00Z"), 3).map((s) => s.id)).toEqual(["b", "c", "a"]);
  });
  it("back to back: the earliest adjacent pair on one evening, either child first; none across evenings", () => {
    const a = [slot("a1", "2026-12-09T17:30:00Z"), slot("a2", "2026-12-09T18:00:00Z")];
    const b = [slot("b1", "2026-12-09T17:50:00Z"), slot("b2", "2026-12-09T18:10:00Z")];
    expect(backToBack(a, b)).toMatchObject({ first: { id: "a2" }, second: { id: "b1" } });
    expect(backToBack([slot("x", "2026-12-09T22:50:00Z")], [slot("y", "2026-12-09T23:00:00Z")])).toBeNull(); // 23:50 → 00:00 Dutch time
    expect(backToBack([slot("x", "2026-12-09T17:30:00Z")], [slot("y", "2026-12-09T17:50:00Z")])).toBeNull();
  });
  it("groups by the Dutch evening", () => {
    expect(eveningOf(at("2026-12-09T22:59:00Z"))).toBe("2026-12-09");
    expect(eveningOf(at("2026-12-09T23:00:00Z"))).toBe("2026-12-10");
  });
});

describe("the reminder text", () => {
  const facts = {
    guardianName: "Fatima El Amrani", pupilFirstName: "Maximiliaan-Alexander", hostName: "Mevrouw De Vries",
    startsAt: at("2026-12-10T17:30:00Z"), endsAt: at("2026-12-10T17:50:00Z"), location: "lokaal 1.14",
    interpreterLanguage: "ti", childcare: true, portalUrl: "https://portal.example/parent/conferences",
  };
  it.each(LOCALES)("a %s text message is one segment, without the host or room", (locale) => {
    const { text } = renderConferenceReminder(locale, "SMS", facts);
    expect(smsSegments(text), text).toBe(1);
    expect(text).toContain("18:30");
    expect(text).not.toContain("Vries");
    expect(text).not.toMatch(/[٠-٩]/);
  });
  it("the e-mail names when, where, the interpreter's language and childcare, in the guardian's language", () => {
    const nl = renderConferenceReminder("nl", "EMAIL", facts);
    expect(nl.subject).toBe("Herinnering: gesprek over Maximiliaan-Alexander");
    expect(nl.text).toContain("donderdag 10 december, van 18:30 tot 18:50");
    expect(nl.text).toContain("lokaal 1.14");
    expect(nl.text).toContain("tolk (Tigrinya)");
    expect(nl.text).toContain("opvang");
    const ar = renderConferenceReminder("ar", "EMAIL", facts);
    expect(ar.text).toContain("التغرينية");
    expect(ar.text).toContain("18:30");
    expect(ar.text).not.toMatch(/[٠-٩]/);
  });
});
