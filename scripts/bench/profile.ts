// Where a page's CPU goes: one extra `next start` process of the benchmark's build with the
// inspector open, warmed, then a CPU profile (DevTools protocol, Profiler domain) over a load
// of child pages, summarised as self time by bucket and by function.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type ProfileSummary = {
  /** Sampled milliseconds, idle excluded. */
  busyMs: number;
  buckets: { bucket: string; ms: number; share: number }[];
  functions: { fn: string; bucket: string; ms: number; share: number }[];
};

/** Which part of the stack a frame belongs to, from its function name and script URL. */
export function bucketOf(functionName: string, url: string): string | null {
  if (functionName === "(idle)") return null;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 and native (program)";
  if (functionName === "(root)") return null;
  const u = url.replaceAll("\\", "/");
  // Turbopack names server chunks after what they hold: node_modules_<package>_… or the app's paths.
  // Next's app renderer is one prebuilt bundle that holds React's RSC and HTML renderers too.
  if (/compiled\/next-server\/app-(page|route)/.test(u)) return "Next.js app-page runtime (bundles React's RSC + HTML rendering)";
  if (/react-dom|react-server|\/react\/|node_modules_react|compiled\/react|react\.|_react_/.test(u)) return "React rendering (RSC + HTML)";
  if (/@prisma|\/prisma\/|node_modules\/pg|pg-protocol|pg-pool|pg-types|_pg_|_prisma_/.test(u)) return "Prisma / pg";
  if (/next-intl|use-intl|intl-messageformat|formatjs/.test(u)) return "next-intl";
  if (/next-auth|jose|@panva|oauth/.test(u)) return "next-auth / jose";
  if (/node_modules\/next\/|next\/dist|node_modules_next_|\[turbopack\]|turbopack/.test(u)) return "Next.js (request handling, routing, cache)";
  if (u.startsWith("node:") || u === "" || u.startsWith("internal/")) return "Node.js core and builtins";
  if (/node_modules/.test(u)) return "other libraries";
  if (/\/(lib|app|components)\//.test(u) || /\.next[^/]*\/server\//.test(u)) return "our app code (and bundled chunks)";
  return "other";
}

export function summariseProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; the sample's frame gets it.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const buckets = new Map<string, number>();
  const functions = new Map<string, { bucket: string; us: number }>();
  let busy = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const bucket = bucketOf(frame.functionName, frame.url);
    if (bucket === null) continue;
    busy += us;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    const file = frame.url ? path.basename(frame.url.split("?")[0]) : "";
    const key = `${frame.functionName || "(anonymous)"}${file ? ` ${file}:${frame.lineNumber + 1}` : ""}`;
    const entry = functions.get(key) ?? { bucket, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const share = (us: number) => (busy > 0 ? Math.round((us / busy) * 1000) / 10 : 0);
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    busyMs: ms(busy),
    buckets: [...buckets].sort((a, b) => b[1] - a[1]).map(([bucket, us]) => ({ bucket, ms: ms(us), share: share(us) })),
    functions: [...functions].sort((a, b) => b[1].us - a[1].us).slice(0, top).map(([fn, e]) => ({ fn, bucket: e.bucket, ms: ms(e.us), share: share(e.us) })),
  };
}

/** A minimal DevTools-protocol client over Node's WebSocket. */
async function inspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.error ? Promise.reject(new Error(JSON.stringify(message.error))) : message.result);
  });
  return {
    send: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve) => {
        const n = ++id;
        waiting.set(n, resolve as (result: unknown) => void);
        socket.send(JSON.stringify({ id: n, method, params }));
      }),
    close: () => socket.close(),
  };
}

/**
 * Starts one server process of the benchmark's build (`next start`, as scripts/serve.ts
 * configures a process: the peer-address hook and a 128 MB young generation) on `port` with its
 * inspector on `inspectPort`, runs `warm`, profiles `load`, and stops the process.
 */
export async function profileOneProcess<T>(opts: {
  root: string;
  env: NodeJS.ProcessEnv;
  port: number;
  inspectPort: number;
  warm: (base: string) => Promise<unknown>;
  load: (base: string) => Promise<T>;
}): Promise<{ result: T; summary: ProfileSummary }> {
  const server: ChildProcess = spawn(
    process.execPath,
    ["--require", "./scripts/peer-address.cjs", "--max-semi-space-size=128", `--inspect=127.0.0.1:${opts.inspectPort}`, "node_modules/next/dist/bin/next", "start", "-p", String(opts.port)],
    { cwd: opts.root, env: { ...opts.env, NODE_ENV: "production", PORT: String(opts.port) }, stdio: ["ignore", "ignore", "ignore"] },
  );
  const base = `http://localhost:${opts.port}`;
  try {
    const end = Date.now() + 120_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the profiled server exited (${server.exitCode})`);
      if (Date.now() > end) throw new Error("the profiled server did not come up");
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    await opts.warm(base);
    const cdp = await inspector(opts.inspectPort);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
    const result = await opts.load(base);
    const { profile } = await cdp.send<{ profile: CpuProfile }>("Profiler.stop");
    cdp.close();
    return { result, summary: summariseProfile(profile) };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode === null) server.kill("SIGKILL");
  }
}
