import { z } from "zod";
import { SCHOOL_TYPES } from "@/lib/domain/indicators/catalogue";
import { Denomination } from "@/lib/generated/prisma/enums";

// Public pages read their input from the query string of plain GET links and
// forms. A malformed part is dropped instead of failing the page: a parent who
// edits a shared link should still get a useful answer.

/** Compare at most this many schools side by side (as the original Schoolkompas did). */
export const MAX_COMPARED = 3;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isSlug = (value: string) => value.length <= 120 && SLUG.test(value);

/** The school types a school can offer (School.levels); "ALL" is not a level. */
/** The denominations a search can filter on (Prisma's enum values, for the form). */
export const DENOMINATIONS = Object.values(Denomination);

export const OFFERED_TYPES = SCHOOL_TYPES.filter((t) => t !== "ALL");

const firstOf = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalText = (max: number) =>
  z.preprocess(firstOf, z.string().trim().max(max).transform((v) => v || undefined).optional().catch(undefined));

export const SchoolSearchInput = z.object({
  q: optionalText(100),
  type: z.preprocess(firstOf, z.enum(OFFERED_TYPES).optional().catch(undefined)),
  denomination: z.preprocess(firstOf, z.enum(Denomination).optional().catch(undefined)),
});
export type SchoolSearchInput = z.infer<typeof SchoolSearchInput>;

export type CompareSelection = {
  /** Well-formed, distinct slugs, at most MAX_COMPARED, in the order given. */
  slugs: string[];
  /** Parts that cannot be a school's slug, shown as "not found". */
  malformed: string[];
  /** How many distinct schools were asked for beyond MAX_COMPARED. */
  refused: number;
};

/** Reads `schools=a,b,c` (also repeated `schools=a&schools=b`). */
export function parseCompareSelection(raw: unknown): CompareSelection {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const parts = [...new Set(values.flatMap((v) => v.split(",")).map((p) => p.trim().toLowerCase()).filter(Boolean))];
  const wellFormed = parts.filter(isSlug);
  return {
    slugs: wellFormed.slice(0, MAX_COMPARED),
    malformed: parts.filter((p) => !isSlug(p)).slice(0, MAX_COMPARED).map((p) => p.slice(0, 60)),
    refused: Math.max(0, wellFormed.length - MAX_COMPARED),
  };
}
