import { readdirSync, readFileSync } from "node:fs";

// CPU time per request, read from /proc: what a page costs, whatever the
// machine's latency noise. Linux only; elsewhere every figure is null.

/** Clock ticks in /proc/<pid>/stat are 1/100 s on Linux (USER_HZ). */
const TICK_MS = 10;

type Proc = { pid: number; ppid: number; name: string; cmd: string; ownMs: number; reapedMs: number };

/** One line of /proc/<pid>/stat, parsed after the command name (which may hold spaces and parentheses). */
export function parseStat(pid: number, stat: string, cmd: string): Proc {
  const close = stat.lastIndexOf(")");
  const name = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  const ticks = (i: number) => Number(fields[i]) * TICK_MS;
  return { pid, ppid: Number(fields[1]), name, cmd, ownMs: ticks(11) + ticks(12), reapedMs: ticks(13) + ticks(14) };
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      out.push(parseStat(Number(entry), readFileSync(`/proc/${entry}/stat`, "utf8"), cmd));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function descendants(all: Proc[], root: number): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: Proc[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

export type CpuSnapshot = { server: number; postgres: number | null; loadGenerator: number } | null;

/**
 * Milliseconds of CPU used so far by the Next.js server processes (the processes titled
 * "next-server" under `serverPid`), by the embedded PostgreSQL under this process (its
 * backends, including those that have exited, which the postmaster has reaped), and by this
 * process, which runs the load generator.
 */
export function cpuSnapshot(serverPid: number): CpuSnapshot {
  let all: Proc[];
  try {
    all = processes();
  } catch {
    return null;
  }
  if (!all.length) return null;
  const server = descendants(all, serverPid).filter((p) => p.name.startsWith("next-server") || p.cmd.startsWith("next-server"));
  const postgres = descendants(all, process.pid).filter((p) => p.name === "postgres");
  // The postmaster is the postgres process whose parent is not postgres.
  const pids = new Set(postgres.map((p) => p.pid));
  const postmaster = postgres.find((p) => !pids.has(p.ppid));
  const usage = process.cpuUsage();
  return {
    server: server.reduce((sum, p) => sum + p.ownMs, 0),
    postgres: postmaster ? postgres.reduce((sum, p) => sum + p.ownMs, 0) + postmaster.reapedMs : null,
    loadGenerator: (usage.user + usage.system) / 1000,
  };
}

export type CpuPerRequest = { server: number; postgres: number | null; loadGenerator: number } | null;

/** CPU per request between two snapshots, in milliseconds, to two decimals. */
export function perRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuPerRequest {
  if (!before || !after || requests <= 0) return null;
  const per = (a: number, b: number) => Math.round(((b - a) / requests) * 100) / 100;
  return {
    server: per(before.server, after.server),
    postgres: before.postgres === null || after.postgres === null ? null : per(before.postgres, after.postgres),
    loadGenerator: per(before.loadGenerator, after.loadGenerator),
  };
}

/** Runs `phase` and adds the CPU per answered request it cost. */
export async function withCpu<T extends { count: number }>(serverPid: number, phase: () => Promise<T>): Promise<T & { cpuMsPerRequest: CpuPerRequest }> {
  const before = cpuSnapshot(serverPid);
  const result = await phase();
  return { ...result, cpuMsPerRequest: perRequest(before, cpuSnapshot(serverPid), result.count) };
}
