// Production server. Rendering is CPU-bound and one Node process uses one
// core, so it starts one Next.js process per core sharing the port
// (node:cluster); WEB_CONCURRENCY=N sets another number. Each process has its
// own page cache; lib/cache/shared-tags.cjs makes a publication expire the
// cached public pages in all of them at once.
// SIGTERM (or SIGINT): the primary passes it on to every server process, which
// stops accepting, finishes its requests in flight and exits
// (scripts/graceful-shutdown.cjs); the primary restarts none of them and exits
// once all have — 0 when every one exited 0 (docs/decisions/0044-operations.md).
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { log } from "../lib/log.cjs";

const ROOT = path.resolve(__dirname, "..");
const port = Number(process.env.PORT ?? 3000);
// Rendering makes many short-lived objects, and under load dozens of pages
// are in flight per process: with a 128 MB young generation (Node's default
// is 16) fewer of them outlive a scavenge. Against 64 MB, at 50 parents per
// process: ≈ 14 % less CPU per page, ≈ 300 MB more memory per process
// (docs/benchmarks.md). NODE_OPTIONS can set another size.
const YOUNG_GENERATION = "--max-semi-space-size=128";
const workers = Math.min(os.availableParallelism(), Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism())));

if (cluster.isPrimary) {
  const sized = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--max-semi-space-size"));
  if (!sized) cluster.setupPrimary({ execArgv: [...process.execArgv, YOUNG_GENERATION] });
  let stopping = false;
  let clean = true;
  const running = new Set<number>();
  const fork = () => running.add(cluster.fork().id);
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    running.delete(worker.id);
    if (!stopping) {
      log.error({ processId: worker.process.pid, code, signal }, "server process exited; starting another");
      fork();
      return;
    }
    if (code !== 0) clean = false;
    if (running.size === 0) {
      log.info({ clean }, "all server processes have stopped");
      process.exit(clean ? 0 : 1);
    }
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, processes: running.size }, "stopping: the server processes finish their requests");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // Each process bounds its own drain (SHUTDOWN_TIMEOUT_SECONDS); this only guards against one that hangs.
    setTimeout(
      () => {
        log.error({ processes: running.size }, "server processes did not stop in time; killing them");
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
        process.exit(1);
      },
      (Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 25) + 10) * 1000,
    ).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  log.info({ port, processes: workers }, "Schoolkompas is starting");
} else {
  (process.env as Record<string, string>).NODE_ENV = "production";
  // The socket's address goes on X-Forwarded-For, so the sign-in limit per
  // address counts the real client (lib/auth/client-address.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./peer-address.cjs");
  // 503 with Retry-After, not 500, while the database is away (lib/http/database-away.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./unavailable-status.cjs");
  // A request id on every request, its response and its log lines (lib/log.cjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./request-id.cjs");
  // SIGTERM: stop accepting, finish the requests in flight, exit (before Next creates its server).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./graceful-shutdown.cjs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require("next/dist/server/lib/start-server") as typeof import("next/dist/server/lib/start-server");
  // All interfaces, whatever HOSTNAME says: Docker and Kubernetes set it to the
  // container's name, and Next would then build its own URL from it while the
  // middleware's says "localhost" — the rewrite of the public pages became an
  // external proxy that failed with 500 (decision 0043).
  delete process.env.HOSTNAME;
  void startServer({ dir: ROOT, port, isDev: false, allowRetry: false });
}
