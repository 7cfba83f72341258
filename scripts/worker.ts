// The job worker: delivers the notification outbox (e-mail, SMS, portal) and
// runs scheduled jobs. `npm run demo` starts it next to the web server; in
// production run one or more of these (`npm run worker`); they never send a
// message twice (docs/decisions/0005-notification-outbox.md).
// Run with the react-server condition so server-only modules load outside Next:
//   node --conditions=react-server --import tsx scripts/worker.ts
import { startWorker } from "@/lib/notifications/worker";
import { disconnectDb } from "@/lib/db/client";

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const worker = await startWorker({ connectionString });
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
