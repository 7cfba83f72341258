// The five-level involvement model of the Hague thesis (decision 0038): the
// four parts of the BLIM model — Bestaansrecht, Leefbaarheid, Inrichting,
// Management — each scored on the thesis's five intensities of parent
// involvement (1 informatiegericht … 5 innovatiegericht). The descriptions
// of each level per domain are catalogue texts (selfAssessment.domains.*).
// Pure: no database, no zod, so client forms may import it.

export const DOMAINS = ["bestaansrecht", "leefbaarheid", "inrichting", "management"] as const;
export type Domain = (typeof DOMAINS)[number];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

/** The team's own note per domain (never public). */
export const NOTE_MAX = 2000;
/** The public summary's one sentence per domain. */
export const SENTENCE_MAX = 200;

export const isDomain = (value: string): value is Domain => (DOMAINS as readonly string[]).includes(value);

/**
 * Which school-level reach figures evidence which domain (decision 0038):
 * whether parents are reached at all and how the contact goes speaks to
 * Inrichting (the means to reach every family); whether parents come and how
 * contact feels speaks to Bestaansrecht (what parents ask of the school).
 */
export const EVIDENCE_OF: Record<Domain, readonly ("contactWithinThreshold" | "neverReached" | "positiveShare" | "conferenceAttendance")[]> = {
  bestaansrecht: ["positiveShare", "conferenceAttendance"],
  leefbaarheid: [],
  inrichting: ["contactWithinThreshold", "neverReached"],
  management: [],
};

/** Change of level from the year before, per domain (null: one of them not scored). */
export function levelChange(now: number | null | undefined, before: number | null | undefined): number | null {
  return now == null || before == null ? null : now - before;
}
