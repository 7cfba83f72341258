import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { PUBLIC_REVALIDATE_SECONDS, PUBLIC_SCHOOLS_TAG, publicSchoolTag } from "@/lib/domain/schools/cache-tags";
import { latestYears, withBenchmarks, type PublicFigure } from "@/lib/domain/schools/figures";
import { MAX_COMPARED, type SchoolSearchInput } from "@/lib/domain/schools/schemas";
import { keyFiguresOf, KEY_FIGURE_CODES } from "@/lib/domain/schools/key-figures";
import { DOMAINS, type Domain } from "@/lib/domain/self-assessment/model";

// Public school data: no actor, because everything here is public — and
// therefore only the *published* columns of IndicatorValue are ever selected.
// Drafts (draftValue, draftExplanation, rows without publishedAt) cannot leak
// into a page or a cache entry because they are never read.
//
// The load… functions are uncached (tests call them; unstable_cache needs the
// Next runtime). Pages use the cached wrappers below; a leader's publication
// revalidates PUBLIC_SCHOOLS_TAG and publicSchoolTag(id).

/** Published figures shown on a profile: this many school years. */
export const TREND_YEARS = 3;

export const PUBLISHED = { publishedAt: { not: null }, publishedValue: { not: null } } as const;

const contactSelect = {
  id: true, slug: true, name: true, city: true, street: true, postalCode: true, phone: true, email: true,
  websiteUrl: true, denomination: true, levels: true,
} as const;

/** The school's latest published involvement self-assessment (issue 19 part 4): published columns only. */
export type PublicSelfAssessment = { schoolYear: string; publishedAt: string; domains: { domain: Domain; level: number; sentence: string }[] };

export type PublicSchoolProfile = Awaited<ReturnType<typeof loadSchoolProfile>> & {};

/**
 * A school is on the public Schoolkompas once it has published a figure: a
 * school the board has just added (no figures yet) has no profile, is not
 * found and cannot be compared.
 */
const IS_PUBLIC = { indicatorValues: { some: PUBLISHED } } as const;
const IS_PUBLIC_SQL = Prisma.sql`EXISTS (SELECT 1 FROM "IndicatorValue" v WHERE v."schoolId" = "School"."id" AND v."publishedAt" IS NOT NULL AND v."publishedValue" IS NOT NULL)`;

/** slug → id of public schools, in the order asked. */
export async function loadSchoolIds(slugs: string[]): Promise<{ slug: string; id: string }[]> {
  const rows = await db.school.findMany({ where: { slug: { in: slugs }, ...IS_PUBLIC }, select: { slug: true, id: true } });
  return slugs.flatMap((slug) => rows.filter((r) => r.slug === slug));
}

