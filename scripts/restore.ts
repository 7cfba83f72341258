// `npm run restore -- FILE [--force]`: pg_restore of a backup made by
// `npm run backup` into the database in DATABASE_URL, in one transaction (all
// or nothing). The database must be empty (create it first: createdb), unless
// --force, which drops what the backup holds first. Then run the app's
// migrations (`npx prisma migrate deploy`) if the build is newer than the
// backup. docs/deployment.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { OperatorError, assertClientFits, clientMajor, runCommand, runTool, serverMajor } from "./ops/pg-tools";

/** Tables, views, sequences… outside PostgreSQL's own schemas: how far from empty the database is. */
async function userObjects(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url.replace(/([?&])schema=[^&]*&?/, "$1").replace(/[?&]$/, "") });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`
      SELECT count(*) AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`);
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

runCommand(async () => {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  const url = process.env.DATABASE_URL;
  if (!url) throw new OperatorError("DATABASE_URL is not set: it names the (empty) database to restore into.");
  if (positionals.length !== 1) throw new OperatorError("Name one backup file: npm run restore -- backups/schoolkompas-….dump [--force]");
  const file = path.resolve(positionals[0]);
  if (!existsSync(file)) throw new OperatorError(`No such backup file: ${file}`);
  assertClientFits("pg_restore", clientMajor("pg_restore"), await serverMajor(url));
  const objects = await userObjects(url);
  if (objects > 0 && !values.force) {
    throw new OperatorError(
      `The database in DATABASE_URL is not empty (${objects} tables, views or sequences). Restore into a new, empty database ` +
        `(createdb), or add --force to replace what the backup holds.`,
    );
  }
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${new URL(url).pathname.slice(1)}`];
  if (values.force) args.push("--clean", "--if-exists");
  runTool("pg_restore", [...args, file], url);
  process.stdout.write(`Restored ${path.basename(file)}. If this build is newer than the backup, run \`npx prisma migrate deploy\` before starting the app.\n`);
});
