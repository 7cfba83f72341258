// The job worker: delivers the notification outbox (e-mail, SMS, portal) and
// runs scheduled jobs. `npm run demo` starts it next to the web server; in
// production run one or more of these (`npm run worker`); they never send a
// message twice (docs/decisions/0005-notification-outbox.md).
// Run with the server-only guard stubbed so server modules load outside Next:
//   node --require ./scripts/server-only-preload.cjs --import tsx scripts/worker.ts
import { startWorker } from "@/lib/notifications/worker";
import { extendOpenSickReports } from "@/lib/domain/sick-reports/commands";
import { IMPORT_CRONTAB, IMPORT_TASKS } from "@/lib/domain/imports/tasks";
import { RETENTION_CRONTAB, RETENTION_TASKS } from "@/lib/domain/retention/tasks";
import { disconnectDb } from "@/lib/db/client";

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const worker = await startWorker({
    connectionString,
    // Open-ended sick reports get today's absence record. Hourly (and once at
    // start) rather than once a morning: it adds nothing when run again, and a
    // worker that was down at 06:00 catches up.
    // Imports: the dry run and the apply of a school's data (docs/decisions/0015),
    // and a nightly clean-up of uploaded files.
    // Retention: every night, what each school keeps no longer goes (lib/domain/retention).
    tasks: { "extend-sick-reports": async () => void (await extendOpenSickReports()), ...IMPORT_TASKS, ...RETENTION_TASKS },
    crontab: `5 * * * * extend-sick-reports\n${IMPORT_CRONTAB}\n${RETENTION_CRONTAB}`,
  });
  await extendOpenSickReports();
  process.stdout.write("Job worker is running.\n");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
