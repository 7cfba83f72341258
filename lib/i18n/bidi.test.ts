import { describe, expect, it } from "vitest";
import { isolateEach, isolateLtr, isRightToLeft, LRI, PDI } from "@/lib/i18n/bidi";

describe("isRightToLeft", () => {
  it.each([["ar", true], ["ar-MA", true], ["AR", true], ["nl", false], ["en-GB", false], ["tr", false], ["pl", false], ["uk", false]])(
    "%s → %s", (locale, rtl) => expect(isRightToLeft(locale)).toBe(rtl));
});

describe("isolateLtr", () => {
  it("wraps a value in a left-to-right isolate in Arabic", () => {
    expect(isolateLtr("ar", "055-958 26 73")).toBe(`${LRI}055-958 26 73${PDI}`);
    expect(isolateLtr("ar", "055-958 26 73")).toBe("\u2066055-958 26 73\u2069");
  });

  it("adds no invisible characters in left-to-right languages, nor to an empty value", () => {
    for (const locale of ["nl", "en", "tr", "pl", "uk"]) expect(isolateLtr(locale, "055-958 26 73")).toBe("055-958 26 73");
    expect(isolateLtr("ar", "")).toBe("");
  });

  it("isolates every argument of a message", () => {
    expect(isolateEach("ar", { phone: "055-958 26 73", url: "https://x.nl" })).toEqual({ phone: `${LRI}055-958 26 73${PDI}`, url: `${LRI}https://x.nl${PDI}` });
    const values = { phone: "055-958 26 73" };
    expect(isolateEach("nl", values)).toBe(values);
  });
});
