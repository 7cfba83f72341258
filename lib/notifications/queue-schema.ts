import { Logger, runMigrations } from "graphile-worker";
import { log } from "@/lib/log.cjs";

/** Creates or upgrades the graphile_worker schema (idempotent; safe to run at every start). */
export async function runQueueMigrations(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

// graphile-worker logs job payloads and errors through its logger. Ours never
// prints personal data: only the level, the message scope and the text it is given
// (graphile-worker's own texts: task names, job ids, error messages of our tasks),
// never its meta (which holds job payloads). One JSON line (lib/log.cjs).
export const quietLogger = new Logger((scope) => (level, message) => {
  if (level === "debug" || level === "info") return;
  log[level === "warning" ? "warn" : "error"]({ component: "graphile-worker", scope: scope.label }, message);
});
