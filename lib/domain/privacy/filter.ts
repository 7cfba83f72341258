import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { SCHOOL_TIME_ZONE } from "@/lib/domain/calendar/zone";
import { parseFormDay } from "@/lib/domain/calendar/day-input";
import type { AuditCategory } from "@/lib/auth/audit";
import type { Role } from "@/lib/generated/prisma/enums";
import { AUDIT_CATEGORIES, AUDIT_ROLES, OUTCOMES } from "@/lib/domain/privacy/categories";

// The privacy view's filters arrive in the address (a plain GET form, and the
// same address for the CSV export). A value that is not valid is left out and
// named in `issues` (shown translated, messages privacy.issue.*): the view
// never fails on what someone typed or edited into the URL.

export type AccessFilter = {
  /** The first instant of the "from" day in Europe/Amsterdam. */
  from?: Date;
  /** The first instant after the "to" day in Europe/Amsterdam (exclusive). */
  until?: Date;
  /** A pupil's name (part of it) or the school's pupil number. */
  pupil?: string;
  /** The person who looked: part of their name. */
  person?: string;
  role?: Role;
  outcome?: (typeof OUTCOMES)[number];
  category?: AuditCategory;
};

export const FILTER_FIELDS = ["from", "to", "pupil", "person", "role", "outcome", "category"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterIssue = { field: FilterField; code: "date" | "range" | "text" | "choice" };

/** What the form shows again: the values as typed (only the known fields, trimmed, at most 100 characters). */
export type FilterValues = Partial<Record<FilterField, string>>;

const TEXT_MAX = 100;
// Printable text only: no NUL or other control characters.
const text = z.string().max(TEXT_MAX).regex(/^[^\p{Cc}]*$/u);
const role = z.enum(AUDIT_ROLES);
const outcome = z.enum(OUTCOMES);
const category = z.enum(AUDIT_CATEGORIES);

/** The start of a calendar day (UTC midnight, as parseFormDay gives it) in the Netherlands. */
function dutchDayStart(day: Date, plusDays = 0): Date {
  return new Date(new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + plusDays, SCHOOL_TIME_ZONE).getTime());
}

/** Reads the filter from an address's parameters (a page's searchParams or a URL's). */
export function parseAccessFilter(get: (key: string) => string | undefined): { filter: AccessFilter; values: FilterValues; issues: FilterIssue[] } {
  const filter: AccessFilter = {};
  const values: FilterValues = {};
  const issues: FilterIssue[] = [];
  for (const field of FILTER_FIELDS) {
    const raw = get(field)?.trim();
    if (raw) values[field] = raw.slice(0, TEXT_MAX);
  }
  const days: { from?: Date; to?: Date } = {};
  for (const field of ["from", "to"] as const) {
    const raw = values[field];
    if (!raw) continue;
    const day = parseFormDay(raw);
    if (day) days[field] = day;
    else issues.push({ field, code: "date" });
  }
  if (days.from && days.to && days.from > days.to) {
    issues.push({ field: "to", code: "range" });
  } else {
    if (days.from) filter.from = dutchDayStart(days.from);
    if (days.to) filter.until = dutchDayStart(days.to, 1);
  }
  for (const field of ["pupil", "person"] as const) {
    const raw = get(field)?.trim();
    if (!raw) continue;
    const parsed = text.safeParse(raw);
    if (parsed.success) filter[field] = parsed.data;
    else issues.push({ field, code: "text" });
  }
  const choices = [["role", role], ["outcome", outcome], ["category", category]] as const;
  for (const [field, schema] of choices) {
    const raw = values[field];
    if (!raw) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) (filter as Record<string, unknown>)[field] = parsed.data;
    else issues.push({ field, code: "choice" });
  }
  return { filter, values, issues };
}

/** searchParams of a page → the getter parseAccessFilter takes (the first value of a repeated key). */
export function paramsGetter(params: Record<string, string | string[] | undefined>): (key: string) => string | undefined {
  return (key) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** Which filters were used, for the audit row: field names only, never the values (a pupil's name). */
export function usedFilters(filter: AccessFilter): string {
  return Object.keys(filter).sort().join(",");
}

/** The filters that were applied, as address parameters: what the pager and the download carry on (a refused period drops both dates). */
export function appliedParams(values: FilterValues, issues: FilterIssue[]): URLSearchParams {
  const refused = new Set<FilterField>(issues.flatMap((i) => (i.code === "range" ? ["from", "to"] as const : [i.field])));
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = values[field];
    if (value && !refused.has(field)) params.set(field, value);
  }
  return params;
}
