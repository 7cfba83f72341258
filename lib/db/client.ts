import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Round trips to PostgreSQL since start-up. Tests and the benchmark read it
 * to check how many queries a page makes; it never holds query text.
 */
export const queryStats: { count: number; onQuery?: (query: unknown) => void } = { count: 0 };

function createDb() {
  const connectionString = process.env.DATABASE_URL;
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      queryStats.count += 1;
      // The benchmark records the exact SQL a page issues, to replay it as the floor.
      queryStats.onQuery?.(args[0]);
      return query(...args);
    };
  });
  // An idle connection the server closed (restart, failover) is replaced by the pool.
  pool.on("error", () => {});
  return { pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

// One client per process; `next dev` reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { schoolkompasDb?: ReturnType<typeof createDb> };
const instance = globalForDb.schoolkompasDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.schoolkompasDb = instance;

export const db = instance.client;
export type Db = typeof db;

/**
 * One hand-written statement on the app's pool, for the few hot paths where
 * Prisma's per-call query compilation costs more than the query itself
 * (docs/decisions/0006-hand-written-sql-on-hot-paths.md). Values are always
 * parameters, never spliced into the text.
 */
export async function sqlRows<Row>(text: string, values: unknown[]): Promise<Row[]> {
  return (await instance.pool.query({ text, values })).rows as Row[];
}

/** Closes every connection (tests and scripts; the server keeps its pool). */
export async function disconnectDb(): Promise<void> {
  await instance.client.$disconnect();
  await instance.pool.end();
}
