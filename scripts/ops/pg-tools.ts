// Shared by `npm run backup` and `npm run restore`: libpq's environment from
// DATABASE_URL (the password never on a command line; Prisma's `schema`
// parameter, which libpq does not know, left out), and the version check of
// the PostgreSQL client tools against the server. docs/decisions/0044-operations.md.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

/** Exit code and message of a refusal the operator can act on. */
export class OperatorError extends Error {}

/** libpq's environment variables for `url` (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE). */
export function libpqEnvironment(url: string): Record<string, string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OperatorError("DATABASE_URL is not a valid postgresql:// address.");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") throw new OperatorError("DATABASE_URL must start with postgresql://.");
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new OperatorError("DATABASE_URL names no database.");
  const env: Record<string, string> = { PGDATABASE: database, PGHOST: decodeURIComponent(parsed.hostname || "localhost"), PGPORT: parsed.port || "5432" };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const host = parsed.searchParams.get("host");
  if (host) env.PGHOST = host;
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The client tool `name` (pg_dump, pg_restore): from PG_BIN when set, else from PATH. */
export function tool(name: "pg_dump" | "pg_restore"): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

/** The major version of a client tool, e.g. 15 for "pg_dump (PostgreSQL) 15.20 (Debian …)". */
export function clientMajor(name: "pg_dump" | "pg_restore"): number {
  const result = spawnSync(tool(name), ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new OperatorError(`${name} was not found. Install the PostgreSQL client tools of your server's version (Debian/Ubuntu: apt install postgresql-client-<version>), or set PG_BIN to the folder that holds ${name}.`);
  }
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout);
  if (!match) throw new OperatorError(`Could not read the version of ${name}: "${result.stdout.trim()}".`);
  return Number(match[1]);
}

/** The server's major version (18 for 180001). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url.replace(/([?&])schema=[^&]*&?/, "$1").replace(/[?&]$/, "") });
  await client.connect().catch((error: unknown) => {
    throw new OperatorError(`Cannot connect to the database in DATABASE_URL (${error instanceof Error && "code" in error ? String(error.code) : "connection failed"}).`);
  });
  try {
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    const major = Math.floor(Number(rows[0].version) / 10000);
    if (!Number.isInteger(major) || major < 9) throw new OperatorError(`Could not read the database server's version ("${rows[0].version}").`);
    return major;
  } finally {
    await client.end();
  }
}

/** Refuses a client older than the server (pg_dump cannot dump a newer server): says which client to install. */
export function assertClientFits(name: "pg_dump" | "pg_restore", client: number, server: number): void {
  if (client < server) {
    throw new OperatorError(
      `${name} ${client} is older than the database server (PostgreSQL ${server}). Install postgresql-client-${server} ` +
        `(Debian/Ubuntu, from apt.postgresql.org: apt install postgresql-client-${server}) and run again, or set PG_BIN to the folder that holds its ${name}.`,
    );
  }
}

/** Runs a client tool with libpq's environment; throws with its own error text when it fails. */
export function runTool(name: "pg_dump" | "pg_restore", args: string[], url: string): void {
  const result = spawnSync(tool(name), args, { env: { ...process.env, ...libpqEnvironment(url) }, encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new OperatorError(`${name} failed (exit ${result.status}):\n${result.stderr.trim()}`);
}

/** Runs `main`, printing an operator's refusal as one line and exiting 1 (2 for anything unexpected). */
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof OperatorError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
