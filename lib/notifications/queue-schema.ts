import { Logger, runMigrations } from "graphile-worker";

/** Creates or upgrades the graphile_worker schema (idempotent; safe to run at every start). */
export async function runQueueMigrations(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

// graphile-worker logs job payloads and errors through its logger. Ours never
// prints personal data: only the level, the message scope and the text it is given.
export const quietLogger = new Logger((scope) => (level, message) => {
  if (level === "debug" || level === "info") return;
  const where = scope.label ? ` [${scope.label}]` : "";
  process.stderr.write(`graphile-worker ${level}${where}: ${message}\n`);
});
