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

export type RunningWorker = {
  stop(): Promise<void>;
  /** The graphile-worker runner working now (a new one after a restart). */
  readonly runner: Runner;
  /** How often the runner stopped by itself and was started again. */
  readonly restarts: number;
};

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

/** Pause before starting a runner again: 1 s, doubling to 30 s while starting fails. */
const RESTART_PAUSE_MS = [1000, 2000, 4000, 8000, 16000, 30000];

/**
 * Starts the job worker: delivers the outbox and sweeps what a crash left behind.
 *
 * graphile-worker stops its whole worker pool by itself when it cannot record a
 * job's completion or failure within its retries (a long database outage), and
 * then its runner's promise settles while this process would go on sweeping
 * without delivering anything. The worker watches for that: it logs it once and
 * starts a new runner (docs/decisions/0041-fault-injection-harness.md).
 */
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
  const startRunner = () =>
    run({
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

  let runner = await startRunner();
  let stopping = false;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const restart = (attempt: number) => {
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (stopping) return;
      restarting = startRunner().then(
        (next) => {
          restarting = undefined;
          if (stopping) return void next.stop().catch(() => undefined);
          runner = next;
          restarts += 1;
          watch(next);
          log.info({ restarts }, "job worker: queue runner started again");
        },
        () => {
          // The database is still away: try again later, without a line per attempt.
          restarting = undefined;
          restart(attempt + 1);
        },
      );
    }, RESTART_PAUSE_MS[Math.min(attempt, RESTART_PAUSE_MS.length - 1)]);
  };
  const watch = (current: Runner) => {
    const ended = (error?: unknown) => {
      if (stopping || current !== runner) return;
      log.error({ err: error }, "job worker: queue runner stopped by itself; starting a new one");
      restart(0);
    };
    current.promise.then(() => ended(), ended);
  };
  watch(runner);

  // One sweep at a time: on a large backlog a sweep can take longer than its interval.
  let sweeping = false;
  const sweep = () => {
    if (sweeping) return;
    sweeping = true;
    sweepOutbox()
      .catch((error: unknown) => log.error({ err: error }, "outbox sweep failed"))
      .finally(() => (sweeping = false));
  };
  sweep();
  const sweepEvery = (options.sweepSeconds ?? Number(process.env.OUTBOX_SWEEP_SECONDS ?? 30)) * 1000;
  const timer = setInterval(sweep, sweepEvery);
  return {
    get runner() {
      return runner;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      clearTimeout(restartTimer);
      await restarting;
      // A runner that already stopped by itself has nothing left to finish.
      await runner.stop().catch((error: unknown) => {
        if (!(error instanceof Error && error.message === "Runner is already stopped")) throw error;
      });
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
