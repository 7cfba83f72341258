import { describe, expect, it } from "vitest";
import { parseIndicatorValue } from "@/lib/domain/indicators/values";

describe("parseIndicatorValue", () => {
  it.each([
    ["PERCENT", "85,3", 85.3],
    ["PERCENT", "85.3 %", 85.3],
    ["PERCENT", "100", 100],
    ["GRADE", "6,45", 6.45],
    ["SCORE", "7.1", 7.1],
    ["COUNT", "1.234", 1234],
    ["COUNT", "0", 0],
    ["EUROS", "€ 150,50", 150.5],
    ["BOOLEAN", "ja", 1],
    ["BOOLEAN", "No", 0],
    ["JUDGEMENT", "voldoende", 4],
    ["JUDGEMENT", "5", 5],
    ["PERCENT", "  ", null],
  ] as const)("%s %j → %s", (unit, raw, value) => {
    expect(parseIndicatorValue(unit, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["PERCENT", "101", "indicatorErrors.range.PERCENT"],
    ["PERCENT", "-1", "indicatorErrors.range.PERCENT"],
    ["GRADE", "0,5", "indicatorErrors.range.GRADE"],
    ["GRADE", "11", "indicatorErrors.range.GRADE"],
    ["SCORE", "7,25", "indicatorErrors.decimals.SCORE"],
    ["COUNT", "12,5", "indicatorErrors.decimals.COUNT"],
    ["JUDGEMENT", "6", "indicatorErrors.range.JUDGEMENT"],
    ["JUDGEMENT", "prima", "indicatorErrors.notANumber"],
    ["BOOLEAN", "misschien", "indicatorErrors.boolean"],
    ["PERCENT", "veel", "indicatorErrors.notANumber"],
    ["PERCENT", "1e3", "indicatorErrors.notANumber"],
  ] as const)("%s %j is refused with %s", (unit, raw, error) => {
    expect(parseIndicatorValue(unit, raw)).toEqual({ ok: false, error });
  });
});
