import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuSnapshot, parseStat, perRequest } from "@/scripts/bench/cpu";

describe("parseStat", () => {
  it("reads parent, own and reaped CPU after a command name holding spaces and parentheses", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const stat = "4242 (next-server (v16.4)) S 4200 4242 4242 0 -1 4194560 100 0 0 0 150 25 30 5 20 0 11 0";
    expect(parseStat(4242, stat, "next-server (v16.4.6) ")).toEqual({
      pid: 4242, ppid: 4200, name: "next-server (v16.4)", cmd: "next-server (v16.4.6) ", ownMs: 1750, reapedMs: 350,
    });
  });
});

describe("perRequest", () => {
  it("divides what each part used by the requests answered", () => {
    const before = { server: 1000, postgres: 200, loadGenerator: 50 };
    const after = { server: 2310, postgres: 330, loadGenerator: 100 };
    expect(perRequest(before, after, 100)).toEqual({ server: 13.1, postgres: 1.3, loadGenerator: 0.5 });
    expect(perRequest(before, { ...after, postgres: null }, 100)).toEqual({ server: 13.1, postgres: null, loadGenerator: 0.5 });
  });

  it("has nothing to say without snapshots or requests", () => {
    const snapshot = { server: 1, postgres: null, loadGenerator: 1 };
    expect(perRequest(null, snapshot, 10)).toBeNull();
    expect(perRequest(snapshot, null, 10)).toBeNull();
    expect(perRequest(snapshot, snapshot, 0)).toBeNull();
  });
});

describe.runIf(existsSync("/proc/self/stat"))("cpuSnapshot", () => {
  it("counts the CPU of processes titled next-server under the server, and not of the others", async () => {
    // A stand-in server: a parent with two children that each use a fixed amount of CPU, say
    // "done" and stay alive: one titled "next-server" (300 ms), one bystander (900 ms).
    const burn = (title: string, ms: number) =>
      `process.title=${JSON.stringify(title)};for(let u=process.cpuUsage();(u.user+u.system)/1000<${ms};u=process.cpuUsage()){}console.log("done");setInterval(()=>{},1000);`;
    const child = (title: string, ms: number) => `spawn(process.execPath,["-e",${JSON.stringify(burn(title, ms))}],{stdio:"inherit"});`;
    const parent = spawn(process.execPath, ["-e", `const {spawn}=require("node:child_process");${child("next-server (vtest)", 300)}${child("bystander", 900)}setInterval(()=>{},1000);`], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const before = cpuSnapshot(parent.pid!)!;
      await new Promise<void>((resolve) => {
        let done = 0;
        parent.stdout!.on("data", (chunk: Buffer) => {
          done += chunk.toString().split("done").length - 1;
          if (done === 2) resolve();
        });
      });
      const after = cpuSnapshot(parent.pid!)!;
      // Ticks are 10 ms and start-up overlaps the first snapshot; the bystander's 900 ms must not be in it.
      expect(after.server - before.server).toBeGreaterThanOrEqual(250);
      expect(after.server - before.server).toBeLessThan(700);
      // No embedded PostgreSQL runs under the test process.
      expect(after.postgres).toBeNull();
      expect(after.loadGenerator).toBeGreaterThanOrEqual(before.loadGenerator);
    } finally {
      process.kill(-parent.pid!, "SIGKILL");
    }
  }, 20_000);
});
