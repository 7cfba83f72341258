import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { quickAddJob } from "graphile-worker";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// Graceful shutdown (issue 20, operations), with real processes:
// - the production server (scripts/serve.ts, node:cluster, two server
//   processes, the built app): a request in flight when SIGTERM arrives — its
//   form body still arriving — is answered; a new connection is refused; the
//   primary waits for its processes, restarts none, and exits 0;
// - the job worker (startWorker + stopOnSignals as scripts/worker.ts): a job
//   running when SIGTERM arrives finishes and is marked done, then exit 0.
// The server part needs `next build` first (as every browser test does).

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.OPS_SHUTDOWN_TEST_PORT ?? 3501);
const BUILT = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** A child process with its output collected; `waitFor` resolves when a line matching `pattern` has appeared. */
function start(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms: number) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > until) throw new Error(`no ${pattern} within ${ms} ms; output:\n${output.slice(-3000)}`);
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before ${pattern}; output:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

/** Connects to the server: "connected" or the error's code (ECONNREFUSED when nothing accepts). */
function tryConnect(): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

describe.skipIf(!BUILT)("the production server on SIGTERM", () => {
  it("answers the request in flight, refuses new connections, and exits 0 (primary and both processes)", async () => {
    const server = start(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/serve.ts"], {
      PORT: String(PORT),
      WEB_CONCURRENCY: "2",
      NEXTAUTH_SECRET: "graceful-shutdown-test-secret-000000000000",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      DATABASE_URL: process.env.DATABASE_URL!,
      SHUTDOWN_TIMEOUT_SECONDS: "25",
    });
    // Both processes answer (Next prints "Ready" once per process).
    await server.waitFor(/Ready in[\s\S]*Ready in/, 120_000);
    expect(await tryConnect()).toBe("connected");

    // A language choice posted slowly: the head and half the form now, the rest after SIGTERM.
    const socket = net.connect(PORT, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    const body = "locale=en";
    socket.write(
      `POST /api/language HTTP/1.1\r\nHost: localhost:${PORT}\r\nOrigin: http://localhost:${PORT}\r\nReferer: http://localhost:${PORT}/\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nX-Request-Id: graceful-test-0001\r\n\r\n${body.slice(0, 6)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));

    server.child.kill("SIGTERM");
    await server.waitFor(/"msg":"shutting down: no new connections[^\n]*\n[\s\S]*"msg":"shutting down: no new connections/, 20_000);
    // No new connection is accepted once the processes have closed their sockets.
    const until = Date.now() + 10_000;
    let attempt = await tryConnect();
    while (attempt === "connected" && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      attempt = await tryConnect();
    }
    expect(attempt).toBe("ECONNREFUSED");
    expect(answer).toBe("");

    // The rest of the form: the request in flight is answered, and its connection closed after it.
    socket.write(body.slice(6));
    await closed;
    const [head] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 303 See Other\r\n/);
    expect(head).toMatch(/\r\nlocation: \/\r\n/i);
    expect(head).toMatch(/\r\nset-cookie: NEXT_LOCALE=en;/i);
    expect(head).toMatch(/\r\nconnection: close\r\n/i);
    expect(head).toMatch(/\r\nx-request-id: graceful-test-0001\r\n/i);

    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/"msg":"all server processes have stopped"[^\n]*"clean":true|"clean":true[^\n]*"msg":"all server processes have stopped"/);
    expect(server.output()).not.toMatch(/starting another/);
  }, 240_000);
});

describe("the job worker on SIGTERM", () => {
  it("finishes the job it is running, marks it done, then exits 0", async () => {
    const worker = start(process.execPath, ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "tests/support/slow-job-worker-child.ts", "3000"], {
      DATABASE_URL: process.env.DATABASE_URL!,
    });
    await worker.waitFor(/worker ready/, 60_000);
    const job = await quickAddJob({ connectionString: process.env.DATABASE_URL! }, "slow-test-job", {});
    await worker.waitFor(/job started/, 30_000);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/job started\n[\s\S]*job finished\n[\s\S]*"msg":"job worker stopped"/);
    // Done: graphile-worker removed the job; nothing is left locked by the stopped worker.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("SELECT attempts, last_error, locked_by FROM graphile_worker._private_jobs WHERE id = $1", [job.id]);
    await client.end();
    expect(rows).toEqual([]);
  }, 120_000);
});
