import { describe, expect, it } from "vitest";
import { latestYears, verdictOf, withBenchmarks } from "@/lib/domain/schools/figures";

describe("verdictOf", () => {
  it("respects the direction of the indicator", () => {
    expect(verdictOf("PERCENT", "HIGHER", 95, 90)).toBe("BETTER");
    expect(verdictOf("PERCENT", "HIGHER", 80, 90)).toBe("WORSE");
    expect(verdictOf("EUROS", "LOWER", 200, 285)).toBe("BETTER");
    expect(verdictOf("EUROS", "LOWER", 400, 285)).toBe("WORSE");
  });

  it("says higher or lower without judging when no direction is better", () => {
    expect(verdictOf("PERCENT", "NONE", 60, 44)).toBe("HIGHER");
    expect(verdictOf("PERCENT", "NONE", 20, 44)).toBe("LOWER");
  });

  it("calls small differences the same, per unit", () => {
    expect(verdictOf("PERCENT", "HIGHER", 88.4, 88.3)).toBe("SAME");
    expect(verdictOf("PERCENT", "HIGHER", 89.4, 88.3)).toBe("BETTER");
    expect(verdictOf("GRADE", "HIGHER", 6.35, 6.3)).toBe("SAME");
    expect(verdictOf("GRADE", "HIGHER", 6.5, 6.3)).toBe("BETTER");
    expect(verdictOf("JUDGEMENT", "HIGHER", 4, 4)).toBe("SAME");
  });

  it("has nothing to say without a benchmark", () => {
    expect(verdictOf("COUNT", "NONE", 800, null)).toBe("NO_BENCHMARK");
  });
});

describe("withBenchmarks", () => {
  const figure = { code: "EXAM_PASS_RATE", year: "2024-2025", value: 90, explanation: null };
  const benchmarks = [
    { code: "EXAM_PASS_RATE", year: "2024-2025", schoolType: "HAVO", value: 88.3 },
    { code: "EXAM_PASS_RATE", year: "2024-2025", schoolType: "ALL", value: 85 },
    { code: "EXAM_PASS_RATE", year: "2023-2024", schoolType: "VWO", value: 91 },
  ];

  it("takes the benchmark of the same year and school type, else the whole-school one", () => {
    const [havo, vwo, other] = withBenchmarks(
      [{ ...figure, schoolType: "HAVO" }, { ...figure, schoolType: "VWO" }, { ...figure, year: "2022-2023", schoolType: "VWO" }],
      benchmarks,
    );
    expect(havo.benchmark).toBe(88.3);
    expect(vwo.benchmark).toBe(85);
    expect(other.benchmark).toBeNull();
  });
});

it("latestYears keeps the most recent distinct school years, oldest first", () => {
  expect(latestYears(["2021-2022", "2024-2025", "2022-2023", "2023-2024", "2024-2025"], 3)).toEqual(["2022-2023", "2023-2024", "2024-2025"]);
  expect(latestYears([], 1)).toEqual([]);
});
