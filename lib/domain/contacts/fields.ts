// The contact form's choices and limits. Kept free of zod and date libraries:
// the form (a client component) imports them.

export const CONTACT_KINDS = ["PHONE_CALL", "CONFERENCE", "HOME_VISIT", "EMAIL", "MESSAGE", "PARENT_EVENING", "INFORMAL"] as const;
export const INITIATORS = ["SCHOOL", "PARENT"] as const;
export const TONES = ["POSITIVE", "NEUTRAL", "CONCERN"] as const;

export const SUMMARY_MAX = 1000;
export const NOTE_MAX = 2000;

/** A follow-up lies at most this many days ahead. */
export const FOLLOW_UP_MAX_DAYS = 365;

/**
 * The dates the form offers (the schema checks the same): a contact from the
 * start of this school year (1 August) up to today, a follow-up from today up
 * to FOLLOW_UP_MAX_DAYS ahead. `today` is "YYYY-MM-DD".
 */
export function contactDateBounds(today: string): { occurredMin: string; followUpMax: string } {
  const [year, month] = today.split("-").map(Number);
  const followUpMax = new Date(Date.parse(`${today}T00:00:00Z`) + FOLLOW_UP_MAX_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { occurredMin: `${month >= 8 ? year : year - 1}-08-01`, followUpMax };
}
