// Public pages from cache (docs/benchmarks.md, "Public pages from cache"): a cached public page
// costs no database query, and a shared cache in front may store its answer.
import type pg from "pg";

/**
 * Reads on the app's own tables, from PostgreSQL's cumulative statistics: sequential and
 * index scans summed over the tables of the public schema. The job queue (schema
 * graphile_worker) is left out, so the worker's polling does not count. Backends report their
 * statistics when idle for up to ten seconds (PostgreSQL ≥ 15): wait `settleMs` before reading.
 */
export async function tableReads(sql: pg.Pool): Promise<{ scans: number; commits: number; perTable: Record<string, number> }> {
  const tables = (await sql.query(
    `SELECT relname AS name, (seq_scan + coalesce(idx_scan, 0))::bigint AS scans FROM pg_stat_user_tables WHERE schemaname = 'public'`,
  )).rows as { name: string; scans: string }[];
  const commits = (await sql.query(`SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0] as { n: string };
  const perTable = Object.fromEntries(tables.map((t) => [t.name, Number(t.scans)]));
  return { scans: Object.values(perTable).reduce((a, b) => a + b, 0), commits: Number(commits.n), perTable };
}

/**
 * The tables read between two `tableReads`, with their scans: which tables the reads were on
 * tells a page's query from the job worker's (its outbox sweep reads "Notification").
 */
export function scannedTables(before: { perTable: Record<string, number> }, after: { perTable: Record<string, number> }): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after.perTable).flatMap(([name, n]) => (n - (before.perTable[name] ?? 0) > 0 ? [[name, n - (before.perTable[name] ?? 0)]] : [])),
  );
}

export async function settledTableReads(sql: pg.Pool, settleMs: number) {
  await new Promise((r) => setTimeout(r, settleMs));
  return tableReads(sql);
}

export type SharedCacheCheck = { safe: boolean; reasons: string[]; headers: Record<string, string> };

/**
 * Whether a shared cache (CDN, reverse proxy) may store this answer for everyone who asks for
 * the same URL: no Set-Cookie ever; not private; and either the language is in the URL
 * (`languageInUrl`) or the answer varies by what picks it (`Vary` naming Cookie and
 * Accept-Language), or the answer forbids shared storage (private / no-store), which is safe too
 * but is no answer from cache.
 */
export function sharedCacheCheck(headers: Headers, languageInUrl: boolean): SharedCacheCheck {
  const reasons: string[] = [];
  const cacheControl = (headers.get("cache-control") ?? "").toLowerCase();
  const vary = (headers.get("vary") ?? "").toLowerCase().split(",").map((v) => v.trim());
  if (headers.getSetCookie().length > 0) reasons.push("Set-Cookie on a public page");
  const forbidsShared = /\b(private|no-store)\b/.test(cacheControl);
  if (!forbidsShared && !languageInUrl) {
    if (!vary.includes("*") && !(vary.includes("cookie") && vary.includes("accept-language")))
      reasons.push(`language chosen from cookie / Accept-Language but Vary is "${headers.get("vary") ?? ""}"`);
  }
  const kept = ["cache-control", "vary", "content-language", "x-nextjs-cache", "etag", "age"];
  return {
    safe: reasons.length === 0,
    reasons,
    headers: Object.fromEntries(kept.flatMap((h) => (headers.get(h) === null ? [] : [[h, headers.get(h)!]]))),
  };
}
