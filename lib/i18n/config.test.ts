import { describe, expect, it } from "vitest";
import { directionOf, localeFromAcceptLanguage } from "@/lib/i18n/config";

describe("locale negotiation", () => {
  it("picks the best supported language by quality", () => {
    expect(localeFromAcceptLanguage("ar-MA,ar;q=0.9,fr;q=0.8")).toBe("ar");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5,nl;q=0.7")).toBe("nl");
    expect(localeFromAcceptLanguage("fr,de")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage("en;q=0,nl;q=abc")).toBeNull();
  });

  it("writes Arabic right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("nl")).toBe("ltr");
  });
});
