// Shared by the parent's and the mentor's views of sick reports.

/** Report days are shown with their weekday: parents report across weekends and holidays. */
export const REPORT_DAY = { weekday: "long", day: "numeric", month: "long", numberingSystem: "latn" } as const;

/** A `YYYY-MM-DD` calendar day as the UTC-midnight Date the formatters expect. */
export function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
