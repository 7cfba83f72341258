// For tests/integration/graceful-shutdown.test.ts: the job worker as
// scripts/worker.ts runs it (startWorker + stopOnSignals), with one extra
// task that takes a few seconds, so a SIGTERM arrives while it runs. Prints
// "job started" and "job finished" (and nothing personal).
//   node --require ./scripts/server-only-preload.cjs --import tsx tests/support/slow-job-worker-child.ts <milliseconds>
import { disconnectDb } from "@/lib/db/client";
import { startWorker, stopOnSignals } from "@/lib/notifications/worker";

const milliseconds = Number(process.argv[2] ?? 3000);

(async () => {
  const worker = await startWorker({
    connectionString: process.env.DATABASE_URL!,
    concurrency: 1,
    tasks: {
      "slow-test-job": async () => {
        process.stdout.write("job started\n");
        await new Promise((resolve) => setTimeout(resolve, milliseconds));
        process.stdout.write("job finished\n");
      },
    },
  });
  stopOnSignals(worker, disconnectDb);
  process.stdout.write("worker ready\n");
})().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
