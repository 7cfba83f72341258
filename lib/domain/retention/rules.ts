// How long a school keeps what, and from which day on something is old enough
// to go. Pure, so the rules are unit-tested with any date.

export const RETENTION_CATEGORIES = ["results", "contacts", "absences", "audit"] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** Years a school keeps each category. Results, contacts and absence count from the day the pupil left; audit rows from the day they were written. */
export type RetentionSettings = Record<RetentionCategory, number>;

/**
 * The sector's guidance as defaults: results and contact moments 2 years after a pupil
 * leaves, absence records 5 years, the audit log 5 years (the school may set another term).
 */
export const RETENTION_DEFAULTS: RetentionSettings = { results: 2, contacts: 2, absences: 5, audit: 5 };

/** The terms a school may choose, in whole years. */
export const RETENTION_BOUNDS: Record<RetentionCategory, { min: number; max: number }> = {
  results: { min: 1, max: 10 },
  contacts: { min: 1, max: 10 },
  absences: { min: 1, max: 10 },
  audit: { min: 1, max: 20 },
};

/** The same calendar day `years` earlier (29 February becomes 28 February). */
export function yearsBefore(day: Date, years: number): Date {
  const y = day.getUTCFullYear() - years;
  const m = day.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), lastOfMonth)));
}

/**
 * Per category, the last day that is old enough to remove, for `today` (a calendar day as
 * UTC midnight): a pupil who left on that day or before loses their results (etc.); an
 * audit row written before the day after it goes.
 */
export function retentionCutoffs(today: Date, settings: RetentionSettings): Record<RetentionCategory, Date> {
  return {
    results: yearsBefore(today, settings.results),
    contacts: yearsBefore(today, settings.contacts),
    absences: yearsBefore(today, settings.absences),
    audit: yearsBefore(today, settings.audit),
  };
}
