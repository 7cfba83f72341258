import http from "node:http";
import { summarise } from "./stats";
import type { HttpResult } from "./load";
import type { Session } from "./sessions";

type Options = { url: string; rate: number; seconds: number; sessions: Session[]; connections: number; timeoutMs?: number; seed?: number };

/** A small seeded generator (mulberry32), so two runs send the same arrival pattern. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Send times of an open arrival stream at `rate` per second for `seconds`: parents acting
 * independently (a Poisson process), in milliseconds from the start.
 */
export function poissonArrivals(rate: number, seconds: number, random: () => number): number[] {
  const times: number[] = [];
  for (let t = -Math.log(1 - random()) * (1000 / rate); t < seconds * 1000; t += -Math.log(1 - random()) * (1000 / rate)) times.push(t);
  return times;
}

/**
 * Open-loop load: requests leave at their arrival times whether or not earlier ones have been
 * answered, over at most `connections` keep-alive connections. A request that waits for a free
 * connection waits as a parent would, so each latency runs from its arrival time, not from when
 * it was sent (no coordinated omission). autocannon's `overallRate` cannot do this: it lets every
 * connection send its share of a second at the start of that second, so its "45 requests/s" is
 * a burst of 45 requests at once, once a second.
 */
export async function pacedLoad({ url, rate, seconds, sessions, connections, timeoutMs = 10_000, seed = 1 }: Options): Promise<HttpResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const arrivals = poissonArrivals(rate, seconds, seededRandom(seed));
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  let lastAnswer = started;

  const send = (index: number) =>
    new Promise<void>((resolve) => {
      const arrived = started + arrivals[index];
      const session = sessions[index % sessions.length];
      let settled = false;
      const settle = (outcome: "ok" | "non2xx" | "error") => {
        if (settled) return;
        settled = true;
        if (outcome === "ok") latencies.push(performance.now() - arrived);
        else if (outcome === "non2xx") non2xx++;
        else errors++;
        lastAnswer = performance.now();
        resolve();
      };
      const request = http.get(
        { agent, hostname: target.hostname, port: target.port, path: session.path, headers: { cookie: session.cookie }, timeout: timeoutMs },
        (response) => {
          response.resume();
          response.on("end", () => settle(response.statusCode! >= 200 && response.statusCode! < 300 ? "ok" : "non2xx"));
          response.on("error", () => settle("error"));
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => settle("error"));
    });

  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now() - started;
      while (next < arrivals.length && arrivals[next] <= now) pending.push(send(next++));
      if (next < arrivals.length) setTimeout(tick, Math.max(0, Math.min(5, arrivals[next] - now)));
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  const result = summarise(latencies, errors + non2xx, (lastAnswer - started) / 1000);
  return { ...result, non2xx };
}
