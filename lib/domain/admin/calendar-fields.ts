// The calendar forms' choices. Free of zod and Prisma: the client forms import them.

/** Holiday names from the catalogue (attendance.holidays); anything else is "other" with its own name. */
export const HOLIDAY_KEYS = [
  "autumn", "christmas", "spring", "may", "summer", "kingsDay", "ascension", "goodFriday", "easterMonday", "whitMonday",
] as const;
export const HOLIDAY_KINDS = [...HOLIDAY_KEYS, "other"] as const;
export const HOLIDAY_NAME_MAX = 60;

export const PERIOD_FIELDS = ["startsOn", "endsOn"] as const;
export const HOLIDAY_FIELDS = ["kind", "customName", "startsOn", "endsOn"] as const;

export type PeriodFormValues = { startsOn: string; endsOn: string };
export type HolidayFormValues = { kind: string; customName: string; startsOn: string; endsOn: string };

/** How a stored holiday name shows in the form: a catalogue key, or "other" with the name as typed. */
export function holidayFormName(name: string): { kind: string; customName: string } {
  return (HOLIDAY_KEYS as readonly string[]).includes(name) ? { kind: name, customName: "" } : { kind: "other", customName: name };
}
