import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// With WEB_CONCURRENCY > 1, a publication handled by one server process must
// expire the cached public pages in the others too (lib/cache/shared-tags.cjs).
// Real processes, real PostgreSQL LISTEN/NOTIFY.

const CHILD = path.resolve(__dirname, "../support/cache-tags-child.cjs");

type Child = { lines: string[]; waitFor: (line: string, ms?: number) => Promise<void>; exited: Promise<number | null> };

function start(role: "listen" | "expire", tag: string, env: NodeJS.ProcessEnv = process.env): Child {
  const child = spawn(process.execPath, [CHILD, role, tag], { env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let stderr = "";
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    for (const line of chunk.split("\n").filter(Boolean)) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.line === line)) w.resolve();
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const waitFor = (line: string, ms = 10_000) =>
    lines.includes(line)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`no "${line}" within ${ms} ms (stdout: ${lines.join(" | ")}; stderr: ${stderr})`));
          }, ms);
          waiters.push({ line, resolve: () => (clearTimeout(timer), resolve()) });
        });
  return { lines, waitFor, exited };
}

describe("cache tags across server processes", () => {
  it("a tag expired in one process is expired in the others", async () => {
    const tag = `public-school:${Date.now()}`;
    const first = start("listen", tag);
    const second = start("listen", tag);
    await Promise.all([first.waitFor("ready"), second.waitFor("ready")]);

    const publisher = start("expire", tag);
    await publisher.waitFor("expired-here");
    await Promise.all([first.waitFor("expired", 5000), second.waitFor("expired", 5000)]);
    expect(await first.exited).toBe(0);
    expect(await second.exited).toBe(0);
  });

  it("another tag leaves a listening process alone", async () => {
    const watched = `public-school:watched-${Date.now()}`;
    const listener = start("listen", watched);
    await listener.waitFor("ready");
    await start("expire", `public-school:other-${Date.now()}`).waitFor("expired-here");
    await new Promise((r) => setTimeout(r, 500));
    expect(listener.lines).toEqual(["ready"]);
    await start("expire", watched).waitFor("expired-here");
    await listener.waitFor("expired", 5000);
  });

  it("without a database a process still expires its own cache", async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const alone = start("expire", `public-schools-${Date.now()}`, env);
    await alone.waitFor("expired-here");
    expect(await alone.exited).toBe(0);
  });
});
