import { expect, it } from "vitest";
import { compareHref, searchHref, withSchool, withoutSchool } from "@/lib/domain/schools/links";
import { parseCompareSelection, SchoolSearchInput } from "@/lib/domain/schools/schemas";
import { keyFiguresOf } from "@/lib/domain/schools/key-figures";

it("builds readable, shareable links that carry the selection", () => {
  expect(compareHref(["a", "b-c"])).toBe("/compare?schools=a,b-c");
  expect(compareHref([])).toBe("/compare");
  expect(searchHref({ q: "linden horst", type: "HAVO" }, ["a"])).toBe("/?q=linden+horst&type=HAVO&compare=a");
  expect(searchHref({})).toBe("/");
});

it("adds at most three distinct schools and removes one", () => {
  expect(withSchool(["a"], "b")).toEqual(["a", "b"]);
  expect(withSchool(["a", "b"], "a")).toEqual(["a", "b"]);
  expect(withSchool(["a", "b", "c"], "d")).toEqual(["a", "b", "c"]);
  expect(withoutSchool(["a", "b", "c"], "b")).toEqual(["a", "c"]);
});

it("parseCompareSelection keeps three, counts the refused and reports malformed parts", () => {
  expect(parseCompareSelection("a,b, A ,c,d,e")).toEqual({ slugs: ["a", "b", "c"], malformed: [], refused: 2 });
  expect(parseCompareSelection(["a", "b<script>"])).toEqual({ slugs: ["a"], malformed: ["b<script>"], refused: 0 });
  expect(parseCompareSelection(undefined)).toEqual({ slugs: [], malformed: [], refused: 0 });
  expect(parseCompareSelection(",,")).toEqual({ slugs: [], malformed: [], refused: 0 });
});

it("SchoolSearchInput drops what it does not understand instead of failing", () => {
  expect(SchoolSearchInput.parse({ q: "  lindenhorst ", type: "HAVO", denomination: "OPENBAAR" })).toEqual({ q: "lindenhorst", type: "HAVO", denomination: "OPENBAAR" });
  expect(SchoolSearchInput.parse({ q: ["x", "y"], type: "ALL", denomination: "nope" })).toEqual({ q: "x" });
  expect(SchoolSearchInput.parse({ q: "" })).toEqual({});
  expect(SchoolSearchInput.parse({ q: "x".repeat(500) }).q).toBeUndefined();
});

it("keyFiguresOf reads the latest published year", () => {
  const figures = keyFiguresOf([
    { code: "PUPIL_COUNT", schoolType: "ALL", year: "2023-2024", value: 700 },
    { code: "PUPIL_COUNT", schoolType: "ALL", year: "2024-2025", value: 720 },
    { code: "EXAM_PASS_RATE", schoolType: "VWO", year: "2024-2025", value: 91 },
    { code: "EXAM_PASS_RATE", schoolType: "HAVO", year: "2024-2025", value: 88 },
    { code: "INSPECTION_JUDGEMENT", schoolType: "ALL", year: "2023-2024", value: 2 },
  ]);
  expect(figures).toEqual({ year: "2024-2025", passRates: [{ schoolType: "HAVO", value: 88 }, { schoolType: "VWO", value: 91 }], judgement: null, pupilCount: 720 });
});
