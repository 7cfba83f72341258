// `npm run cluster`: several app servers behind nginx on one machine, as they
// would run on several (docs/decisions/0043, docs/architecture.md "Several app
// servers"). One PostgreSQL (embedded, migrated, demo data; or DATABASE_URL),
// one build, N independent app instances (separate processes on separate
// ports, WEB_CONCURRENCY=1, each with its own page cache), M job workers, and
// nginx in front with deploy/nginx/schoolkompas.conf filled in (TLS with a
// self-signed certificate). Ctrl-C stops everything.
//   npm run cluster                      run until Ctrl-C
//   npm run cluster -- --check           the cluster test (scripts/cluster/check.ts), then stop
//   npm run cluster -- --measure         check + throughput with 2 instances vs 1, written to bench/results/
// Options: --instances N (2) --workers N (1) --http-port (8080) --https-port (8443)
//   --app-port FIRST (3100; instance i listens on FIRST+i) --db-port (54331) --data-dir (.data/pg-cluster)
//   --smtp-port (2526: check mode's SMTP receiver) --build (build even when a build exists)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDeploy, startEmbeddedPostgres, type RunningDatabase } from "../postgres";
import { createSeedClient, isDatabaseEmpty, seedDemo } from "../../prisma/seed";
import { fillNginxConfig } from "./nginx";
import { startSmtpReceiver, type Received } from "./smtp";

const ROOT = path.resolve(__dirname, "../..");
const { values: flags } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    measure: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    instances: { type: "string", default: "2" },
    workers: { type: "string", default: "1" },
    "http-port": { type: "string", default: "8080" },
    "https-port": { type: "string", default: "8443" },
    "app-port": { type: "string", default: "3100" },
    "db-port": { type: "string", default: "54331" },
    "data-dir": { type: "string", default: ".data/pg-cluster" },
    "smtp-port": { type: "string", default: "2526" },
  },
});
const log = (message: string) => console.log(`[cluster] ${message}`);

export type Instance = { index: number; port: number; address: string; process: ChildProcess; env: NodeJS.ProcessEnv };
export type Cluster = {
  base: string;
  httpBase: string;
  databaseUrl: string;
  instances: Instance[];
  workers: ChildProcess[];
  /** Starts instance `index` again (after a kill) and waits until it answers. */
  restart(index: number): Promise<Instance>;
  /** Kills an app instance and every process of it at once (SIGKILL to its process group). */
  kill(instance: Instance): void;
  /** Rewrites nginx's upstream list to these instances and reloads it. */
  useInstances(indexes: number[]): Promise<void>;
  /** What the check's SMTP receiver accepted. */
  mail: Received[];
  tmp: string;
};

