import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";

const TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, fallback: T): Promise<T> {
  const timeout = new Promise<T>((resolve) => setTimeout(() => resolve(fallback), TIMEOUT_MS).unref());
  return Promise.race([work.catch(() => fallback), timeout]);
}

/** True when PostgreSQL answers within two seconds. */
export async function databaseIsUp(): Promise<boolean> {
  return within(db.$queryRaw`SELECT 1`.then(() => true), false);
}

export type Readiness = {
  database: boolean;
  /** "running": a migration has started and not finished (nor been rolled back); "pending": one this build ships is not applied. */
  migrations: "applied" | "pending" | "running" | "unknown";
  /** This process has been asked to stop (SIGTERM) and is finishing its requests (scripts/graceful-shutdown.cjs). */
  draining: boolean;
};

const DRAINING = Symbol.for("schoolkompas.draining");

/** True once scripts/graceful-shutdown.cjs has begun the drain of this process. */
export function isDraining(): boolean {
  return (globalThis as unknown as Record<symbol, boolean | undefined>)[DRAINING] === true;
}

/** The migrations shipped with this build (folder names), or null where the folder is not there (then not checked). */
async function shippedMigrations(): Promise<string[] | null> {
  try {
    const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return null;
  }
}

/**
 * Ready to take traffic: the process is not draining, the database answers
 * (one query, two seconds at most), no migration is running (a row of
 * `_prisma_migrations` started but neither finished nor rolled back), and
 * every migration this build ships has been applied.
 */
export async function readiness(): Promise<Readiness> {
  const draining = isDraining();
  const [shipped, rows] = await Promise.all([
    shippedMigrations(),
    within(
      db.$queryRaw<{ name: string; finished: boolean; rolledBack: boolean }[]>`
        SELECT "migration_name" AS "name", "finished_at" IS NOT NULL AS "finished", "rolled_back_at" IS NOT NULL AS "rolledBack"
        FROM "_prisma_migrations"`,
      null,
    ),
  ]);
  if (!rows) return { database: false, migrations: "unknown", draining };
  if (rows.some((row) => !row.finished && !row.rolledBack)) return { database: true, migrations: "running", draining };
  if (!shipped) return { database: true, migrations: "unknown", draining };
  const applied = new Set(rows.filter((row) => row.finished && !row.rolledBack).map((row) => row.name));
  return { database: true, migrations: shipped.every((name) => applied.has(name)) ? "applied" : "pending", draining };
}
