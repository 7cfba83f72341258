import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryStats } from "@/lib/db/client";
import { INDICATORS } from "@/lib/domain/indicators/catalogue";
import { compareWith, loadComparison, loadSchoolIds, loadSchoolProfile, loadSearchResults } from "@/lib/domain/schools/queries";
import { MAX_COMPARED, parseCompareSelection } from "@/lib/domain/schools/schemas";
import type { Denomination } from "@/lib/generated/prisma/enums";

// The public pages read only what a school published. These tests write
// drafts next to published values and check that no public query returns them.

const unique = () => randomUUID().slice(0, 8);
const YEARS = ["2022-2023", "2023-2024", "2024-2025", "2025-2026"] as const;
type Year = (typeof YEARS)[number];
const yearIds = new Map<Year, string>();
const indicatorIds = new Map<string, string>();
// A draft the tests write everywhere; it must never come back.
const DRAFT_TEXT = "CONCEPT-NIET-PUBLIEK";

beforeAll(async () => {
  for (const [i, name] of YEARS.entries()) {
    const start = 2022 + i;
    const year = await db.schoolYear.upsert({
      where: { name },
      update: {},
      create: { name, startsOn: new Date(Date.UTC(start, 7, 1)), endsOn: new Date(Date.UTC(start + 1, 6, 31)) },
    });
    yearIds.set(name, year.id);
  }
  for (const [i, d] of INDICATORS.entries()) {
    const row = await db.qualityIndicator.upsert({
      where: { code: d.code },
      update: {},
      create: { code: d.code, group: d.group, unit: d.unit, direction: d.direction, perSchoolType: d.perSchoolType, sortOrder: i + 1 },
    });
    indicatorIds.set(d.code, row.id);
  }
});

/**
 * A school with one published figure (its pupil count of 2024-2025): only a
 * school that has published something is public. `withFigure: false` for a
 * test that publishes its own figures.
 */
async function createPublicSchool(data: { name: string; city: string; levels?: string[]; denomination?: Denomination }, { withFigure = true } = {}) {
  const board = await db.board.create({ data: { name: `Bestuur ${unique()}` } });
  const u = unique();
  const school = await db.school.create({
    data: {
      boardId: board.id, brin: u.slice(0, 4).toUpperCase(), locationCode: "00", slug: `${data.name.toLowerCase().replace(/\W+/g, "-")}-${u}`,
      kind: "HAVO_VWO", levels: data.levels ?? ["HAVO", "VWO"], ...data,
    },
  });
  if (withFigure) await setValue(school.id, { code: "PUPIL_COUNT", year: "2024-2025", published: 500, draft: 500 });
  return school;
}

type ValueInput = { code: string; year: Year; schoolType?: string; published?: number | null; draft?: number | null; explanation?: string | null };

/** A value as a leader leaves it: a draft, and (when `published` is given) what was published. */
async function setValue(schoolId: string, v: ValueInput) {
  const isPublished = v.published !== undefined;
  return db.indicatorValue.create({
    data: {
      schoolId, indicatorId: indicatorIds.get(v.code)!, schoolYearId: yearIds.get(v.year)!, schoolType: v.schoolType ?? "ALL",
      draftValue: v.draft ?? null, draftExplanation: DRAFT_TEXT,
      publishedValue: isPublished ? v.published : null, publishedExplanation: isPublished ? (v.explanation ?? null) : null,
      publishedAt: isPublished ? new Date("2025-10-01T08:00:00Z") : null,
    },
  });
}

async function setBenchmark(code: string, year: Year, schoolType: string, value: number) {
  const where = { indicatorId_schoolYearId_schoolType: { indicatorId: indicatorIds.get(code)!, schoolYearId: yearIds.get(year)!, schoolType } };
  await db.indicatorBenchmark.upsert({ where, update: { value }, create: { ...where.indicatorId_schoolYearId_schoolType, value } });
}

