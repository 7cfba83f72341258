// The contact form's choices and limits. Kept free of zod and date libraries:
// the form (a client component) imports them.

export const CONTACT_KINDS = ["PHONE_CALL", "CONFERENCE", "HOME_VISIT", "EMAIL", "MESSAGE", "PARENT_EVENING", "INFORMAL"] as const;
export const INITIATORS = ["SCHOOL", "PARENT"] as const;
export const TONES = ["POSITIVE", "NEUTRAL", "CONCERN"] as const;

export const SUMMARY_MAX = 1000;
export const NOTE_MAX = 2000;
