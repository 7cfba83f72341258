import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteDatabaseError, noteDatabaseSuccess } from "@/lib/http/database-away";

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
      // Every outcome tells lib/http/database-away.ts whether the database is there (callback or promise style).
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const callback = args[last] as (error: unknown, ...rest: unknown[]) => unknown;
        args[last] = (error: unknown, ...rest: unknown[]) => {
          if (error) noteDatabaseError(error);
          else noteDatabaseSuccess();
          return callback(error, ...rest);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result instanceof Promise) result.then(noteDatabaseSuccess, noteDatabaseError);
      return result;
    };
  });
  // A connection that cannot be made (refused, starting up, shutting down) is seen here.
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (typeof args[0] === "function") {
      const callback = args[0] as (error: unknown, ...rest: unknown[]) => unknown;
      return connect((error: unknown, ...rest: unknown[]) => {
        if (error) noteDatabaseError(error);
        return callback(error, ...rest);
      });
    }
    const result = connect();
    if (result instanceof Promise) result.catch(noteDatabaseError);
    return result;
  };
  // An idle connection the server closed (restart, failover) is replaced by the pool.
  pool.on("error", () => {});
  releaseConnectionsTheServerClosed(pool);
  return { pool, client: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

type Checkout = { checkedOut?: boolean; release: (err?: Error | boolean) => void };

/**
 * When PostgreSQL goes away in the middle of an interactive transaction, Prisma's
 * driver adapter (6.19) sends ROLLBACK on the dead connection, which throws, and
 * never gives the connection back to the pool. Ten such transactions and every
 * later query waits for a connection for ever. So: a checked-out connection that
 * ends is released here (with the error, so the pool drops it), and the adapter's
 * own release afterwards is a no-op. Found by the fault harness (decision 0041);
 * tests/integration/db-connection-loss.test.ts.
 */
function releaseConnectionsTheServerClosed(pool: pg.Pool): void {
  pool.on("acquire", (client) => void ((client as unknown as Checkout).checkedOut = true));
  pool.on("release", (_err, client) => void ((client as unknown as Checkout).checkedOut = false));
  pool.on("connect", (client) => {
    client.on("end", () => {
      const c = client as unknown as Checkout;
      if (!c.checkedOut) return;
      const release = c.release;
      c.release = () => {};
      release(new Error("connection ended while checked out"));
    });
  });
}

// One client per process; `next dev` reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { schoolkompasDb?: ReturnType<typeof createDb> };
const instance = globalForDb.schoolkompasDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.schoolkompasDb = instance;

export const db = instance.client;
/** The same pool, for libraries that speak to PostgreSQL themselves (the sign-in limiter). */
export const pool = instance.pool;
export type Db = typeof db;

/** Statement text → its prepared-statement name (the texts are constants, so this stays small). */
const statementNames = new Map<string, string>();

/** A name per statement text, the same in every process: a prefix and part of its SHA-1 (PostgreSQL allows 63 bytes). */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `sk_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * One hand-written statement on the app's pool, for the few hot paths where
 * Prisma's per-call query compilation costs more than the query itself
 * (docs/decisions/0006-hand-written-sql-on-hot-paths.md). Values are always
 * parameters, never spliced into the text, and the text must be a constant:
 * each statement is prepared once per connection (named by its text), so
 * PostgreSQL can plan it once instead of on every call — planning the child
 * page's statement took longer than running it (decision 0006, addendum 2).
 * It does so only when the generic plan looks no costlier than a plan for the
 * values at hand; tests/integration/hot-path-sql.test.ts checks that the
 * parent pages' statements get there (addendum 4).
 */
export async function sqlRows<Row>(text: string, values: unknown[]): Promise<Row[]> {
  return (await instance.pool.query({ name: statementName(text), text, values })).rows as Row[];
}

/** Closes every connection (tests and scripts; the server keeps its pool). */
export async function disconnectDb(): Promise<void> {
  await instance.client.$disconnect();
  await instance.pool.end();
}
