import { describe, expect, it } from "vitest";
import { LanguageChoice, LocalPath } from "@/lib/domain/accounts/schemas";
import { ContactHoursInput } from "@/lib/domain/contacts/schemas";

describe("LanguageChoice", () => {
  it("accepts the supported languages only, with a translated error key", () => {
    expect(LanguageChoice.parse({ locale: "ar" })).toEqual({ locale: "ar" });
    for (const locale of ["fr", "", null, "NL"]) {
      const result = LanguageChoice.safeParse({ locale });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe("errors.invalidLanguage");
    }
  });
});

describe("LocalPath (return address after sign-in)", () => {
  it("keeps paths on this site and drops everything else", () => {
    expect(LocalPath.safeParse("/parent/children/abc").success).toBe(true);
    for (const path of ["https://evil.example/", "//evil.example", "/\\evil.example", "parent", "/a b"]) {
      expect(LocalPath.safeParse(path).success).toBe(false);
    }
  });
});

describe("ContactHoursInput", () => {
  it("trims, allows empty, and refuses more than 500 characters with a translated key", () => {
    expect(ContactHoursInput.parse({ contactHours: "  Di 8.00–8.20  " })).toEqual({ contactHours: "Di 8.00–8.20" });
    expect(ContactHoursInput.parse({ contactHours: "" })).toEqual({ contactHours: "" });
    const result = ContactHoursInput.safeParse({ contactHours: "x".repeat(501) });
    expect(result.error?.issues[0].message).toBe("contactErrors.contactHoursTooLong");
  });
});