describe("drafts never reach the public", () => {
  it("profile, search and compare show published values only, never a draft or an unpublished year", async () => {
    const school = await createPublicSchool({ name: "Draftcollege Zuid", city: "Delft" }, { withFigure: false });
    // Published, then a correction typed in but not yet published.
    await setValue(school.id, { code: "EXAM_PASS_RATE", year: "2024-2025", schoolType: "HAVO", published: 81.5, draft: 12.5, explanation: "Gepubliceerde uitleg" });
    await setValue(school.id, { code: "EXAM_PASS_RATE", year: "2023-2024", schoolType: "HAVO", published: 79, draft: 79 });
    await setValue(school.id, { code: "PUPIL_COUNT", year: "2024-2025", published: 640, draft: 640 });
    // The current year: drafts only.
    await setValue(school.id, { code: "EXAM_PASS_RATE", year: "2025-2026", schoolType: "HAVO", draft: 33.3 });
    await setValue(school.id, { code: "PUPIL_COUNT", year: "2025-2026", draft: 777.77 });
    await setValue(school.id, { code: "INSPECTION_JUDGEMENT", year: "2025-2026", draft: 1 });
    // Published as "no value": nothing to show.
    await setValue(school.id, { code: "SOCIAL_SAFETY", year: "2024-2025", published: null, draft: 50 });

    const profile = await loadSchoolProfile(school.id);
    expect(profile?.years).toEqual(["2023-2024", "2024-2025"]);
    expect(profile?.figures.map((f) => [f.code, f.year, f.value]).sort()).toEqual([
      ["EXAM_PASS_RATE", "2023-2024", 79],
      ["EXAM_PASS_RATE", "2024-2025", 81.5],
      ["PUPIL_COUNT", "2024-2025", 640],
    ]);
    expect(profile?.figures.find((f) => f.year === "2024-2025" && f.code === "EXAM_PASS_RATE")?.explanation).toBe("Gepubliceerde uitleg");

    const { results } = await loadSearchResults({ q: "draftcollege" });
    expect(results.map((r) => r.slug)).toEqual([school.slug]);
    expect(results[0].keyFigures).toEqual({ year: "2024-2025", passRates: [{ schoolType: "HAVO", value: 81.5 }], judgement: null, pupilCount: 640 });

    const comparison = await loadComparison([school.slug]);
    expect(comparison.schools[0].figures).toEqual(profile?.figures);

    // Whatever the shape, no draft number or text is anywhere in what the pages get.
    for (const payload of [profile, results, comparison].map((p) => JSON.stringify(p))) {
      expect(payload).not.toContain(DRAFT_TEXT);
      expect(payload).not.toContain("2025-2026");
      for (const draft of ["12.5", "33.3", "777.77"]) expect(payload).not.toContain(draft);
    }
  });

  it("a school with only drafts (e.g. just added by the board) is not public until it publishes", async () => {
    const school = await createPublicSchool({ name: "Alleenconcept Lyceum", city: "Gouda" }, { withFigure: false });
    await setValue(school.id, { code: "PUPIL_COUNT", year: "2025-2026", draft: 500 });
    expect((await loadSearchResults({ q: "alleenconcept" })).results).toEqual([]);
    expect((await loadSearchResults({})).results.map((r) => r.id)).not.toContain(school.id);
    expect(await loadSchoolIds([school.slug])).toEqual([]);
    expect(await loadComparison([school.slug])).toEqual({ schools: [], unknownSlugs: [school.slug] });
    const profile = await loadSchoolProfile(school.id);
    expect(profile).toMatchObject({ years: [], figures: [], lastPublishedAt: null });

    await db.indicatorValue.updateMany({ where: { schoolId: school.id }, data: { publishedValue: 500, publishedAt: new Date() } });
    expect((await loadSearchResults({ q: "alleenconcept" })).results.map((r) => r.id)).toEqual([school.id]);
    expect(await loadSchoolIds([school.slug])).toEqual([{ slug: school.slug, id: school.id }]);
  });

  it("the parent-involvement policy is public only once published", async () => {
    const draft = await createPublicSchool({ name: "Beleidloos College", city: "Ede" });
    // The policy is a versioned school text (issue 19): a draft has no number and is not public.
    const version = await db.schoolTextVersion.create({
      data: { schoolId: draft.id, kind: "POLICY", texts: { create: [{ locale: "nl", body: "Nog niet klaar" }, { locale: "en", body: "Not ready" }] } },
    });
    expect((await loadSchoolProfile(draft.id))?.parentPolicy).toBeNull();
    await db.schoolTextVersion.update({ where: { id: version.id }, data: { number: 1, publishedAt: new Date() } });
    expect((await loadSchoolProfile(draft.id))?.parentPolicy).toEqual({ nl: "Nog niet klaar", en: "Not ready" });
  });
});

