import { describe, expect, it } from "vitest";
import {
  adultOn, bornOnOrBefore, guardianRights, rightsMoment, schoolMayInvolve, type GuardianRights, type LinkFacts,
} from "@/lib/auth/guardian-rights";

// The truth table of the one rule (decisions 0022, 0023). Each cell is written
// out as letters, so the table reads like the law:
//   see:     R results · A absences · W the pupil's own reasons · C contacts · M mentor card
//   receive: a absence alerts · o other messages
//   then     b book · s report sick · ? may ask for information (art. 1:377c)
// A dot means "no".

const now = new Date("2026-12-07T11:00:00Z"); // a Monday, noon in Amsterdam
const today = Date.UTC(2026, 11, 7);
const DAY = 86_400_000;
/** Born so that the pupil is `years` old today, `daysPast` days after that birthday. */
const aged = (years: number, daysPast = 30) => {
  const birthday = new Date(Date.UTC(2026 - years, 11, 7));
  return new Date(birthday.getTime() - daysPast * DAY);
};

const link = (facts: Partial<LinkFacts> = {}): LinkFacts => ({
  hasParentalAuthority: true, accessRestricted: false, informationGrantedAt: null, informationCategories: [], informationUntil: null,
  consentGrantedAt: null, reasonsSharedAt: null, ...facts,
});
const noAuthority = (facts: Partial<LinkFacts> = {}) => link({ hasParentalAuthority: false, ...facts });
const grant = (categories: LinkFacts["informationCategories"], until: Date | null = null, facts: Partial<LinkFacts> = {}) =>
  noAuthority({ informationGrantedAt: new Date(today - 10 * DAY), informationCategories: categories, informationUntil: until, ...facts });

function cell(r: GuardianRights): string {
  const f = (on: boolean, letter: string) => (on ? letter : ".");
  return [
    f(r.see.results, "R") + f(r.see.absences, "A") + f(r.see.absenceReasons, "W") + f(r.see.contacts, "C") + f(r.see.mentor, "M"),
    f(r.receive.absenceAlerts, "a") + f(r.receive.otherMessages, "o"),
    f(r.book, "b") + f(r.reportSick, "s") + f(r.mayAsk, "?"),
  ].join(" ");
}

const yesterday = new Date(today - DAY);
const todayDate = new Date(today);
const shared = { reasonsSharedAt: new Date(today - 3 * DAY) };
const consent = { consentGrantedAt: new Date(today - 3 * DAY) };

// [situation, link, age 15, age 16, age 17]
const MINORS: [string, LinkFacts, string, string, string][] = [
  ["parental authority", link(), "RAWCM ao bs.", "RA.CM ao bs.", "RA.CM ao bs."],
  ["authority, the pupil shares their reasons", link(shared), "RAWCM ao bs.", "RAWCM ao bs.", "RAWCM ao bs."],
  ["restricted by the school", link({ accessRestricted: true }), "..... .. ...", "..... .. ...", "..... .. ..."],
  ["restricted, with information granted", grant(["RESULTS", "ABSENCES"], null, { accessRestricted: true }), "..... .. ...", "..... .. ...", "..... .. ..."],
  ["no authority, nothing granted", noAuthority(), "..... .. ..?", "..... .. ..?", "..... .. ..?"],
  ["no authority, results and absences granted", grant(["RESULTS", "ABSENCES"]), "RAW.. a. ..?", "RA... a. ..?", "RA... a. ..?"],
  ["no authority, results granted", grant(["RESULTS"]), "R.... .. ..?", "R.... .. ..?", "R.... .. ..?"],
  ["no authority, absences granted", grant(["ABSENCES"]), ".AW.. a. ..?", ".A... a. ..?", ".A... a. ..?"],
  ["no authority, absences granted, reasons shared", grant(["ABSENCES"], null, shared), ".AW.. a. ..?", ".AW.. a. ..?", ".AW.. a. ..?"],
  ["no authority, grant ends today", grant(["RESULTS", "ABSENCES"], todayDate), "RAW.. a. ..?", "RA... a. ..?", "RA... a. ..?"],
  ["no authority, grant ended yesterday", grant(["RESULTS", "ABSENCES"], yesterday), "..... .. ..?", "..... .. ..?", "..... .. ..?"],
  ["no authority, a grant with nothing in it", grant([]), "..... .. ..?", "..... .. ..?", "..... .. ..?"],
  ["authority and consent given ahead of 18", link(consent), "RAWCM ao bs.", "RA.CM ao bs.", "RA.CM ao bs."],
];

