import type { Prisma } from "@/lib/generated/prisma/client";
import type { InformationCategory } from "@/lib/generated/prisma/enums";
import { INFORMATION_CATEGORIES, type LinkFacts, type RightsMoment } from "@/lib/auth/guardian-rights";

// guardian-rights.ts as a Prisma `where` on GuardianLink and as SQL for the
// hand-written statements (decision 0006). Same rule, three forms:
// tests/integration/guardian-rights-forms.test.ts checks all three agree for
// every combination of the link's facts and the pupil's age.

/** A right that selects links: "any" opens the child's page at all; "ask" is art. 1:377c's request. */
export type LinkRight =
  | "any" | "results" | "absences" | "absenceReasons" | "contacts" | "mentor"
  | "absenceAlerts" | "otherMessages" | "book" | "reportSick" | "ask" | "involve";

type Where = Prisma.GuardianLinkWhereInput;

function parts(at: RightsMoment) {
  const adult: Where = { pupil: { birthDate: { lte: at.adultBornBy } } };
  const minor: Where = { pupil: { birthDate: { gt: at.adultBornBy } } };
  const full: Where = {
    accessRestricted: false,
    OR: [{ AND: [minor, { hasParentalAuthority: true }] }, { AND: [adult, { consentGrantedAt: { not: null } }] }],
  };
  const granted = (categories: InformationCategory[]): Where => ({
    AND: [
      minor,
      { accessRestricted: false, hasParentalAuthority: false, informationGrantedAt: { not: null }, informationCategories: { hasSome: categories } },
      { OR: [{ informationUntil: null }, { informationUntil: { gte: at.today } }] },
    ],
  });
  const ownReasons: Where = {
    OR: [{ pupil: { birthDate: { gt: at.ownReasonsBornBy } } }, adult, { reasonsSharedAt: { not: null } }],
  };
  return { adult, minor, full, granted, ownReasons };
}

/** The links through which the guardian has `right` at moment `at`. */
export function linkWhere(right: LinkRight, at: RightsMoment): Where {
  const { adult, minor, full, granted, ownReasons } = parts(at);
  switch (right) {
    case "any":
      return { OR: [full, granted([...INFORMATION_CATEGORIES])] };
    case "results":
      return { OR: [full, granted(["RESULTS"])] };
    case "absences":
    case "absenceAlerts":
      return { OR: [full, granted(["ABSENCES"])] };
    case "absenceReasons":
      return { AND: [{ OR: [full, granted(["ABSENCES"])] }, ownReasons] };
    case "contacts":
    case "mentor":
    case "otherMessages":
    case "book":
    case "reportSick":
      return full;
    case "ask":
      return { AND: [minor, { accessRestricted: false, hasParentalAuthority: false }] };
    case "involve":
      return { accessRestricted: false, OR: [minor, { AND: [adult, { consentGrantedAt: { not: null } }] }] };
  }
}

/**
 * The rule as SQL over a GuardianLink row `link` and its Pupil row `pupil`,
 * with the Dutch calendar day as the date parameter `today` (e.g. "$3").
 * `today - 18 years` is the same limit as bornOnOrBefore (PostgreSQL keeps
 * 29 February on the 28th, as it does). Each expression is a boolean.
 */
export function rightsSql(link: string, pupil: string, today: string): Record<LinkRight, string> {
  const adult = `${pupil}."birthDate" <= (${today}::date - interval '18 years')`;
  const ownReasonsAge = `${pupil}."birthDate" <= (${today}::date - interval '16 years')`;
  const open = `NOT ${link}."accessRestricted"`;
  const full = `(${open} AND CASE WHEN ${adult} THEN ${link}."consentGrantedAt" IS NOT NULL ELSE ${link}."hasParentalAuthority" END)`;
  const granted = (categories: InformationCategory[]) =>
    `(${open} AND NOT ${link}."hasParentalAuthority" AND NOT (${adult}) AND ${link}."informationGrantedAt" IS NOT NULL
      AND ${link}."informationCategories" && ARRAY[${categories.map((c) => `'${c}'`).join(", ")}]::"InformationCategory"[]
      AND (${link}."informationUntil" IS NULL OR ${link}."informationUntil" >= ${today}::date))`;
  const absences = `(${full} OR ${granted(["ABSENCES"])})`;
  return {
    any: `(${full} OR ${granted([...INFORMATION_CATEGORIES])})`,
    results: `(${full} OR ${granted(["RESULTS"])})`,
    absences,
    absenceAlerts: absences,
    absenceReasons: `(${absences} AND (NOT (${ownReasonsAge}) OR ${adult} OR ${link}."reasonsSharedAt" IS NOT NULL))`,
    contacts: full,
    mentor: full,
    otherMessages: full,
    book: full,
    reportSick: full,
    ask: `(${open} AND NOT ${link}."hasParentalAuthority" AND NOT (${adult}))`,
    involve: `(${open} AND (NOT (${adult}) OR ${link}."consentGrantedAt" IS NOT NULL))`,
  };
}

/** A GuardianLink row's facts as json_build_object's arguments, for the hand-written statements. */
export function linkFactsJson(link: string): string {
  return `'hasParentalAuthority', ${link}."hasParentalAuthority", 'accessRestricted', ${link}."accessRestricted",
    'informationGrantedAt', ${link}."informationGrantedAt", 'informationCategories', ${link}."informationCategories",
    'informationUntil', ${link}."informationUntil", 'consentGrantedAt', ${link}."consentGrantedAt", 'reasonsSharedAt', ${link}."reasonsSharedAt"`;
}

export type LinkFactsJson = {
  hasParentalAuthority: boolean; accessRestricted: boolean; informationGrantedAt: string | null; informationCategories: InformationCategory[];
  informationUntil: string | null; consentGrantedAt: string | null; reasonsSharedAt: string | null;
};

/** The facts as Prisma gives them (timestamps without a zone are UTC; days are UTC midnight). */
export function linkFactsFrom(raw: LinkFactsJson): LinkFacts {
  const instant = (v: string | null) => (v === null ? null : new Date(`${v}Z`));
  return {
    hasParentalAuthority: raw.hasParentalAuthority,
    accessRestricted: raw.accessRestricted,
    informationGrantedAt: instant(raw.informationGrantedAt),
    informationCategories: raw.informationCategories,
    informationUntil: raw.informationUntil === null ? null : new Date(`${raw.informationUntil}T00:00:00.000Z`),
    consentGrantedAt: instant(raw.consentGrantedAt),
    reasonsSharedAt: instant(raw.reasonsSharedAt),
  };
}

/** The columns the rule reads, for a Prisma `select` on GuardianLink. */
export const LINK_FACTS_SELECT = {
  hasParentalAuthority: true, accessRestricted: true, informationGrantedAt: true, informationCategories: true,
  informationUntil: true, consentGrantedAt: true, reasonsSharedAt: true,
} as const;
