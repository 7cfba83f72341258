import { expect, it } from "vitest";
import { ageOn } from "@/lib/domain/consent/age";

it("turns 18 on the birthday, not the day before", () => {
  const born = new Date("2008-11-23T00:00:00Z");
  expect(ageOn(born, new Date("2026-11-22T00:00:00Z"))).toBe(17);
  expect(ageOn(born, new Date("2026-11-23T00:00:00Z"))).toBe(18);
});
