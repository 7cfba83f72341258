import { describe, expect, it } from "vitest";
import { isUnreadableAddress } from "@/lib/http/address";

describe("addresses no page can answer", () => {
  it("refuses a NUL byte anywhere", () => {
    expect(isUnreadableAddress("/", "?q=%00")).toBe(true);
    expect(isUnreadableAddress("/parent/children/a%00b", "")).toBe(true);
    expect(isUnreadableAddress("/", "?q=a\u0000b")).toBe(true);
  });

  it("refuses broken or non-UTF-8 escapes in the path", () => {
    for (const path of ["/schools/%E0%A4%A", "/schools/%", "/schools/%ZZ", "/schools/%C0%AF", "/schools/%E0%A4"]) expect(isUnreadableAddress(path, ""), path).toBe(true);
  });

  it("lets readable addresses through, and takes a broken escape in a query value literally", () => {
    expect(isUnreadableAddress("/schools/het-beukenhout", "")).toBe(false);
    expect(isUnreadableAddress("/schools/caf%C3%A9", "?q=100%25")).toBe(false);
    expect(isUnreadableAddress("/", "?q=100%")).toBe(false);
    expect(isUnreadableAddress("/", "?q=%2500")).toBe(false);
  });
});
