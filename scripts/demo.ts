// `npm run demo`: database (embedded unless DATABASE_URL is set) → migrations →
// demo data when empty → production build → server on PORT (default 3000).
// Flags: --dev (next dev instead of build+start), --fresh (wipe the embedded
// database first), --data-dir DIR and --db-port N (another embedded instance),
// --empty (an empty database gets only the board and its administrator, not
// the demo schools: the start of a real school), --skip-build (serve the
// existing build, e.g. a second test server beside the first).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDeploy, startEmbeddedPostgres, type RunningDatabase } from "./postgres";
import { createSeedClient, isDatabaseEmpty, seedDemo, seedEmpty } from "../prisma/seed";

const ROOT = path.resolve(__dirname, "..");
const { values: flags } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "data-dir": { type: "string", default: ".data/pg" },
    "db-port": { type: "string", default: "54329" },
    empty: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
  },
});

/** A stable random secret for local use, kept next to the embedded data. */
function localAuthSecret(): string {
  const file = path.join(ROOT, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: ROOT, stdio: "inherit", env });
}

function waitFor(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) =>
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`exited with ${code ?? signal}`)))),
  );
}

async function main() {
  const port = process.env.PORT ?? "3000";
  let database: RunningDatabase;
  if (process.env.DATABASE_URL) {
    database = { url: process.env.DATABASE_URL, stop: async () => {} };
    console.log("Using the database in DATABASE_URL.");
  } else {
    database = await startEmbeddedPostgres({
      dir: flags["data-dir"]!,
      port: Number(flags["db-port"]),
      database: "schoolkompas",
      fresh: flags.fresh,
    });
    console.log(`Embedded PostgreSQL is running (data in ${flags["data-dir"]}).`);
  }

  let server: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server?.kill("SIGTERM");
    worker?.kill("SIGTERM");
    if (worker && worker.exitCode === null) await new Promise((resolve) => worker!.once("exit", resolve));
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (flags.fresh) {
    // Cached public data of the previous database (ids differ after a re-seed).
    rmSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "cache", "fetch-cache"), { recursive: true, force: true });
  }

  try {
    await migrateDeploy(database.url);
    const client = createSeedClient(database.url);
    if (await isDatabaseEmpty(client)) {
      const log = (message: string) => console.log(`  ${message}`);
      if (flags.empty) {
        console.log("Empty database: only the board and its administrator (--empty)…");
        await seedEmpty(client, { log });
      } else {
        console.log("Empty database: loading the demo data…");
        await seedDemo(client, { log });
      }
    }
    await client.$disconnect();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: port,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The job worker delivers absence alerts (e-mail to SMTP_URL, or .eml files
    // under .data/mail when it is not set; SMS likewise under .data/sms).
    worker = run(process.execPath, ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "scripts/worker.ts"], env);
    worker.on("exit", (code) => {
      if (!stopping) console.error(`The job worker stopped (${code}); absence alerts wait until it runs again.`);
    });
    const next = path.join(ROOT, "node_modules/.bin/next");
    if (flags.dev) {
      server = run(next, ["dev", "-p", port], env);
    } else {
      if (!flags["skip-build"]) await waitFor(run(next, ["build"], env));
      // scripts/serve.ts: `next start`, optionally several processes (WEB_CONCURRENCY).
      server = run(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/serve.ts"], env);
    }
    await waitFor(server);
    await shutdown(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

void main();
