import { describe, expect, it } from "vitest";
import { readablePhone } from "@/lib/domain/admin/phone";

describe("readablePhone", () => {
  it.each([
    ["+31612345678", "06 12345678"],
    ["06-31415926", "06 31415926"],
    ["+32470123456", "+32 470 12 34 56"],
    ["+4915112345678", "+49 1511 2345678"],
    ["onbekend", "onbekend"],
  ])("%s → %s", (stored, shown) => expect(readablePhone(stored)).toBe(shown));
});
