import { run, type Runner, type Task } from "graphile-worker";
import { DELIVER_TASK } from "@/lib/notifications/queue";
import { deliverNotification, publicBaseUrl, sweepOutbox, type DeliveryDeps } from "@/lib/notifications/deliver";
import { quietLogger } from "@/lib/notifications/queue-schema";
import { createEmailTransport } from "@/lib/notifications/transports/email";
import { createSmsTransport } from "@/lib/notifications/transports/sms";
import { log } from "@/lib/log.cjs";

export type WorkerOptions = {
  connectionString: string;
  concurrency?: number;
  sweepSeconds?: number;
  deps?: Partial<DeliveryDeps>;
  /** Extra tasks (e.g. the daily extension of open sick reports) and their schedule. */
  tasks?: Record<string, Task>;
  crontab?: string;
};

export type RunningWorker = { stop(): Promise<void>; runner: Runner };

export function deliveryDeps(overrides: Partial<DeliveryDeps> = {}): DeliveryDeps {
  const base = overrides.baseUrl ?? publicBaseUrl();
  return {
    email: overrides.email ?? createEmailTransport(),
    sms: overrides.sms ?? createSmsTransport(),
    settingsUrl: overrides.settingsUrl ?? `${base}/parent/settings`,
    leaseSeconds: overrides.leaseSeconds,
    baseUrl: base,
  };
}

/** Starts the job worker: delivers the outbox and sweeps what a crash left behind. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const deps = deliveryDeps(options.deps);
  const deliver: Task = async (payload) => {
    const id = (payload as { id?: unknown })?.id;
    if (typeof id !== "string") return;
    // A provider that is away: deliverNotification has put the row back to PENDING and
    // queued the next attempt itself (lib/notifications/retry.ts), so the job ends here.
    // Only an error of our own (the database away) throws and is retried by graphile-worker.
    await deliverNotification(id, deps);
  };
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 4),
    pollInterval: 1000,
    noHandleSignals: true,
    logger: quietLogger,
    // Completions go through graphile-worker's batcher, which its shutdown flushes: without it a job
    // that finished during a graceful stop could stay locked (and run again after the lock expires).
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    taskList: { [DELIVER_TASK]: deliver, ...options.tasks },
    crontab: options.crontab ?? "",
  });
  const sweepEvery = (options.sweepSeconds ?? Number(process.env.OUTBOX_SWEEP_SECONDS ?? 30)) * 1000;
  const sweep = () => void sweepOutbox().catch((error: unknown) => log.error({ err: error }, "outbox sweep failed"));
  sweep();
  const timer = setInterval(sweep, sweepEvery);
  return {
    runner,
    async stop() {
      clearInterval(timer);
      await runner.stop();
      deps.email.close?.();
    },
  };
}

/**
 * SIGTERM or SIGINT: the worker takes no new job, lets the running ones
 * finish (graphile-worker's graceful shutdown), runs `after` (closing the
 * database) and exits 0; 1 when stopping failed. docs/decisions/0044-operations.md.
 */
export function stopOnSignals(worker: RunningWorker, after: () => Promise<void>, exit: (code: number) => void = process.exit): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "job worker stopping: finishing the running jobs");
    try {
      await worker.stop();
      await after();
      log.info({ signal }, "job worker stopped");
      exit(0);
    } catch (error) {
      log.error({ err: error, signal }, "job worker did not stop cleanly");
      exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
