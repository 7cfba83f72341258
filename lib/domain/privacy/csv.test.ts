import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvRows, csvStart } from "@/lib/domain/privacy/csv";

describe("the privacy CSV", () => {
  it("starts with a BOM, separates with ';', and ends lines with CRLF", () => {
    const text = csvStart(["Wanneer", "Wie"], [["2026-12-06 17:03:12", "Anna de Vries"]]);
    expect(text).toBe("\uFEFFWanneer;Wie\r\n2026-12-06 17:03:12;Anna de Vries\r\n");
    expect(csvRows([])).toBe("");
  });

  it("prefixes every cell a spreadsheet would run as a formula with ' (= + - @ tab CR, and full-width forms)", () => {
    const evil = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "\uFF1D1+1", "gewoon"];
    const text = csvRows([evil]);
    const [cells] = parse(text, { delimiter: ";", relax_quotes: true }) as string[][];
    expect(cells).toEqual(["'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", "'\uFF1D1+1", "gewoon"]);
  });

  it("quotes names holding ';', quotes or line breaks, so they stay one cell", () => {
    const names = ['Jansen; de "Jongste"', "Regel 1\nregel 2", "Regel 1\r\nregel 2", "O'Brien", "Öztürk-El Amrani"];
    const text = csvStart(["a", "b", "c", "d", "e"], [names]);
    expect(text).toContain('"Jansen; de ""Jongste"""');
    expect(text).toContain('"Regel 1\nregel 2"');
    const rows = parse(text.slice(1), { delimiter: ";" }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(names);
  });

  it("writes an empty cell for a missing value", () => {
    expect(csvRows([["a", null, ""]])).toBe("a;;\r\n");
  });
});
