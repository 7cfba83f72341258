// The job worker: delivers the notification outbox (e-mail, SMS, portal) and
// runs scheduled jobs. `npm run demo` starts it next to the web server; in
// production run one or more of these (`npm run worker`); they never send a
// message twice (docs/decisions/0005-notification-outbox.md).
// Run with the server-only guard stubbed so server modules load outside Next:
//   node --require ./scripts/server-only-preload.cjs --import tsx scripts/worker.ts
import { startWorker, stopOnSignals } from "@/lib/notifications/worker";
import { log } from "@/lib/log.cjs";
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
  log.info("job worker is running");
  // SIGTERM: no new jobs, the running ones finish, then exit 0.
  stopOnSignals(worker, disconnectDb);
}

main().catch((error: unknown) => {
  log.error({ err: error }, "job worker failed to start");
  process.exit(1);
});