// [situation, link, 18+ without consent, 18+ with consent]
const ADULTS: [string, LinkFacts, string, string][] = [
  ["had parental authority", link(), "..... .. ...", "RAWCM ao bs."],
  ["no authority, nothing granted", noAuthority(), "..... .. ...", "RAWCM ao bs."],
  ["information granted before 18", grant(["RESULTS", "ABSENCES"]), "..... .. ...", "RAWCM ao bs."],
  ["restricted by the school", link({ accessRestricted: true }), "..... .. ...", "..... .. ..."],
  ["reasons shared at 17", link(shared), "..... .. ...", "RAWCM ao bs."],
];

describe("the truth table of a guardian's link", () => {
  for (const [situation, facts, at15, at16, at17] of MINORS) {
    it(`under 18: ${situation}`, () => {
      expect([15, 16, 17].map((age) => cell(guardianRights(facts, aged(age), now)))).toEqual([at15, at16, at17]);
    });
  }
  for (const [situation, facts, without, withConsent] of ADULTS) {
    it(`18 or older: ${situation}`, () => {
      for (const age of [18, 19, 25]) {
        expect(cell(guardianRights(facts, aged(age), now))).toBe(without);
        expect(cell(guardianRights({ ...facts, ...consent }, aged(age), now))).toBe(withConsent);
      }
    });
  }

  it("names what the rights rest on and shows the grant in force exactly", () => {
    expect(guardianRights(link(), aged(15), now).basis).toBe("authority");
    expect(guardianRights(link(consent), aged(19), now).basis).toBe("consent");
    const granted = guardianRights(grant(["ABSENCES", "RESULTS"], todayDate), aged(12), now);
    expect(granted.basis).toBe("information");
    expect(granted.grant).toEqual({ categories: ["RESULTS", "ABSENCES"], until: todayDate });
    expect(guardianRights(grant(["RESULTS"], yesterday), aged(12), now)).toMatchObject({ basis: null, grant: null });
  });
});

describe("the 18th birthday", () => {
  // Born 8 December 2008: 18 on 8 December 2026, from 00:00 Amsterdam time (23:00 UTC the evening before).
  const born = new Date(Date.UTC(2008, 11, 8));
  const lastMinute = new Date("2026-12-07T22:59:00Z"); // 23:59 in Amsterdam
  const midnight = new Date("2026-12-07T23:00:00Z"); // 00:00 in Amsterdam

  it("ends a parent's rights at 00:00 Europe/Amsterdam, not at midnight UTC", () => {
    expect(cell(guardianRights(link(), born, lastMinute))).toBe("RA.CM ao bs.");
    expect(cell(guardianRights(link(), born, midnight))).toBe("..... .. ...");
    expect(adultOn(born)).toEqual(new Date(Date.UTC(2026, 11, 8)));
  });

  it("keeps them without a break when the pupil consented ahead, and covers the reasons from then on", () => {
    expect(cell(guardianRights(link(consent), born, lastMinute))).toBe("RA.CM ao bs.");
    expect(cell(guardianRights(link(consent), born, midnight))).toBe("RAWCM ao bs.");
  });

  it("ends an information grant (art. 1:377c) at 18, whatever its end date", () => {
    expect(cell(guardianRights(grant(["RESULTS"]), born, lastMinute))).toBe("R.... .. ..?");
    expect(cell(guardianRights(grant(["RESULTS"]), born, midnight))).toBe("..... .. ...");
  });

  it("counts 29 February birthdays from 1 March in other years", () => {
    const leap = new Date(Date.UTC(2008, 1, 29));
    expect(adultOn(leap)).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(guardianRights(link(), leap, new Date("2026-02-28T12:00:00Z")).stage).toBe("ownReasons");
    expect(guardianRights(link(), leap, new Date("2026-03-01T12:00:00Z")).stage).toBe("adult");
    expect(bornOnOrBefore(new Date(Date.UTC(2028, 1, 29)), 18)).toEqual(new Date(Date.UTC(2010, 1, 28)));
  });

  it("turns 16 the same way", () => {
    const born16 = new Date(Date.UTC(2010, 11, 8));
    expect(guardianRights(link(), born16, lastMinute).see.absenceReasons).toBe(true);
    expect(guardianRights(link(), born16, midnight).see.absenceReasons).toBe(false);
    expect(rightsMoment(midnight).today).toEqual(new Date(Date.UTC(2026, 11, 8)));
  });
});

describe("whom the school may involve", () => {
  it("everyone not restricted of a minor; of an adult only with consent", () => {
    expect(schoolMayInvolve(noAuthority(), aged(14), now)).toBe(true);
    expect(schoolMayInvolve(link({ accessRestricted: true }), aged(14), now)).toBe(false);
    expect(schoolMayInvolve(link(), aged(19), now)).toBe(false);
    expect(schoolMayInvolve(link(consent), aged(19), now)).toBe(true);
    expect(schoolMayInvolve(link({ ...consent, accessRestricted: true }), aged(19), now)).toBe(false);
  });
});
