import { describe, expect, it } from "vitest";
import { appliedParams, parseAccessFilter, usedFilters } from "@/lib/domain/privacy/filter";

const parse = (params: Record<string, string>) => parseAccessFilter((key) => params[key]);

describe("the privacy view's filter", () => {
  it("reads days in Europe/Amsterdam: from its first instant, to the first instant after the 'to' day (winter and summer time)", () => {
    const { filter, issues } = parse({ from: "2026-12-01", to: "2026-12-06" });
    expect(issues).toEqual([]);
    expect(filter.from?.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(filter.until?.toISOString()).toBe("2026-12-06T23:00:00.000Z");
    const summer = parse({ from: "2026-07-01", to: "2026-07-01" }).filter;
    expect(summer.from?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(summer.until?.toISOString()).toBe("2026-07-01T22:00:00.000Z");
  });

  it("takes the text, role, outcome and category filters it knows", () => {
    const { filter, issues } = parse({ pupil: "  Jansen ", person: "Bakker", role: "MENTOR", outcome: "DENIED", category: "results" });
    expect(issues).toEqual([]);
    expect(filter).toEqual({ pupil: "Jansen", person: "Bakker", role: "MENTOR", outcome: "DENIED", category: "results" });
    expect(usedFilters(filter)).toBe("category,outcome,person,pupil,role");
  });

  it("leaves out garbage dates, impossible days and years, and names them", () => {
    for (const bad of ["gisteren", "2026-02-30", "0226-01-01", "2026-1-1", "2026-12-01T00:00", "99999-01-01"]) {
      const { filter, issues } = parse({ from: bad });
      expect(filter.from, bad).toBeUndefined();
      expect(issues, bad).toEqual([{ field: "from", code: "date" }]);
    }
  });

  it("refuses a period that ends before it starts: neither date is used", () => {
    const { filter, issues } = parse({ from: "2026-12-06", to: "2026-12-01" });
    expect(filter).toEqual({});
    expect(issues).toEqual([{ field: "to", code: "range" }]);
  });

  it("refuses an unknown role, outcome or category, and text holding NUL or other control characters or over 100 characters", () => {
    const { filter, issues } = parse({ role: "SUPERUSER", outcome: "maybe", category: "grades'; DROP TABLE", pupil: "Jan\u0000sen", person: "x".repeat(101) });
    expect(filter).toEqual({});
    expect(issues).toEqual([
      { field: "pupil", code: "text" }, { field: "person", code: "text" },
      { field: "role", code: "choice" }, { field: "outcome", code: "choice" }, { field: "category", code: "choice" },
    ]);
  });

  it("ignores empty fields", () => {
    expect(parse({ from: "", to: " ", pupil: "", role: "" })).toEqual({ filter: {}, values: {}, issues: [] });
  });

  it("carries only the applied filters on to the pager and the download", () => {
    const { values, issues } = parse({ from: "2026-12-06", to: "2026-12-01", role: "ROOT", outcome: "DENIED", pupil: "Jansen" });
    expect(appliedParams(values, issues).toString()).toBe("pupil=Jansen&outcome=DENIED");
  });
});
