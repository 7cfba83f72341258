import { describe, expect, it } from "vitest";
import { RETENTION_DEFAULTS, retentionCutoffs, yearsBefore } from "@/lib/domain/retention/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("retention cutoffs", () => {
  it("counts whole calendar years back, with 29 February as 28 February", () => {
    expect(yearsBefore(day("2026-12-07"), 2)).toEqual(day("2024-12-07"));
    expect(yearsBefore(day("2028-02-29"), 1)).toEqual(day("2027-02-28"));
    expect(yearsBefore(day("2028-02-29"), 4)).toEqual(day("2024-02-29"));
  });

  it("gives each category the sector's default term", () => {
    expect(retentionCutoffs(day("2026-12-07"), RETENTION_DEFAULTS)).toEqual({
      results: day("2024-12-07"), contacts: day("2024-12-07"), absences: day("2021-12-07"), audit: day("2021-12-07"),
    });
  });

  it("follows the school's own terms", () => {
    expect(retentionCutoffs(day("2026-12-07"), { results: 3, contacts: 1, absences: 7, audit: 10 })).toEqual({
      results: day("2023-12-07"), contacts: day("2025-12-07"), absences: day("2019-12-07"), audit: day("2016-12-07"),
    });
  });
});