describe("benchmarks", () => {
  it("come from the same year and school type, else from the whole-school benchmark", async () => {
    const school = await createPublicSchool({ name: "Benchmark College", city: "Breda" }, { withFigure: false });
    await setValue(school.id, { code: "EXAM_PASS_RATE", year: "2024-2025", schoolType: "HAVO", published: 90 });
    await setValue(school.id, { code: "EXAM_PASS_RATE", year: "2024-2025", schoolType: "VWO", published: 91 });
    await setValue(school.id, { code: "SOCIAL_SAFETY", year: "2023-2024", published: 92 });
    await setBenchmark("EXAM_PASS_RATE", "2024-2025", "HAVO", 88.3);
    await setBenchmark("EXAM_PASS_RATE", "2024-2025", "ALL", 85);
    await setBenchmark("SOCIAL_SAFETY", "2023-2024", "ALL", 90.4);
    await setBenchmark("SOCIAL_SAFETY", "2024-2025", "ALL", 10);

    const before = queryStats.count;
    const profile = await loadSchoolProfile(school.id);
    // One statement for the school with its figures, one for the benchmarks.
    expect(queryStats.count - before).toBe(2);
    const benchmarkOf = (code: string, schoolType: string) => profile?.figures.find((f) => f.code === code && f.schoolType === schoolType)?.benchmark;
    expect(benchmarkOf("EXAM_PASS_RATE", "HAVO")).toBe(88.3);
    expect(benchmarkOf("EXAM_PASS_RATE", "VWO")).toBe(85);
    expect(benchmarkOf("SOCIAL_SAFETY", "ALL")).toBe(90.4);
  });
});

describe("search", () => {
  let linden: { id: string; slug: string };
  let vakschool: { id: string; slug: string };
  beforeAll(async () => {
    linden = await createPublicSchool({ name: "Lindenhorst College", city: "Amersfoort", levels: ["HAVO", "VWO"], denomination: "OPENBAAR" });
    vakschool = await createPublicSchool({ name: "Vakcollege De Waterlinie", city: "Utrecht", levels: ["VMBO_B", "VMBO_K"], denomination: "ROOMS_KATHOLIEK" });
  });
  const slugsFor = async (input: Parameters<typeof loadSearchResults>[0]) => (await loadSearchResults(input)).results.map((r) => r.slug);

  it.each(["Lindenhorst", "lindenhorst colege", "Lindenhørst", "LINDENHÖRST college", "lindenhost", "amersfort", "College Amersfoort"])(
    "finds Lindenhorst College for %j (typos, accents, place)",
    async (q) => {
      expect((await slugsFor({ q }))[0]).toBe(linden.slug);
    },
  );

  it("filters by school type offered and by denomination", async () => {
    expect(await slugsFor({ q: "college", type: "VMBO_K" })).toEqual([vakschool.slug]);
    expect(await slugsFor({ q: "college", denomination: "OPENBAAR" })).toContain(linden.slug);
    expect(await slugsFor({ q: "college", denomination: "OPENBAAR" })).not.toContain(vakschool.slug);
    expect(await slugsFor({ type: "VMBO_B" })).toEqual([vakschool.slug]);
  });

  it("treats LIKE wildcards in the query as text and finds nothing for nonsense", async () => {
    expect(await slugsFor({ q: "%" })).toEqual([]);
    expect(await slugsFor({ q: "qqqxxzz" })).toEqual([]);
  });

  it("answers in two round trips", async () => {
    const before = queryStats.count;
    await loadSearchResults({ q: "lindenhorst" });
    expect(queryStats.count - before).toBe(2);
  });
});

describe("compare", () => {
  it("reports unknown slugs without failing and keeps the order asked", async () => {
    const a = await createPublicSchool({ name: "Vergelijk Een", city: "Assen" });
    const b = await createPublicSchool({ name: "Vergelijk Twee", city: "Emmen" });
    const comparison = await loadComparison([b.slug, "bestaat-niet", a.slug]);
    expect(comparison.schools.map((s) => s.slug)).toEqual([b.slug, a.slug]);
    expect(comparison.unknownSlugs).toEqual(["bestaat-niet"]);
    expect(await loadSchoolIds(["bestaat-niet"])).toEqual([]);
  });

  it("refuses a fourth school", async () => {
    const schools = await Promise.all([1, 2, 3, 4].map((n) => createPublicSchool({ name: `Vier Scholen ${n}`, city: "Hoorn" })));
    const slugs = schools.map((s) => s.slug);
    const selection = parseCompareSelection(slugs.join(","));
    expect(selection).toMatchObject({ slugs: slugs.slice(0, MAX_COMPARED), refused: 1 });
    // Also when the query is called with more than allowed.
    const comparison = await loadComparison(slugs);
    expect(comparison.schools.map((s) => s.slug)).toEqual(slugs.slice(0, 3));
    expect(comparison.unknownSlugs).toEqual([]);
  });

  it("looks a school up again when a cached slug → id entry is out of date", async () => {
    const school = await createPublicSchool({ name: "Verhuisd College", city: "Venlo" });
    const staleIds = async (slugs: string[]) => slugs.map((slug) => ({ slug, id: "id-of-a-removed-school" }));
    const comparison = await compareWith({ ids: staleIds, profile: loadSchoolProfile }, [school.slug, "bestaat-niet"]);
    expect(comparison.schools.map((s) => s.id)).toEqual([school.id]);
    expect(comparison.unknownSlugs).toEqual(["bestaat-niet"]);
  });
});
