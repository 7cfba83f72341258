import { describe, expect, it } from "vitest";
import { parseReachQuery, share, sortReachRows, type ReachRow } from "@/lib/domain/reach/filter";

const row = (name: string, families: number, reached: number, moments = 0, positive = 0): ReachRow =>
  ({ id: name, name, families, reached, never: families - reached, onlyProblems: 0, moments, positive });

describe("the reach dashboard's address bar", () => {
  it("defaults to worst reach first and ignores what it does not know", () => {
    expect(parseReachQuery({})).toEqual({ sort: "reached", dir: "asc" });
    expect(parseReachQuery({ year: "3", track: "HAVO", sort: "never", dir: "desc" })).toEqual({ year: 3, track: "HAVO", sort: "never", dir: "desc" });
    expect(parseReachQuery({ year: ["2", "5"], track: "havo<script>", sort: "id;--", dir: "sideways" })).toEqual({ year: 2, sort: "reached", dir: "asc" });
    expect(parseReachQuery({ year: "9", track: "X".repeat(50) })).toEqual({ sort: "reached", dir: "asc" });
    expect(parseReachQuery({ year: "1.5", track: "VWO\u0000" })).toEqual({ sort: "reached", dir: "asc" });
  });
});

describe("sorting classes", () => {
  const rows = [row("2B", 10, 5, 4, 1), row("1A", 10, 2, 0, 0), row("10C", 0, 0), row("3A", 8, 2, 2, 2)];
  it("by reached share, rows without families last either way, ties by name in natural order", () => {
    expect(sortReachRows(rows, "reached", "asc").map((r) => r.name)).toEqual(["1A", "3A", "2B", "10C"]);
    expect(sortReachRows(rows, "reached", "desc").map((r) => r.name)).toEqual(["2B", "3A", "1A", "10C"]);
  });
  it("by name in natural order, and by positive share (no moments: last)", () => {
    expect(sortReachRows(rows, "name", "asc").map((r) => r.name)).toEqual(["1A", "2B", "3A", "10C"]);
    expect(sortReachRows(rows, "positive", "desc").map((r) => r.name)).toEqual(["3A", "2B", "1A", "10C"]);
  });
  it("has no share without a whole", () => {
    expect(share(1, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
  });
});
