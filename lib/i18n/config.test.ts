import { describe, expect, it } from "vitest";
import { directionOf, localeFromAcceptLanguage, ownLanguage, visitorLocale } from "@/lib/i18n/config";

describe("locale negotiation", () => {
  it("picks the best supported language by quality", () => {
    expect(localeFromAcceptLanguage("ar-MA,ar;q=0.9,fr;q=0.8")).toBe("ar");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5,nl;q=0.7")).toBe("nl");
    expect(localeFromAcceptLanguage("fr,de")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage("en;q=0,nl;q=abc")).toBeNull();
  });

  it("a visitor's language: the cookie, else the browser's, else Dutch; an unknown cookie is ignored", () => {
    expect(visitorLocale("ar", "en")).toBe("ar");
    expect(visitorLocale("xx", "en-GB,en;q=0.9")).toBe("en");
    expect(visitorLocale(undefined, "fr")).toBe("nl");
    expect(visitorLocale(undefined, null)).toBe("nl");
  });

  it("writes Arabic right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("nl")).toBe("ltr");
  });

  it("marks a text in another language than the page's with its language and direction", () => {
    expect(ownLanguage("ar", "nl")).toEqual({ lang: "ar", dir: "rtl" });
    expect(ownLanguage("nl", "ar")).toEqual({ lang: "nl", dir: "ltr" });
    expect(ownLanguage("nl", "nl")).toEqual({});
    expect(ownLanguage(null, "nl")).toEqual({});
    expect(ownLanguage("xx", "nl")).toEqual({});
  });
});
