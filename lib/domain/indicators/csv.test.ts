import { describe, expect, it } from "vitest";
import { readIndicatorCsv } from "@/lib/domain/indicators/csv";

describe("readIndicatorCsv", () => {
  it("reads semicolon files as Dutch spreadsheets save them, with a BOM", () => {
    const result = readIndicatorCsv("\uFEFFindicator;schoolType;value;explanation\nEXAM_PASS_RATE;havo;88,5;Goed jaar\nPUPIL_COUNT;ALL;1234\n");
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, indicatorCode: "EXAM_PASS_RATE", schoolType: "HAVO", value: "88,5", explanation: "Goed jaar" },
        { line: 3, indicatorCode: "PUPIL_COUNT", schoolType: "ALL", value: "1234", explanation: "" },
      ],
    });
  });

  it("reads comma files with quoted fields", () => {
    const result = readIndicatorCsv('indicator,schoolType,value,explanation\nSOCIAL_SAFETY,ALL,91.5,"Veilig, ook in de pauze"\n');
    expect(result).toMatchObject({ ok: true, rows: [{ value: "91.5", explanation: "Veilig, ook in de pauze" }] });
  });

  it.each([
    ["wrong header", "code;type;value\nX;ALL;1", [{ line: 1, error: "indicatorErrors.csvHeader" }]],
    ["no rows", "indicator;schoolType;value;explanation\n", [{ line: 0, error: "indicatorErrors.csvEmpty" }]],
    ["a short row", "indicator;schoolType;value;explanation\nPUPIL_COUNT;ALL;1\nPUPIL_COUNT\n", [{ line: 3, error: "indicatorErrors.csvColumns" }]],
    ["an unclosed quote", 'indicator;schoolType;value;explanation\nPUPIL_COUNT;ALL;"1', [{ line: 0, error: "indicatorErrors.csvUnreadable" }]],
  ])("refuses %s", (_, text, errors) => {
    expect(readIndicatorCsv(text)).toEqual({ ok: false, errors });
  });

  it("refuses files over the size limit", () => {
    expect(readIndicatorCsv("x".repeat(200_001))).toEqual({ ok: false, errors: [{ line: 0, error: "indicatorErrors.csvTooLarge" }] });
  });
});
