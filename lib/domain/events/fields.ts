// Client-safe constants of the events area (no server imports).

export const EVENT_KINDS = ["PARENT_EVENING", "INFORMATION_EVENING", "CONFERENCE_ROUND", "OPEN_DAY", "OTHER"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_AUDIENCES = ["SCHOOL", "YEARS", "CLASSES"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_ANSWERS = ["COMING", "NOT_COMING"] as const;
export type EventAnswer = (typeof EVENT_ANSWERS)[number];

export const TITLE_MAX = 120;
export const PLACE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
/** Leerjaren a school can have (vmbo 4, havo 5, vwo 6). */
export const SCHOOL_YEARS_MIN = 1;
export const SCHOOL_YEARS_MAX = 6;
/** An event lasts at most this long (an open day, a trip): longer is a typing mistake. */
export const MAX_EVENT_HOURS = 24 * 7;
/** How many upcoming events the child page and the overview show per child. */
export const CHILD_PAGE_EVENTS = 10;
export const OVERVIEW_EVENTS = 3;
