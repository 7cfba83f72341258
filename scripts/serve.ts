// Production server. Rendering is CPU-bound and one Node process uses one
// core, so it starts one Next.js process per core sharing the port
// (node:cluster); WEB_CONCURRENCY=N sets another number. Each process has its
// own page cache; lib/cache/shared-tags.cjs makes a publication expire the
// cached public pages in all of them at once.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";

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
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`server process ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`Schoolkompas: http://localhost:${port} (${workers} server processes)`);
} else {
  (process.env as Record<string, string>).NODE_ENV = "production";
  // The socket's address goes on X-Forwarded-For, so the sign-in limit per
  // address counts the real client (lib/auth/client-address.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./peer-address.cjs");
  // 503 with Retry-After, not 500, while the database is away (lib/http/database-away.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./unavailable-status.cjs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require("next/dist/server/lib/start-server") as typeof import("next/dist/server/lib/start-server");
  void startServer({ dir: ROOT, port, isDev: false, hostname: process.env.HOSTNAME, allowRetry: false });
}
