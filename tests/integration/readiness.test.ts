import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { readiness } from "@/lib/domain/health/queries";

// Issue 20, operations: readiness answers 503 while a migration runs, while
// the database lacks a migration this build ships, and while the process
// drains after SIGTERM; 200 otherwise. Real PostgreSQL (this file's copy of
// the migrated template), the real `_prisma_migrations` table.

const DRAINING = Symbol.for("schoolkompas.draining");
const scratch: string[] = [];

// Readiness gives the database two seconds; the first connection of a loaded test machine may take longer.
beforeAll(async () => {
  await db.$queryRaw`SELECT 1`;
});

afterEach(async () => {
  (globalThis as unknown as Record<symbol, boolean | undefined>)[DRAINING] = undefined;
  for (const id of scratch.splice(0)) await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "id" = ${id}`;
});

async function answer() {
  const response = await ready();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), cache: response.headers.get("cache-control"), body: (await response.json()) as Record<string, unknown> };
}

describe("readiness", () => {
  it("is ready when every shipped migration is applied and none runs", async () => {
    expect(await readiness()).toEqual({ database: true, migrations: "applied", draining: false });
    expect(await answer()).toEqual({ status: 200, retryAfter: null, cache: "no-store", body: { status: "ready", database: true, migrations: "applied", draining: false } });
  });

  it("answers 503 while a migration has started and not finished (nor been rolled back)", async () => {
    const id = randomUUID();
    scratch.push(id);
    await db.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
      VALUES (${id}, 'x', '29990101000000_running_now', now(), 0)`;
    expect(await answer()).toMatchObject({ status: 503, retryAfter: "60", cache: "no-store", body: { status: "unavailable", migrations: "running" } });

    // Rolled back (`prisma migrate resolve --rolled-back`): no longer running, and not one this build ships.
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "id" = ${id}`;
    expect(await answer()).toMatchObject({ status: 200, body: { migrations: "applied" } });

    // A migration that failed halfway (started, never finished) is "running" until resolved: not ready.
    const failed = randomUUID();
    scratch.push(failed);
    await db.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count", "logs")
      VALUES (${failed}, 'x', '29990101000001_failed', now(), 0, 'error')`;
    expect(await answer()).toMatchObject({ status: 503, body: { migrations: "running" } });
  });

  it("answers 503 while the database lacks a migration this build ships", async () => {
    const [last] = await db.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    // As if the database were one migration behind this build.
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "migration_name" = ${`${last.name}_elsewhere`} WHERE "id" = ${last.id}`;
    try {
      expect(await answer()).toMatchObject({ status: 503, retryAfter: "60", body: { status: "unavailable", database: true, migrations: "pending" } });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "migration_name" = ${last.name} WHERE "id" = ${last.id}`;
    }
    expect((await answer()).status).toBe(200);
  });

  it("answers 503 while the process drains after SIGTERM; liveness still answers", async () => {
    (globalThis as unknown as Record<symbol, boolean>)[DRAINING] = true;
    expect(await answer()).toMatchObject({ status: 503, retryAfter: "60", body: { status: "unavailable", draining: true, migrations: "applied" } });
    expect((await health()).status).toBe(200);
  });
});
