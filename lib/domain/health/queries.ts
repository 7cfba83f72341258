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

export type Readiness = { database: boolean; migrations: "applied" | "pending" | "unknown" };

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
 * Ready to take traffic: the database answers (one query, two seconds at
 * most) and every migration this build ships has been applied.
 */
export async function readiness(): Promise<Readiness> {
  const [shipped, applied] = await Promise.all([
    shippedMigrations(),
    within(
      db.$queryRaw<{ name: string }[]>`SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`.then(
        (rows) => new Set(rows.map((row) => row.name)),
      ),
      null,
    ),
  ]);
  if (!applied) return { database: false, migrations: "unknown" };
  if (!shipped) return { database: true, migrations: "unknown" };
  return { database: true, migrations: shipped.every((name) => applied.has(name)) ? "applied" : "pending" };
}