/** A process in its own group, so the instance's whole tree (tsx, the cluster primary, its server process) can be signalled at once. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).map((l) => `  ${label} | ${l}`).join("\n") + "\n";
  child.stdout!.on("data", (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function waitUntilAnswers(url: string, child: ChildProcess, ms = 180_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function main() {
  const instancesWanted = Math.max(1, Number(flags.instances));
  const workersWanted = Math.max(0, Number(flags.workers));
  const httpPort = Number(flags["http-port"]);
  const httpsPort = Number(flags["https-port"]);
  const appPort = Number(flags["app-port"]);
  const checking = flags.check || flags.measure;
  const base = `https://localhost:${httpsPort}`;

  const stoppers: (() => Promise<void> | void)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stoppers.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(`[cluster] while stopping: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  try {
    let database: RunningDatabase;
    if (process.env.DATABASE_URL) {
      database = { url: process.env.DATABASE_URL, stop: async () => {} };
      log("using the database in DATABASE_URL");
    } else {
      database = await startEmbeddedPostgres({ dir: flags["data-dir"]!, port: Number(flags["db-port"]), database: "schoolkompas", fresh: checking });
      log(`embedded PostgreSQL on port ${flags["db-port"]} (data in ${flags["data-dir"]})`);
    }
    stoppers.push(() => database.stop());
    await migrateDeploy(database.url);
    const seeder = createSeedClient(database.url);
    if (await isDatabaseEmpty(seeder)) {
      log("empty database: loading the demo data…");
      await seedDemo(seeder, { log: () => {} });
    }
    await seeder.$disconnect();

    const distDir = process.env.NEXT_DIST_DIR ?? ".next";
    if (flags.build || !existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
      log("building once for every instance…");
      const build = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      if (build.status !== 0) throw new Error("next build failed");
    }
    // A fresh database has new ids: nothing cached from another one may be served.
    rmSync(path.join(ROOT, distDir, "cache", "fetch-cache"), { recursive: true, force: true });

    const tmp = mkdtempSync(path.join(os.tmpdir(), "schoolkompas-cluster-"));
    stoppers.push(() => rmSync(tmp, { recursive: true, force: true }));

    let smtpUrl = process.env.SMTP_URL;
    let mail: Received[] = [];
    if (checking) {
      const receiver = await startSmtpReceiver(Number(flags["smtp-port"]));
      stoppers.push(() => receiver.stop());
      smtpUrl = `smtp://127.0.0.1:${flags["smtp-port"]}`;
      mail = receiver.messages;
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: base,
      // nginx appends the client's address to X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
      // The check waits for alert e-mails: a short coalescing window, as the browser tests use.
      ...(checking ? { ALERT_COALESCE_SECONDS: "2", OUTBOX_SWEEP_SECONDS: "5" } : {}),
    };

    const instances: Instance[] = [];
    const startInstance = (index: number): Instance => {
      const port = appPort + index;
      const instanceEnv: NodeJS.ProcessEnv = { ...env, PORT: String(port), WEB_CONCURRENCY: "1" };
      // Not HOSTNAME: Next builds its own URL from it and the middleware's from "localhost", and a
      // rewrite between two different origins (proxy.ts's public pages) becomes an external proxy.
      delete instanceEnv.HOSTNAME;
      const child = start(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/serve.ts"], instanceEnv, `app ${index + 1}`);
      const instance = { index, port, address: `127.0.0.1:${port}`, process: child, env: instanceEnv };
      instances[index] = instance;
      return instance;
    };
    stoppers.push(async () => {
      for (const instance of instances) signalGroup(instance.process, "SIGTERM");
      await new Promise((r) => setTimeout(r, 1500));
      for (const instance of instances) signalGroup(instance.process, "SIGKILL");
    });
    for (let i = 0; i < instancesWanted; i++) startInstance(i);
    await Promise.all(instances.map((instance) => waitUntilAnswers(`http://${instance.address}/api/health`, instance.process)));
    log(`${instances.length} app instances answer: ${instances.map((i) => i.address).join(", ")}`);

    const workers: ChildProcess[] = [];
    for (let i = 0; i < workersWanted; i++) {
      workers.push(start(process.execPath, ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "scripts/worker.ts"], env, `worker ${i + 1}`));
    }
    stoppers.push(async () => {
      for (const worker of workers) signalGroup(worker, "SIGTERM");
      await Promise.all(workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once("exit", r)) : null)));
    });

    // nginx: the shipped config, filled in, inside a minimal main configuration.
    const certificate = path.join(tmp, "cert.pem");
    const key = path.join(tmp, "key.pem");
    const openssl = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-days", "2", "-keyout", key, "-out", certificate], { stdio: "ignore" });
    if (openssl.status !== 0) throw new Error("openssl could not make a self-signed certificate");
    for (const dir of ["logs", "temp"]) mkdirSync(path.join(tmp, dir));
    const writeSiteConfig = (indexes: number[]) =>
      writeFileSync(
        path.join(tmp, "schoolkompas.conf"),
        fillNginxConfig({
          APP_SERVERS: indexes.map((i) => `server ${instances[i].address} max_fails=1 fail_timeout=5s;`).join("\n    "),
          SERVER_NAME: "localhost",
          HTTP_PORT: String(httpPort),
          HTTPS_PORT: String(httpsPort),
          CERTIFICATE: certificate,
          CERTIFICATE_KEY: key,
          // Which app server answered: the check proves requests went to different instances.
          DIAGNOSTIC_HEADERS: "add_header X-Upstream $upstream_addr always;",
        }),
      );
    writeSiteConfig(instances.map((i) => i.index));
    const nginxBinary = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
    const runningAsRoot = process.getuid?.() === 0;
    writeFileSync(
      path.join(tmp, "nginx.conf"),
      [
        // As root, nginx's workers would otherwise run as nobody, who cannot read this private temp directory.
        runningAsRoot ? "user root;" : "",
        "worker_processes 1;",
        `pid ${tmp}/nginx.pid;`,
        `error_log ${tmp}/logs/error.log warn;`,
        "events { worker_connections 2048; }",
        "http {",
        `  access_log ${tmp}/logs/access.log;`,
        ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${tmp}/temp/${t};`),
        `  include ${tmp}/schoolkompas.conf;`,
        "}",
        "",
      ].join("\n"),
    );
    const nginxArgs = ["-p", tmp, "-c", path.join(tmp, "nginx.conf")];
    const test = spawnSync(nginxBinary, [...nginxArgs, "-t", "-q"], { encoding: "utf8" });
    if (test.status !== 0) throw new Error(`nginx rejects the configuration: ${test.stderr}`);
    const nginx = start(nginxBinary, [...nginxArgs, "-g", "daemon off;"], env, "nginx");
    stoppers.push(async () => {
      signalGroup(nginx, "SIGQUIT");
      if (nginx.exitCode === null) await Promise.race([new Promise((r) => nginx.once("exit", r)), new Promise((r) => setTimeout(r, 3000))]);
      signalGroup(nginx, "SIGKILL");
    });
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the self-signed certificate, for this script's own requests only
    await waitUntilAnswers(`${base}/api/health`, nginx, 30_000);
    log(`nginx: ${base} (and http://localhost:${httpPort}, which redirects) → ${instances.length} app instances, ${workers.length} job worker(s)`);

    const cluster: Cluster = {
      base,
      httpBase: `http://localhost:${httpPort}`,
      databaseUrl: database.url,
      instances,
      workers,
      mail,
      tmp,
      kill: (instance) => signalGroup(instance.process, "SIGKILL"),
      restart: async (index) => {
        const instance = startInstance(index);
        await waitUntilAnswers(`http://${instance.address}/api/health`, instance.process);
        return instance;
      },
      useInstances: async (indexes) => {
        writeSiteConfig(indexes);
        const reload = spawnSync(nginxBinary, [...nginxArgs, "-s", "reload"], { encoding: "utf8" });
        if (reload.status !== 0) throw new Error(`nginx reload failed: ${reload.stderr}`);
        await new Promise((r) => setTimeout(r, 1500));
      },
    };

    if (checking) {
      const { runChecks } = await import("./check");
      const ok = await runChecks(cluster, { measure: flags.measure, log });
      await stopAll(ok ? 0 : 1);
      return;
    }
    log("running; Ctrl-C stops everything");
    await new Promise(() => {});
  } catch (error) {
    console.error(`[cluster] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll(1);
  }
}

if (require.main === module) void main();
