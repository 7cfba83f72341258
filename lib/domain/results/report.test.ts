import { describe, expect, it } from "vitest";
import { buildSubjectReports, latestResults, trendOf, type ResultRow } from "@/lib/domain/results/report";

const row = (id: string, subject: string, grade: string | null, heldOn: string, enteredAt: string, weight = 1): ResultRow => ({
  id,
  grade,
  textValue: grade === null ? "V" : null,
  enteredAt: new Date(enteredAt),
  assessment: { description: `Toets ${id}`, weight, heldOn: new Date(heldOn), period: { number: 1 }, subject: { id: subject, code: subject, name: subject } },
});

describe("buildSubjectReports", () => {
  const rows = [
    row("1", "Wiskunde", "4.0", "2026-09-10", "2026-09-11T10:00:00Z", 2),
    row("2", "Wiskunde", "6.0", "2026-09-01", "2026-09-02T10:00:00Z"),
    row("3", "Engels", "7.5", "2026-09-05", "2026-09-05T10:00:00Z"),
    row("4", "Lichamelijke opvoeding", null, "2026-09-05", "2026-09-05T10:00:00Z"),
    row("5", "Engels", "9.0", "2026-09-20", "2026-09-20T21:00:00Z"),
  ];

  it("groups per subject, oldest assessment first, with a weighted average", () => {
    const reports = buildSubjectReports(rows, new Date("2026-12-01T00:00:00Z"));
    expect(reports.map((r) => r.name)).toEqual(["Engels", "Lichamelijke opvoeding", "Wiskunde"]);
    const wiskunde = reports.find((r) => r.name === "Wiskunde")!;
    expect(wiskunde.lines.map((l) => l.id)).toEqual(["2", "1"]);
    expect(wiskunde.averageTenths).toBe(47); // (6.0 + 4.0×2) / 3 = 4.67
    expect(wiskunde.belowPass).toBe(true);
    expect(wiskunde.lines[1].belowPass).toBe(true);
  });

  it("leaves text judgements out of the average", () => {
    const lo = buildSubjectReports(rows, new Date("2026-12-01T00:00:00Z")).find((r) => r.name === "Lichamelijke opvoeding")!;
    expect(lo.averageTenths).toBeNull();
    expect(lo.lines[0].textValue).toBe("V");
  });

  it("hides results not yet released", () => {
    const engels = buildSubjectReports(rows, new Date("2026-09-20T16:00:00Z")).find((r) => r.name === "Engels")!;
    expect(engels.lines.map((l) => l.id)).toEqual(["3"]);
    expect(latestResults(rows, new Date("2026-09-20T16:00:00Z"), 2).map((r) => r.id)).toEqual(["1", "3"]);
  });
});

describe("trendOf", () => {
  it("needs three grades, then compares the last three with what came before", () => {
    expect(trendOf([60, 70])).toBe("none");
    expect(trendOf([50, 50, 60, 70, 75])).toBe("up");
    expect(trendOf([80, 80, 70, 60, 65])).toBe("down");
    expect(trendOf([65, 66, 64, 65])).toBe("steady");
  });
});
