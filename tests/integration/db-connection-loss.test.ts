import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db/client";
import { OutageLog, setOutageLogForTests } from "@/lib/http/database-away";

// A connection that PostgreSQL closes in the middle of an interactive transaction
// (a crash, a restart, a terminated backend) must not be lost to the pool: Prisma's
// driver adapter sends ROLLBACK on the dead connection and never releases it
// (found by the fault harness, docs/decisions/0041). lib/db/client.ts releases it.

const withTimeout = <T,>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms))]);

describe("a connection closed by the server mid-transaction", () => {
  it("goes back to the pool: more such transactions than the pool has connections, and queries still run", async () => {
    // Each terminated backend is a short outage: lib/http/database-away.ts logs its start and end (no personal data).
    const logged = vi.fn<(line: string) => void>();
    setOutageLogForTests(new OutageLog(Date.now, logged));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
      for (let i = 0; i < size + 2; i++) {
        const cut = db.$transaction(async (tx) => {
          const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await admin.query("SELECT pg_terminate_backend($1)", [pid]);
          await tx.$queryRaw`SELECT 1`;
        });
        await expect(withTimeout(cut, 10_000, `transaction ${i}`)).rejects.toThrow();
      }
      const [{ ok }] = await withTimeout(db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`, 5_000, "a query after the lost connections");
      expect(ok).toBe(1);
      expect(pool.totalCount - pool.idleCount).toBe(0);
      expect(logged).toHaveBeenCalled();
      for (const [line] of logged.mock.calls) expect(String(line)).toMatch(/^database (unavailable \([\w-]+\): answering 503 until it is back|back: unavailable for [\d.]+ s \([\w-]+\), \d+ requests? answered 503)$/);
    } finally {
      await admin.end();
    }
  }, 60_000);
});
