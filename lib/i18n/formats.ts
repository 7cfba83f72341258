import type { Formats } from "next-intl";

// Arabic-speaking parents read grades on Dutch school documents with Latin
// digits, so we keep Latin digits in Arabic too (docs/decisions/0003).
export const formats = {
  number: {
    grade: { minimumFractionDigits: 1, maximumFractionDigits: 1, numberingSystem: "latn" },
    integer: { maximumFractionDigits: 0, numberingSystem: "latn" },
    hours: { maximumFractionDigits: 1, numberingSystem: "latn" },
    decimal: { maximumFractionDigits: 2, numberingSystem: "latn" },
  },
  dateTime: {
    dayMonth: { day: "numeric", month: "long", numberingSystem: "latn" },
    short: { day: "numeric", month: "short", numberingSystem: "latn" },
    full: { day: "numeric", month: "long", year: "numeric", numberingSystem: "latn" },
    weekdayTime: { weekday: "long", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" },
    /** When a message was sent (the parent's inbox). */
    sent: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" },
    /** When a school event starts (and ends on another day). */
    eventStart: { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", numberingSystem: "latn" },
    /** When a school event ends on the day it starts. */
    time: { hour: "2-digit", minute: "2-digit", numberingSystem: "latn" },
  },
} satisfies Formats;
