import { expect, it } from "vitest";
import { compareRows, profileGroups } from "@/lib/domain/schools/indicator-view";
import type { PublicFigure } from "@/lib/domain/schools/figures";

const fig = (code: string, year: string, value: number, schoolType = "ALL", benchmark: number | null = null): PublicFigure => ({
  code, year, value, schoolType, benchmark, explanation: null,
});

it("profileGroups groups in catalogue order with one row per school type and an oldest-first trend", () => {
  const groups = profileGroups([
    fig("PUPIL_COUNT", "2024-2025", 800),
    fig("EXAM_PASS_RATE", "2024-2025", 92, "VWO", 90.9),
    fig("EXAM_PASS_RATE", "2023-2024", 85, "HAVO", 88),
    fig("EXAM_PASS_RATE", "2024-2025", 80, "HAVO", 88.3),
  ]);
  expect(groups.map((g) => g.group)).toEqual(["EXAMS", "PUPILS"]);
  const [passRate] = groups[0].indicators;
  expect(passRate.definition.code).toBe("EXAM_PASS_RATE");
  expect(passRate.rows.map((r) => r.schoolType)).toEqual(["HAVO", "VWO"]);
  expect(passRate.rows[0].trend.map((p) => p.year)).toEqual(["2023-2024", "2024-2025"]);
  expect(passRate.rows[0].latest.value).toBe(80);
  expect(passRate.rows[0].verdict).toBe("WORSE");
  expect(passRate.rows[1].verdict).toBe("BETTER");
});

it("compareRows puts each school's latest year side by side, with an empty cell where a school has no figure", () => {
  const rows = compareRows([
    { latestYear: "2024-2025", figures: [fig("EXAM_PASS_RATE", "2024-2025", 92, "VWO", 90.9), fig("EXAM_PASS_RATE", "2023-2024", 50, "HAVO")] },
    { latestYear: "2024-2025", figures: [fig("EXAM_PASS_RATE", "2024-2025", 85, "HAVO", 88.3), fig("EXAM_PASS_RATE", "2024-2025", 89, "VWO", 90.9)] },
  ]);
  expect(rows.map((r) => r.schoolType)).toEqual(["HAVO", "VWO"]);
  expect(rows[0].cells[0]).toBeNull();
  expect(rows[0].cells[1]?.verdict).toBe("WORSE");
  expect(rows[0].benchmark).toBe(88.3);
  expect(rows[1].cells.map((c) => c?.figure.value)).toEqual([92, 89]);
});
