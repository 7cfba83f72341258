// The school form's choices, limits and field order. Free of zod and Prisma:
// the form (a client component) imports them.

export const SCHOOL_KINDS = ["VMBO", "HAVO_VWO", "SCHOLENGEMEENSCHAP", "MBO"] as const;
/** The track codes of School.levels (the `tracks` messages). */
export const SCHOOL_LEVELS = ["VMBO_B", "VMBO_K", "VMBO_GT", "HAVO", "VWO", "MBO_1", "MBO_2", "MBO_3", "MBO_4"] as const;
export const DENOMINATIONS = [
  "OPENBAAR", "ROOMS_KATHOLIEK", "PROTESTANTS_CHRISTELIJK", "ALGEMEEN_BIJZONDER", "INTERCONFESSIONEEL", "ISLAMITISCH", "REFORMATORISCH",
] as const;
export const GRADE_RELEASE_MODES = ["IMMEDIATE", "FIXED_TIME"] as const;

export const SCHOOL_DETAIL_FIELDS = [
  "name", "brin", "locationCode", "kind", "levels", "denomination", "street", "postalCode", "city", "phone", "email", "websiteUrl",
] as const;
export const SCHOOL_SETTING_FIELDS = [
  "gradeReleaseMode", "gradeReleaseTime", "sickReportDeadline", "sickReportMaxDaysAhead", "contactThresholdWeeks", "quietHoursStart", "quietHoursEnd",
] as const;
/** Every field in the order the form shows it (and the error summary lists it). */
export const SCHOOL_FIELDS = [...SCHOOL_DETAIL_FIELDS, ...SCHOOL_SETTING_FIELDS] as const;
export type SchoolField = (typeof SCHOOL_FIELDS)[number];

/** What the form shows: every value as typed (levels as a list). */
export type SchoolFormValues = Record<Exclude<SchoolField, "levels">, string> & { levels: string[] };

export const MAX_DAYS_AHEAD = 365;
export const MAX_THRESHOLD_WEEKS = 52;
