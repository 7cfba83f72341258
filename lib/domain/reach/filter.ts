import { z } from "zod";

// The dashboard's address bar: ?year=2&track=HAVO&sort=reached&dir=asc.
// Anything unknown or malformed falls back to the default (no error page:
// it is a view, not a form), so a bad link still shows the dashboard.

export const REACH_SORTS = ["name", "families", "reached", "positive", "never", "onlyProblems"] as const;
export type ReachSort = (typeof REACH_SORTS)[number];

export const ReachQuery = z.object({
  year: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  track: z.string().regex(/^[A-Z0-9_]{1,20}$/).optional().catch(undefined),
  // Worst first: the classes nobody reaches are what the leader looks for.
  sort: z.enum(REACH_SORTS).catch("reached").default("reached"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
});
export type ReachQuery = z.infer<typeof ReachQuery>;

/** The first value of each parameter (a repeated parameter counts once). */
export function parseReachQuery(params: Record<string, string | string[] | undefined>): ReachQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return ReachQuery.parse({ year: first(params.year) || undefined, track: first(params.track) || undefined, sort: first(params.sort), dir: first(params.dir) });
}

/** A share 0..1, or null when there is nothing to share (no families, no moments). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export type ReachRow = {
  id: string; name: string; families: number; reached: number; never: number; onlyProblems: number; moments: number; positive: number;
};

const value = (row: ReachRow, sort: ReachSort): number | string | null => {
  switch (sort) {
    case "name": return row.name;
    case "families": return row.families;
    case "reached": return share(row.reached, row.families);
    case "positive": return share(row.positive, row.moments);
    case "never": return row.never;
    case "onlyProblems": return row.onlyProblems;
  }
};

/** Sorted by the chosen column; rows without a figure (no families) last either way, then by name. */
export function sortReachRows<T extends ReachRow>(rows: readonly T[], sort: ReachSort, dir: "asc" | "desc"): T[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, sort);
    const vb = value(b, sort);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return sign * (typeof va === "string" ? va.localeCompare(vb as string, "nl", { numeric: true }) : (va as number) - (vb as number));
    }
    return a.name.localeCompare(b.name, "nl", { numeric: true }) || a.id.localeCompare(b.id);
  });
}
