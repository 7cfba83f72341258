import { describe, expect, it } from "vitest";
import { SchoolInput, normaliseWebsite } from "@/lib/domain/admin/school-schemas";
import { issuesToErrors } from "@/lib/domain/admin/form-state";
import { slugCandidates, slugify } from "@/lib/domain/admin/slug";
import { formatPhone } from "@/lib/domain/admin/phone";
import { normalisePostalCode } from "@/lib/domain/admin/postal-code";
import { changedFields } from "@/lib/domain/admin/changes";

const valid = {
  name: "Het Nieuwe Lyceum", brin: "12ab", locationCode: "00", kind: "HAVO_VWO", levels: ["VWO", "HAVO"], denomination: "OPENBAAR",
  street: "", postalCode: "3511ab", city: "Utrecht", phone: "030-1234567", email: "Info@School.NL", websiteUrl: "www.school.nl",
  gradeReleaseMode: "FIXED_TIME", gradeReleaseTime: "8:30", sickReportDeadline: "08.30", sickReportMaxDaysAhead: "60", contactThresholdWeeks: "6",
  quietHoursStart: "21:00", quietHoursEnd: "07:30",
};
const errorsOf = (overrides: Record<string, unknown>) => {
  const parsed = SchoolInput.safeParse({ ...valid, ...overrides });
  return parsed.success ? {} : issuesToErrors(parsed.error.issues, "schoolErrors");
};

describe("SchoolInput", () => {
  it("normalises what people type", () => {
    expect(SchoolInput.parse(valid)).toMatchObject({
      brin: "12AB", levels: ["HAVO", "VWO"], street: null, postalCode: "3511 AB", phone: "030 123 4567", email: "info@school.nl",
      websiteUrl: "https://www.school.nl", gradeReleaseTime: "08:30", sickReportDeadline: "08:30", sickReportMaxDaysAhead: 60, contactThresholdWeeks: 6,
    });
  });

  it.each([
    [{ name: " " }, { name: "schoolErrors.nameRequired" }],
    [{ name: "x".repeat(121) }, { name: "schoolErrors.nameTooLong" }],
    [{ brin: "1234" }, { brin: "schoolErrors.brin" }],
    [{ brin: "AB12" }, { brin: "schoolErrors.brin" }],
    [{ locationCode: "0" }, { locationCode: "schoolErrors.locationCode" }],
    [{ kind: "BASISSCHOOL" }, { kind: "schoolErrors.kind" }],
    [{ levels: [] }, { levels: "schoolErrors.levels" }],
    [{ levels: ["HAVO", "GYMNASIUM"] }, { levels: "schoolErrors.levels" }],
    [{ denomination: "X" }, { denomination: "schoolErrors.denomination" }],
    [{ postalCode: "0123 AB" }, { postalCode: "schoolErrors.postalCode" }],
    [{ postalCode: "1234" }, { postalCode: "schoolErrors.postalCode" }],
    [{ city: "" }, { city: "schoolErrors.city" }],
    [{ phone: "12345" }, { phone: "schoolErrors.phone" }],
    [{ email: "info@" }, { email: "schoolErrors.email" }],
    [{ websiteUrl: "http://school.nl" }, { websiteUrl: "schoolErrors.website" }],
    [{ websiteUrl: "javascript:alert(1)" }, { websiteUrl: "schoolErrors.website" }],
    [{ gradeReleaseMode: "LATER" }, { gradeReleaseMode: "schoolErrors.gradeReleaseMode" }],
    [{ gradeReleaseTime: "24:00" }, { gradeReleaseTime: "schoolErrors.time" }],
    [{ sickReportDeadline: "" }, { sickReportDeadline: "schoolErrors.time" }],
    [{ sickReportMaxDaysAhead: "366" }, { sickReportMaxDaysAhead: "schoolErrors.daysAhead" }],
    [{ sickReportMaxDaysAhead: "-1" }, { sickReportMaxDaysAhead: "schoolErrors.daysAhead" }],
    [{ contactThresholdWeeks: "0" }, { contactThresholdWeeks: "schoolErrors.thresholdWeeks" }],
    [{ contactThresholdWeeks: "53" }, { contactThresholdWeeks: "schoolErrors.thresholdWeeks" }],
    [{ contactThresholdWeeks: "6,5" }, { contactThresholdWeeks: "schoolErrors.thresholdWeeks" }],
    [{ quietHoursEnd: "7 uur" }, { quietHoursEnd: "schoolErrors.time" }],
  ])("refuses %o with its own message", (overrides, errors) => expect(errorsOf(overrides)).toEqual(errors));

  it("allows the edges: 0 and 365 days ahead, 1 and 52 weeks, quiet hours that are the same (none)", () => {
    expect(errorsOf({ sickReportMaxDaysAhead: "0", contactThresholdWeeks: "1" })).toEqual({});
    expect(errorsOf({ sickReportMaxDaysAhead: "365", contactThresholdWeeks: "52", quietHoursStart: "07:00", quietHoursEnd: "07:00" })).toEqual({});
  });
});

describe("helpers", () => {
  it("slugify makes a public address part; a taken name gets the city, then a number", () => {
    expect(slugify("Scholengemeenschap 't Eiken-rode (Zwolle)")).toBe("scholengemeenschap-t-eiken-rode-zwolle");
    expect(slugify("Lycée Français")).toBe("lycee-francais");
    expect(slugCandidates("Het College", "Den Haag").slice(0, 3)).toEqual(["het-college", "het-college-den-haag", "het-college-den-haag-2"]);
    expect(slugCandidates("!!!", "")[0]).toBe("school");
  });

  it("phone numbers: Dutch national format, others international, nonsense refused", () => {
    expect(formatPhone("+31 (0)30 123 45 67".replace("(0)", ""))).toBe("030 123 4567");
    expect(formatPhone("0612345678")).toBe("06 12345678");
    expect(formatPhone("+44 20 7946 0958")).toBe("+44 20 7946 0958");
    expect(formatPhone("06-1234")).toBeNull();
  });

  it("postal codes and websites", () => {
    expect(normalisePostalCode(" 1234  ab ")).toBe("1234 AB");
    expect(normalisePostalCode("1234-AB")).toBeNull();
    expect(normaliseWebsite("https://school.nl/")).toBe("https://school.nl");
    expect(normaliseWebsite("school.nl/over-ons")).toBe("https://school.nl/over-ons");
    expect(normaliseWebsite("https://localhost")).toBeNull();
    expect(normaliseWebsite("https://user:pw@school.nl")).toBeNull();
  });

  it("changedFields lists only what differs, old and new", () => {
    expect(changedFields({ a: 1, b: "x", c: null }, { a: 1, b: "y", c: "z" })).toEqual({ b: { old: "x", new: "y" }, c: { old: null, new: "z" } });
  });
});
