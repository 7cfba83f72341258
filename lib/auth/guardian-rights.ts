import type { InformationCategory } from "@/lib/generated/prisma/enums";
import { dutchToday } from "@/lib/domain/calendar/dates";

// THE rule for a guardian's link to a pupil: what the guardian may see,
// receive and book, at a moment. Every page, query, message and job asks it
// (this file, or its Prisma and SQL forms in guardian-rights-forms.ts, which
// tests keep equal to it). Decisions 0022 and 0023.
//
// - The school restricted the link (e.g. a court order): nothing.
// - A pupil of 18+ decides: with their consent (one per guardian) the
//   guardian sees, hears and books everything; without it nothing. Parental
//   authority and information grants end at 18.
// - Under 18, parental authority gives everything, except that from 16 the
//   reasons the pupil gave for an absence need the pupil's say-so.
// - Under 18 without authority (art. 1:377c BW): only what the school granted
//   on request (results and/or absences), until the grant's end date; the
//   guardian may ask (again).
// Age is counted in the Netherlands: the birthday starts at 00:00 Europe/Amsterdam.

export const AGE_OF_MAJORITY = 18;
/** From 16 a pupil decides who hears the reasons they gave for absence. */
export const AGE_OF_OWN_REASONS = 16;
export const INFORMATION_CATEGORIES = ["RESULTS", "ABSENCES"] as const satisfies readonly InformationCategory[];

/** The columns of a GuardianLink the rule reads. */
export type LinkFacts = {
  hasParentalAuthority: boolean;
  accessRestricted: boolean;
  informationGrantedAt: Date | null;
  informationCategories: readonly InformationCategory[];
  /** Last day of the grant (calendar day, UTC midnight), null: no end. */
  informationUntil: Date | null;
  consentGrantedAt: Date | null;
  reasonsSharedAt: Date | null;
};

/** Under 16, 16 or 17, 18 or older. */
export type AgeStage = "child" | "ownReasons" | "adult";

export type GuardianRights = {
  stage: AgeStage;
  /** What the rights rest on; null when there are none. */
  basis: "authority" | "consent" | "information" | null;
  see: {
    results: boolean;
    /** That and when the pupil was absent (and the school's own note). */
    absences: boolean;
    /** The reason the pupil gave (AbsenceRecord.pupilReason). */
    absenceReasons: boolean;
    /** Contact moments the guardian took part in. */
    contacts: boolean;
    /** The mentor's card, the school's rules for reporting sick. */
    mentor: boolean;
  };
  receive: { absenceAlerts: boolean; otherMessages: boolean };
  /** Conference slots (not built yet: the answer is here for when they are). */
  book: boolean;
  reportSick: boolean;
  /** A guardian without authority of a minor may ask for information (again). */
  mayAsk: boolean;
  /** The information grant in force, as the school recorded it. */
  grant: { categories: InformationCategory[]; until: Date | null } | null;
};

/** The latest birth date of someone who is `years` old on calendar day `today` (29 February counts from 1 March). */
export function bornOnOrBefore(today: Date, years: number): Date {
  const year = today.getUTCFullYear() - years;
  const month = today.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDay)));
}

/** The calendar day and the two birth-date limits the rule compares with, for a moment. */
export type RightsMoment = { today: Date; adultBornBy: Date; ownReasonsBornBy: Date };

export function rightsMoment(now: Date = new Date()): RightsMoment {
  const today = dutchToday(now);
  return { today, adultBornBy: bornOnOrBefore(today, AGE_OF_MAJORITY), ownReasonsBornBy: bornOnOrBefore(today, AGE_OF_OWN_REASONS) };
}

export function ageStage(birthDate: Date, at: RightsMoment): AgeStage {
  if (birthDate <= at.adultBornBy) return "adult";
  return birthDate <= at.ownReasonsBornBy ? "ownReasons" : "child";
}

/** The day a pupil turns 18 (their rights change at 00:00 Europe/Amsterdam that day). */
export function adultOn(birthDate: Date): Date {
  const year = birthDate.getUTCFullYear() + AGE_OF_MAJORITY;
  const leapDayElsewhere = birthDate.getUTCMonth() === 1 && birthDate.getUTCDate() === 29 && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1;
  return leapDayElsewhere ? new Date(Date.UTC(year, 2, 1)) : new Date(Date.UTC(year, birthDate.getUTCMonth(), birthDate.getUTCDate()));
}

const NOTHING = { results: false, absences: false, absenceReasons: false, contacts: false, mentor: false };

function none(stage: AgeStage, mayAsk: boolean): GuardianRights {
  return { stage, basis: null, see: NOTHING, receive: { absenceAlerts: false, otherMessages: false }, book: false, reportSick: false, mayAsk, grant: null };
}

function everything(stage: AgeStage, basis: "authority" | "consent", absenceReasons: boolean): GuardianRights {
  return {
    stage, basis,
    see: { results: true, absences: true, absenceReasons, contacts: true, mentor: true },
    receive: { absenceAlerts: true, otherMessages: true },
    book: true, reportSick: true, mayAsk: false, grant: null,
  };
}

/** The grant in force on `today`, or null (none, nothing in it, or its last day has passed). */
export function grantInForce(link: LinkFacts, today: Date): GuardianRights["grant"] {
  if (!link.informationGrantedAt || link.informationCategories.length === 0) return null;
  if (link.informationUntil && link.informationUntil < today) return null;
  return { categories: INFORMATION_CATEGORIES.filter((c) => link.informationCategories.includes(c)), until: link.informationUntil };
}

/** What the guardian of this link may see, receive and book about a pupil born on `birthDate`, at `now`. */
export function guardianRights(link: LinkFacts, birthDate: Date, now: Date | RightsMoment = new Date()): GuardianRights {
  const at = now instanceof Date ? rightsMoment(now) : now;
  const stage = ageStage(birthDate, at);
  if (link.accessRestricted) return none(stage, false);
  if (stage === "adult") return link.consentGrantedAt ? everything(stage, "consent", true) : none(stage, false);
  const ownReasonsShared = stage === "child" || link.reasonsSharedAt !== null;
  if (link.hasParentalAuthority) return everything(stage, "authority", ownReasonsShared);
  const grant = grantInForce(link, at.today);
  if (!grant) return none(stage, true);
  const results = grant.categories.includes("RESULTS");
  const absences = grant.categories.includes("ABSENCES");
  return {
    stage, basis: "information",
    see: { results, absences, absenceReasons: absences && ownReasonsShared, contacts: false, mentor: false },
    receive: { absenceAlerts: absences, otherMessages: false },
    book: false, reportSick: false, mayAsk: true, grant,
  };
}

/** Whether the guardian may see anything at all of the pupil (the link opens the child's page). */
export function seesAnything(rights: GuardianRights): boolean {
  return rights.see.results || rights.see.absences || rights.see.mentor;
}

/** The school may involve this guardian (contact moments, the mentor's list): not restricted, and for a pupil of 18+ only with consent. */
export function schoolMayInvolve(link: Pick<LinkFacts, "accessRestricted" | "consentGrantedAt">, birthDate: Date, now: Date | RightsMoment = new Date()): boolean {
  const at = now instanceof Date ? rightsMoment(now) : now;
  if (link.accessRestricted) return false;
  return ageStage(birthDate, at) !== "adult" || link.consentGrantedAt !== null;
}
