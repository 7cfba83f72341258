import { describe, expect, it } from "vitest";
import { routesFrom, schoolSystemPlace, SYSTEM_EDGES, SYSTEM_NODES, TRACK_YEARS, type Track } from "@/lib/domain/school-system/model";

describe("schoolSystemPlace", () => {
  it("places a vmbo-k pupil and names the mbo levels and the switch to gt", () => {
    const place = schoolSystemPlace("VMBO_K", 2);
    expect(place).toMatchObject({ node: "VMBO_K", year: 2, years: 4, examYear: false, nextYear: "vmboYear2" });
    expect(place.next).toEqual([
      { node: "MBO_3", kind: "main" }, { node: "MBO_4", kind: "main" }, { node: "VMBO_GT", kind: "switch" },
    ]);
  });

  it("places a havo pupil: profile choice in year 3, exam in year 5, hbo or mbo 4 or vwo after", () => {
    expect(schoolSystemPlace("HAVO", 3).nextYear).toBe("profileChoice");
    expect(schoolSystemPlace("HAVO", 4).nextYear).toBe("beforeExam");
    const exam = schoolSystemPlace("HAVO", 5);
    expect(exam).toMatchObject({ examYear: true, nextYear: "havoExam" });
    expect(exam.next.map((n) => n.node)).toEqual(["HBO", "VWO", "MBO_4"]);
  });

  it("places an mbo pupil: study years, then the exam year, and mbo 4 leads to hbo", () => {
    expect(schoolSystemPlace("MBO_3", 1)).toMatchObject({ node: "MBO_3", years: 3, nextYear: "mboYear" });
    expect(schoolSystemPlace("MBO_3", 3)).toMatchObject({ examYear: true, nextYear: "mboExam" });
    expect(schoolSystemPlace("MBO_4", 2).next).toEqual([{ node: "HBO", kind: "main" }]);
    expect(schoolSystemPlace("MBO_1", 1)).toMatchObject({ examYear: true, nextYear: "mboExam" });
  });

  it("gives every track and year a next-year text", () => {
    const expected: Record<Track, string[]> = {
      VMBO_B: ["vmboYear1", "vmboYear2", "vmboYear3", "vmboExam"],
      VMBO_K: ["vmboYear1", "vmboYear2", "vmboYear3", "vmboExam"],
      VMBO_GT: ["vmboYear1", "vmboYear2", "vmboYear3", "vmboExam"],
      HAVO: ["lowerYears", "lowerYears", "profileChoice", "beforeExam", "havoExam"],
      VWO: ["lowerYears", "lowerYears", "profileChoice", "upperYears", "beforeExam", "vwoExam"],
      MBO_1: ["mboExam"],
      MBO_2: ["mboYear", "mboExam"],
      MBO_3: ["mboYear", "mboYear", "mboExam"],
      MBO_4: ["mboYear", "mboYear", "mboYear", "mboExam"],
    };
    for (const [track, keys] of Object.entries(expected)) {
      expect(keys).toHaveLength(TRACK_YEARS[track as Track]);
      keys.forEach((key, i) => expect(schoolSystemPlace(track, i + 1).nextYear, `${track} ${i + 1}`).toBe(key));
    }
  });

  it("keeps a year past the programme's end in its exam year", () => {
    expect(schoolSystemPlace("VMBO_GT", 6)).toMatchObject({ year: 4, examYear: true, nextYear: "vmboExam" });
  });

  it("answers an unknown track or a broken year with no place", () => {
    for (const [track, year] of [["PRO", 2], ["", 1], ["HAVO", 0], ["HAVO", 1.5], ["toString", 1]] as const) {
      expect(schoolSystemPlace(track, year)).toMatchObject({ node: null, years: null, next: [], nextYear: "unknown" });
    }
  });
});

describe("the graph", () => {
  it("reaches every node from primary school, and every edge joins known nodes", () => {
    const seen = new Set<string>(["PRIMARY"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of SYSTEM_EDGES) {
        if (seen.has(e.from) && !seen.has(e.to)) {
          seen.add(e.to);
          grew = true;
        }
      }
    }
    // mbo 1 (entree) is for pupils without a diploma: reached from any track without one, not by an edge.
    expect([...SYSTEM_NODES].filter((n) => !seen.has(n))).toEqual(["MBO_1"]);
    expect(routesFrom("WO")).toEqual([]);
  });
});
