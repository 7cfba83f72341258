import { describe, expect, it } from "vitest";
import { AlertSettingsInput, normaliseMobile } from "@/lib/domain/alerts/schemas";
import { checkMobile, shownMobile } from "@/lib/domain/alerts/mobile";

describe("checkMobile: Dutch, Belgian and German mobile numbers, stored in E.164", () => {
  it.each([
    // Dutch, nationally and internationally
    ["06-12345678", "+31612345678"],
    ["06 1234 5678", "+31612345678"],
    ["(06) 12 34 56 78", "+31612345678"],
    ["+31 6 12345678", "+31612345678"],
    ["0031612345678", "+31612345678"],
    // Belgian: 04xx with the country code
    ["+32 470 12 34 56", "+32470123456"],
    ["0032 470 12 34 56", "+32470123456"],
    ["+32 (0)470 12 34 56", "+32470123456"],
    ["+32 495/12.34.56", "+32495123456"],
    // German: 015x, 016x, 017x with the country code
    ["+49 151 23456789", "+4915123456789"],
    ["+49 160 1234567", "+491601234567"],
    ["0049 170 1234567", "+491701234567"],
    ["+49 (0)176 12345678", "+4917612345678"],
  ])("%s → %s", (raw, e164) => {
    expect(checkMobile(raw)).toEqual({ ok: true, e164, asEntered: raw });
    expect(normaliseMobile(raw)).toBe(e164);
  });

  it("keeps what the parent typed, with spaces tidied", () => {
    expect(checkMobile("  +32   470 12 34 56 ")).toEqual({ ok: true, e164: "+32470123456", asEntered: "+32 470 12 34 56" });
  });

  it.each([
    // landlines: not for text messages
    ["010-1234567", "phoneLandline"],
    ["+31 20 123 4567", "phoneLandline"],
    ["+32 2 555 12 12", "phoneLandline"],
    ["+49 30 1234567", "phoneLandline"],
    // other countries, however valid
    ["+33 6 12 34 56 78", "phoneCountry"],
    ["0044 7700 900123", "phoneCountry"],
    ["+1 202 555 0123", "phoneCountry"],
    // a Belgian or German mobile typed without the country code is read as Dutch, and is no Dutch number
    ["0470 12 34 56", "phoneInvalid"],
    ["0151 23456789", "phoneInvalid"],
    // too short, too long
    ["06-1234567", "phoneInvalid"],
    ["06 1234", "phoneInvalid"],
    ["061234567890", "phoneInvalid"],
    ["+32 470", "phoneInvalid"],
    ["+49 151 2345678901234", "phoneInvalid"],
    // not a phone number at all
    ["abc", "phoneInvalid"],
    ["06-CALLME00", "phoneInvalid"],
    ["06\u000012345678", "phoneInvalid"],
    ["+", "phoneInvalid"],
    ["   ", "phoneInvalid"],
    ["0".repeat(41), "phoneInvalid"],
  ])("%j is refused: %s", (raw, problem) => {
    expect(checkMobile(raw)).toEqual({ ok: false, problem });
    expect(normaliseMobile(raw)).toBeNull();
  });
});

describe("shownMobile: the number shown back to the parent", () => {
  it("is what they typed while it is the number on file", () => {
    expect(shownMobile("+32470123456", "0032 470 12 34 56")).toBe("0032 470 12 34 56");
    expect(shownMobile("+31612345678", "06-12345678")).toBe("06-12345678");
  });
  it("is the stored number, readable, when the school's import replaced it or nothing was typed", () => {
    expect(shownMobile("+31687654321", "06-12345678")).toBe("06 87654321");
    expect(shownMobile("+4915123456789", null)).toBe("+49 1512 3456789");
    expect(shownMobile(null, null)).toBe("");
  });
});

describe("AlertSettingsInput", () => {
  const issues = (input: Record<string, unknown>) => {
    const result = AlertSettingsInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };
  it("accepts e-mail without a phone and SMS with a mobile number, giving both forms of the number", () => {
    expect(issues({ channel: "EMAIL", timing: "IMMEDIATE", phone: "" })).toEqual([]);
    expect(AlertSettingsInput.parse({ channel: "EMAIL", timing: "IMMEDIATE", phone: "" }).mobile).toBeUndefined();
    expect(AlertSettingsInput.parse({ channel: "SMS", timing: "DAILY_DIGEST", phone: "+49 170 1234567" })).toEqual({
      channel: "SMS", timing: "DAILY_DIGEST", mobile: { e164: "+491701234567", asEntered: "+49 170 1234567" },
    });
  });
  it("explains what is wrong", () => {
    expect(issues({ channel: "SMS", timing: "IMMEDIATE", phone: "" })).toEqual(["alertErrors.phoneNeeded"]);
    expect(issues({ channel: "EMAIL", timing: "IMMEDIATE", phone: "12" })).toEqual(["alertErrors.phoneInvalid"]);
    expect(issues({ channel: "SMS", timing: "IMMEDIATE", phone: "030 123 4567" })).toEqual(["alertErrors.phoneLandline"]);
    expect(issues({ channel: "SMS", timing: "IMMEDIATE", phone: "+33 6 12 34 56 78" })).toEqual(["alertErrors.phoneCountry"]);
    expect(issues({ channel: "SMS", timing: "IMMEDIATE", phone: "x".repeat(41) })).toEqual(["alertErrors.phoneInvalid"]);
    expect(issues({ channel: "FAX", timing: "IMMEDIATE" })).toEqual(["alertErrors.channel"]);
    expect(issues({ channel: "EMAIL", timing: "WEEKLY" })).toEqual(["alertErrors.timing"]);
  });
});