/** One school's contact details and published figures of its latest TREND_YEARS years, with benchmarks. */
export async function loadSchoolProfile(schoolId: string) {
  // Two independent queries in one round trip's time; relationJoins makes each a single statement.
  const [school, benchmarks] = await Promise.all([
    db.school.findUnique({
      where: { id: schoolId },
      select: {
        ...contactSelect,
        // The parent-involvement policy: its newest published version (issue 19, lib/domain/agreement).
        textVersions: {
          where: { kind: "POLICY", number: { not: null } },
          orderBy: { number: "desc" },
          take: 1,
          select: { publishedAt: true, texts: { select: { locale: true, body: true } } },
        },
        indicatorValues: {
          where: PUBLISHED,
          select: {
            schoolType: true, publishedValue: true, publishedExplanation: true, publishedAt: true,
            indicator: { select: { code: true } }, schoolYear: { select: { name: true } },
          },
        },
        // Part of the same statement (relationJoins): no extra query for the summary or per domain.
        selfAssessments: {
          where: { publishedAt: { not: null } }, orderBy: { publishedAt: "desc" }, take: 1,
          select: {
            publishedAt: true, schoolYear: { select: { name: true } },
            scores: { where: { publishedLevel: { not: null } }, select: { domain: true, publishedLevel: true, publishedSentence: true } },
          },
        },
      },
    }),
    db.indicatorBenchmark.findMany({
      where: { schoolYear: { indicatorValues: { some: { schoolId, ...PUBLISHED } } } },
      select: { schoolType: true, value: true, indicator: { select: { code: true } }, schoolYear: { select: { name: true } } },
    }),
  ]);
  if (!school) return null;
  const { indicatorValues, textVersions, selfAssessments, ...details } = school;
  const policy = textVersions[0]?.publishedAt ? textVersions[0] : null;
  const published = selfAssessments[0];
  const selfAssessment: PublicSelfAssessment | null = published?.publishedAt ? {
    schoolYear: published.schoolYear.name,
    publishedAt: published.publishedAt.toISOString(),
    domains: DOMAINS.flatMap((domain) => {
      const score = published.scores.find((s) => s.domain === domain);
      return score?.publishedLevel ? [{ domain, level: score.publishedLevel, sentence: score.publishedSentence ?? "" }] : [];
    }),
  } : null;
  const years = latestYears(indicatorValues.map((v) => v.schoolYear.name), TREND_YEARS);
  const figures: PublicFigure[] = withBenchmarks(
    indicatorValues
      .filter((v) => years.includes(v.schoolYear.name))
      .map((v) => ({
        code: v.indicator.code, schoolType: v.schoolType, year: v.schoolYear.name,
        value: Number(v.publishedValue), explanation: v.publishedExplanation,
      })),
    benchmarks.map((b) => ({ code: b.indicator.code, year: b.schoolYear.name, schoolType: b.schoolType, value: Number(b.value) })),
  );
  const lastPublishedAt = indicatorValues.reduce<Date | null>((max, v) => (v.publishedAt && (!max || v.publishedAt > max) ? v.publishedAt : max), null);
  return {
    ...details,
    // The policy is public only once the school has published a version: its texts per language (Dutch always).
    parentPolicy: policy ? (Object.fromEntries(policy.texts.map((t) => [t.locale, t.body])) as Partial<Record<Locale, string>>) : null,
    parentPolicyPublishedAt: policy?.publishedAt?.toISOString() ?? null,
    lastPublishedAt: lastPublishedAt?.toISOString() ?? null,
    selfAssessment,
    years,
    figures,
  };
}

const cachedSchoolIds = unstable_cache(loadSchoolIds, ["public-school-ids"], {
  tags: [PUBLIC_SCHOOLS_TAG],
  revalidate: PUBLIC_REVALIDATE_SECONDS,
});

function cachedProfile(schoolId: string) {
  return unstable_cache(() => loadSchoolProfile(schoolId), ["public-school-profile", schoolId], {
    tags: [PUBLIC_SCHOOLS_TAG, publicSchoolTag(schoolId)],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })();
}

type Loaders = { ids: typeof loadSchoolIds; profile: typeof loadSchoolProfile };
type Profile = NonNullable<PublicSchoolProfile>;

/**
 * Profiles for slugs (null = no such school), in the order asked. A cached
 * slug → id entry can outlive its school (removed, database re-created): a
 * profile that is missing or carries another slug is looked up again uncached.
 */
async function profilesOf(loaders: Loaders, slugs: string[]): Promise<(Profile | null)[]> {
  const found = await loaders.ids(slugs);
  return Promise.all(
    slugs.map(async (slug) => {
      const id = found.find((f) => f.slug === slug)?.id;
      if (!id) return null;
      const profile = await loaders.profile(id);
      if (profile?.slug === slug) return profile;
      const [fresh] = await loadSchoolIds([slug]);
      return fresh ? loaders.profile(fresh.id) : null;
    }),
  );
}

