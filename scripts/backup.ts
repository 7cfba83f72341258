// `npm run backup -- [--out FILE]`: a pg_dump of the app's database
// (DATABASE_URL) in custom format (-Fc: compressed, restorable table by table
// with pg_restore), default file backups/schoolkompas-<UTC time>.dump. The
// job queue (schema graphile_worker) is in it too. Refuses a pg_dump older
// than the server, saying which client to install. docs/deployment.md.
import { mkdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { OperatorError, assertClientFits, clientMajor, runCommand, runTool, serverMajor } from "./ops/pg-tools";

runCommand(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new OperatorError("DATABASE_URL is not set: it names the database to back up.");
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const out = path.resolve(values.out ?? path.join("backups", `schoolkompas-${stamp}.dump`));
  assertClientFits("pg_dump", clientMajor("pg_dump"), await serverMajor(url));
  mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the target and renamed when complete: a failed dump never leaves a file that looks whole.
  const partial = `${out}.partial`;
  runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], url);
  renameSync(partial, out);
  process.stdout.write(`Backup written: ${out} (${Math.round(statSync(out).size / 1024)} kB)\n`);
});
