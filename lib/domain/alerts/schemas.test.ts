import { describe, expect, it } from "vitest";
import { AlertSettingsInput, normaliseMobile } from "@/lib/domain/alerts/schemas";

describe("normaliseMobile", () => {
  it.each([
    ["06-12345678", "+31612345678"],
    ["06 1234 5678", "+31612345678"],
    ["+31 6 12345678", "+31612345678"],
    ["0031612345678", "+31612345678"],
    ["010-1234567", null],
    ["06-1234567", null],
    ["abc", null],
  ])("%s → %s", (raw, normalised) => expect(normaliseMobile(raw)).toBe(normalised));
});

describe("AlertSettingsInput", () => {
  const issues = (input: Record<string, unknown>) => {
    const result = AlertSettingsInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };
  it("accepts e-mail without a phone and SMS with a mobile number", () => {
    expect(issues({ channel: "EMAIL", timing: "IMMEDIATE", phone: "" })).toEqual([]);
    expect(issues({ channel: "SMS", timing: "DAILY_DIGEST", phone: "06-12345678" })).toEqual([]);
  });
  it("explains what is wrong", () => {
    expect(issues({ channel: "SMS", timing: "IMMEDIATE", phone: "" })).toEqual(["alertErrors.phoneNeeded"]);
    expect(issues({ channel: "EMAIL", timing: "IMMEDIATE", phone: "12" })).toEqual(["alertErrors.phone"]);
    expect(issues({ channel: "FAX", timing: "IMMEDIATE" })).toEqual(["alertErrors.channel"]);
    expect(issues({ channel: "EMAIL", timing: "WEEKLY" })).toEqual(["alertErrors.timing"]);
  });
});