const CACHED: Loaders = { ids: cachedSchoolIds, profile: cachedProfile };
const UNCACHED: Loaders = { ids: loadSchoolIds, profile: loadSchoolProfile };

/** The public profile of a school, or null for an unknown slug. Cached; deduplicated per request. */
export const getSchoolProfile = cache(async (slug: string) => (await profilesOf(CACHED, [slug]))[0]);

export type Comparison = { schools: Profile[]; unknownSlugs: string[] };

/** The profiles of up to MAX_COMPARED schools, in the order asked; slugs without a school are reported. */
export async function compareWith(loaders: Loaders, slugs: string[]): Promise<Comparison> {
  const asked = [...new Set(slugs)].slice(0, MAX_COMPARED);
  const profiles = await profilesOf(loaders, asked);
  return {
    schools: profiles.filter((p) => p !== null),
    unknownSlugs: asked.filter((_, i) => profiles[i] === null),
  };
}

export const loadComparison = (slugs: string[]) => compareWith(UNCACHED, slugs);
export const getComparison = (slugs: string[]) => compareWith(CACHED, slugs);

/** Results per search; a parent refines the search rather than paging. */
export const SEARCH_LIMIT = 20;

// Must be the expression of "School_search_trgm_idx" so PostgreSQL can use the index.
const SEARCH_DOCUMENT = Prisma.sql`lower(sk_unaccent("name" || ' ' || "city"))`;

/** Ids of matching schools, best match first: typo-tolerant (trigrams) and accent-blind (unaccent). */
async function matchingSchoolIds({ q, type, denomination }: SchoolSearchInput, limit: number): Promise<string[]> {
  const filters = [
    IS_PUBLIC_SQL,
    type ? Prisma.sql`${type} = ANY("levels")` : null,
    denomination ? Prisma.sql`"denomination" = ${denomination}::"Denomination"` : null,
  ].filter((f) => f !== null);
  if (!q) {
    const where = Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}`;
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "School" ${where} ORDER BY "name", "city" LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }
  const needle = Prisma.sql`lower(sk_unaccent(${q}::text))`;
  const substring = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  const match = Prisma.sql`(${needle} <% ${SEARCH_DOCUMENT} OR ${SEARCH_DOCUMENT} LIKE lower(sk_unaccent(${substring}::text)))`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "School"
    WHERE ${Prisma.join([match, ...filters], " AND ")}
    ORDER BY word_similarity(${needle}, ${SEARCH_DOCUMENT}) DESC, "name"
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** Matching schools with their key figures from their latest published year. */
export async function loadSearchResults(input: SchoolSearchInput) {
  const ids = await matchingSchoolIds(input, SEARCH_LIMIT + 1);
  const schools = await db.school.findMany({
    where: { id: { in: ids.slice(0, SEARCH_LIMIT) } },
    select: {
      id: true, slug: true, name: true, city: true, levels: true, denomination: true,
      indicatorValues: {
        where: { ...PUBLISHED, indicator: { code: { in: [...KEY_FIGURE_CODES] } } },
        select: { schoolType: true, publishedValue: true, indicator: { select: { code: true } }, schoolYear: { select: { name: true } } },
      },
    },
  });
  const results = ids.flatMap((id) => schools.filter((s) => s.id === id)).map(({ indicatorValues, ...school }) => ({
    ...school,
    keyFigures: keyFiguresOf(
      indicatorValues.map((v) => ({ code: v.indicator.code, schoolType: v.schoolType, year: v.schoolYear.name, value: Number(v.publishedValue) })),
    ),
  }));
  return { results, hasMore: ids.length > SEARCH_LIMIT };
}
export type SchoolSearchResult = Awaited<ReturnType<typeof loadSearchResults>>["results"][number];

export const searchSchools = unstable_cache(loadSearchResults, ["public-school-search"], {
  tags: [PUBLIC_SCHOOLS_TAG],
  revalidate: PUBLIC_REVALIDATE_SECONDS,
});
