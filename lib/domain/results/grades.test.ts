import { describe, expect, it } from "vitest";
import { isBelowPass, toTenths, weightedAverageTenths } from "@/lib/domain/results/grades";

describe("weightedAverageTenths", () => {
  it("weighs each grade", () => {
    // (6.0×1 + 8.0×3) / 4 = 7.5
    expect(weightedAverageTenths([{ gradeTenths: 60, weight: 1 }, { gradeTenths: 80, weight: 3 }])).toBe(75);
  });

  it("rounds half up to one decimal, as report cards do", () => {
    // (5.4 + 5.5) / 2 = 5.45 → 5.5, a pass; floats would give 5.4
    expect(weightedAverageTenths([{ gradeTenths: 54, weight: 1 }, { gradeTenths: 55, weight: 1 }])).toBe(55);
    // (6.0 + 6.0 + 6.1) / 3 = 6.0333 → 6.0
    expect(weightedAverageTenths([60, 60, 61].map((g) => ({ gradeTenths: g, weight: 1 })))).toBe(60);
    // (6.8×2 + 7.1) / 3 = 6.9
    expect(weightedAverageTenths([{ gradeTenths: 68, weight: 2 }, { gradeTenths: 71, weight: 1 }])).toBe(69);
  });

  it("is null without anything that counts, and ignores weights that cannot count", () => {
    expect(weightedAverageTenths([])).toBeNull();
    expect(weightedAverageTenths([{ gradeTenths: 70, weight: 0 }])).toBeNull();
    expect(weightedAverageTenths([{ gradeTenths: 70, weight: -1 }, { gradeTenths: 40, weight: 1 }])).toBe(40);
  });

  it("keeps the extremes of the scale", () => {
    expect(weightedAverageTenths([{ gradeTenths: 10, weight: 3 }])).toBe(10);
    expect(weightedAverageTenths([{ gradeTenths: 100, weight: 1 }])).toBe(100);
  });
});

describe("pass mark", () => {
  it("5.5 passes, 5.4 does not", () => {
    expect(isBelowPass(55)).toBe(false);
    expect(isBelowPass(54)).toBe(true);
  });

  it("reads decimals from the database without float drift", () => {
    expect(toTenths("5.5")).toBe(55);
    expect(toTenths(6.7)).toBe(67);
    expect(toTenths({ toString: () => "10.0" })).toBe(100);
  });
});
