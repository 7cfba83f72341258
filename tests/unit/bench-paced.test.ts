import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pacedLoad, poissonArrivals, seededRandom } from "@/scripts/bench/paced";

describe("poissonArrivals", () => {
  it("is repeatable for a seed and averages the asked rate", () => {
    const a = poissonArrivals(200, 30, seededRandom(7));
    expect(poissonArrivals(200, 30, seededRandom(7))).toEqual(a);
    expect(poissonArrivals(200, 30, seededRandom(8))).not.toEqual(a);
    // 6,000 expected arrivals; a Poisson count's standard deviation is √6000 ≈ 77.
    expect(a.length).toBeGreaterThan(6000 - 400);
    expect(a.length).toBeLessThan(6000 + 400);
    expect(a.every((t, i) => t >= 0 && t < 30_000 && (i === 0 || t >= a[i - 1]))).toBe(true);
  });

  it("spreads arrivals over the second instead of sending them together", () => {
    const a = poissonArrivals(100, 20, seededRandom(1));
    const gaps = a.slice(1).map((t, i) => t - a[i]);
    const sameMillisecond = gaps.filter((g) => g < 1).length / gaps.length;
    // Exponential gaps with a 10 ms mean: about 1 − e^(−0.1) ≈ 9.5 % are under a millisecond.
    expect(sameMillisecond).toBeLessThan(0.2);
    const perSecond = Array.from({ length: 20 }, (_, s) => a.filter((t) => t >= s * 1000 && t < (s + 1) * 1000).length);
    expect(Math.max(...perSecond)).toBeLessThan(150);
  });
});

describe("pacedLoad", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function listen(handler: http.RequestListener): Promise<string> {
    server = http.createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("sends each session's cookie and path and counts errors and non-2xx answers", async () => {
    const seen: string[] = [];
    const url = await listen((req, res) => {
      seen.push(`${req.url} ${req.headers.cookie}`);
      res.statusCode = req.url === "/broken" ? 500 : 200;
      res.end("ok");
    });
    const sessions = [
      { email: "a", path: "/a", cookie: "s=a" },
      { email: "b", path: "/broken", cookie: "s=b" },
    ];
    const result = await pacedLoad({ url, rate: 200, seconds: 0.5, sessions, connections: 4 });
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.filter((s) => s === "/a s=a").length + seen.filter((s) => s === "/broken s=b").length).toBe(seen.length);
    expect(result.count).toBe(seen.filter((s) => s.startsWith("/a")).length);
    expect(result.non2xx).toBe(seen.length - result.count);
    expect(result.errors).toBe(result.non2xx);
  });

  it("counts the wait for a free connection in the latency (measured from arrival)", async () => {
    // One connection, a server that takes 50 ms per request, 40 arrivals per second: the
    // queue grows, so late arrivals wait far longer than the 50 ms the server spends on them.
    const url = await listen((_req, res) => setTimeout(() => res.end("ok"), 50));
    const result = await pacedLoad({ url, rate: 40, seconds: 1, sessions: [{ email: "a", path: "/", cookie: "" }], connections: 1 });
    expect(result.count).toBeGreaterThan(20);
    expect(result.p50).toBeGreaterThan(50);
    expect(result.p95).toBeGreaterThan(300);
  });
});
