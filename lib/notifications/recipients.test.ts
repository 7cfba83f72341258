import { describe, expect, it } from "vitest";
import { addressFor, effectiveChannel } from "@/lib/notifications/recipients";

describe("effectiveChannel", () => {
  it("keeps the guardian's choice when its address is known", () => {
    expect(effectiveChannel("EMAIL", "0612345678", "a@b.nl")).toBe("EMAIL");
    expect(effectiveChannel("SMS", "0612345678", "a@b.nl")).toBe("SMS");
    expect(effectiveChannel("PORTAL", null, null)).toBe("PORTAL");
  });

  it("falls back to the channel that can reach them, else the portal", () => {
    expect(effectiveChannel("SMS", null, "a@b.nl")).toBe("EMAIL");
    expect(effectiveChannel("SMS", null, null)).toBe("PORTAL");
    expect(effectiveChannel("EMAIL", "0612345678", null)).toBe("SMS");
    expect(effectiveChannel("EMAIL", null, null)).toBe("PORTAL");
  });

  it("addresses each channel", () => {
    expect(addressFor("EMAIL", "a@b.nl", "06")).toBe("a@b.nl");
    expect(addressFor("SMS", "a@b.nl", "06")).toBe("06");
    expect(addressFor("PORTAL", "a@b.nl", "06")).toBeNull();
  });
});
