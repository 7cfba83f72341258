import { describe, expect, it } from "vitest";
import { PEAK_MODEL, coresNeeded, pagesPerCore, ratioBudget } from "@/scripts/bench/capacity";
import { bucketOf, summariseProfile, type CpuProfile } from "@/scripts/bench/profile";
import { sharedCacheCheck } from "@/scripts/bench/public-cache";
import { median, phoneVerdict } from "@/scripts/bench/phones";

describe("coresNeeded (the capacity model)", () => {
  it("computes a 50,000-pupil board's cores for 3× the 17:00 peak at 70 % by hand", () => {
    // 50,000 × 1.7 = 85,000 guardians; a quarter in 600 s → 35.4167 visits/s; ×3 → 106.25 visits/s:
    // 212.5 pages/s and 95.625 sign-ins/s. Web: 212.5 × 10 + 95.625 × 25 = 4,515.6 ms/s → 6.45 cores;
    // PostgreSQL: 212.5 × 2 + 95.625 × 1 = 520.6 ms/s → 0.74 cores; together 7.19 → 8.
    const c = coresNeeded(50_000, { web: 10, postgres: 2 }, { web: 25, postgres: 1 });
    expect(c.guardians).toBe(85_000);
    expect(c.visitsPerSecond).toBe(35.42);
    expect(c.pagesPerSecond).toBe(212.5);
    expect(c.signInsPerSecond).toBe(95.63);
    expect(c.webCores).toBe(6.45);
    expect(c.postgresCores).toBe(0.74);
    expect(c.cores).toBe(8);
  });

  it("scales linearly with the board: 900,000 pupils need 18× the CPU of 50,000", () => {
    const page = { web: 12, postgres: 1.5 };
    const signIn = { web: 24, postgres: 0.8 };
    const small = coresNeeded(50_000, page, signIn);
    const large = coresNeeded(900_000, page, signIn);
    expect(large.webCpuMsPerSecond / small.webCpuMsPerSecond).toBeCloseTo(18, 1);
    expect(large.cores).toBeGreaterThanOrEqual(Math.floor(18 * (small.webCores + small.postgresCores)));
  });

  it("takes its assumptions from the model it is given", () => {
    const quiet = coresNeeded(50_000, { web: 10, postgres: 0 }, { web: 0, postgres: 0 }, { ...PEAK_MODEL, peakMultiple: 1, maxUtilisation: 1 });
    // 35.4167 visits/s × 2 pages × 10 ms = 708 ms/s.
    expect(quiet.webCpuMsPerSecond).toBe(708);
    expect(quiet.cores).toBe(1);
  });

  it("refuses nonsense instead of computing a number from it", () => {
    expect(() => coresNeeded(0, { web: 1, postgres: 1 }, { web: 1, postgres: 1 })).toThrow(/pupils/);
    expect(() => coresNeeded(50_000, { web: NaN, postgres: 1 }, { web: 1, postgres: 1 })).toThrow(/page/);
    expect(() => coresNeeded(50_000, { web: 1, postgres: 1 }, { web: -1, postgres: 1 })).toThrow(/signIn/);
  });
});

describe("ratioBudget and pagesPerCore", () => {
  it("meets a budget at the limit and misses it above", () => {
    expect(ratioBudget(10, 4, 2.5)).toEqual({ ratio: 2.5, budget: 2.5, met: true });
    expect(ratioBudget(10.2, 4, 2.5)).toEqual({ ratio: 2.55, budget: 2.5, met: false });
  });
  it("never reports a missing reference as met", () => {
    expect(ratioBudget(10, 0, 2.5).met).toBe(false);
    expect(ratioBudget(NaN, 4, 2.5).met).toBe(false);
  });
  it("turns CPU per page into pages per core-second", () => {
    expect(pagesPerCore({ web: 8, postgres: 2 })).toBe(100);
    expect(pagesPerCore({ web: 0, postgres: 0 })).toBeNaN();
  });
});

describe("CPU profile summary", () => {
  it("buckets frames by what they belong to", () => {
    expect(bucketOf("(garbage collector)", "")).toBe("garbage collection");
    expect(bucketOf("(idle)", "")).toBeNull();
    expect(bucketOf("renderElement", "file:///w/node_modules/next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js")).toBe("React rendering (RSC + HTML)");
    expect(bucketOf("query", "file:///w/node_modules/pg/lib/client.js")).toBe("Prisma / pg");
    expect(bucketOf("ex", "file:///w/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js")).toBe("Next.js app-page runtime (bundles React's RSC + HTML rendering)");
    expect(bucketOf("handleRequest", "file:///w/node_modules/next/dist/server/base-server.js")).toBe("Next.js (request handling, routing, cache)");
    expect(bucketOf("writeGeneric", "node:internal/stream_base_commons")).toBe("Node.js core and builtins");
    expect(bucketOf("ChildDetail", "file:///w/.next-bench/server/chunks/ssr/app_(app)_parent_children_abc._.js")).toBe("our app code (and bundled chunks)");
  });

  it("sums self time per bucket and function, idle left out", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 } },
        { id: 2, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
        { id: 3, callFrame: { functionName: "(garbage collector)", url: "", lineNumber: -1 } },
        { id: 4, callFrame: { functionName: "query", url: "file:///w/node_modules/pg/lib/client.js", lineNumber: 9 } },
      ],
      samples: [2, 3, 4, 4, 2],
      timeDeltas: [5000, 1000, 2000, 1000, 9000],
      startTime: 0,
      endTime: 18000,
    };
    const s = summariseProfile(profile);
    expect(s.busyMs).toBe(4);
    expect(s.buckets).toEqual([
      { bucket: "Prisma / pg", ms: 3, share: 75 },
      { bucket: "garbage collection", ms: 1, share: 25 },
    ]);
    expect(s.functions[0]).toEqual({ fn: "query client.js:10", bucket: "Prisma / pg", ms: 3, share: 75 });
  });
});

describe("sharedCacheCheck", () => {
  const headers = (init: Record<string, string>, cookies: string[] = []) => {
    const h = new Headers(init);
    for (const c of cookies) h.append("set-cookie", c);
    return h;
  };
  it("refuses any Set-Cookie", () => {
    const r = sharedCacheCheck(headers({ "cache-control": "public, s-maxage=60", vary: "Cookie, Accept-Language" }, ["a=1"]), false);
    expect(r.safe).toBe(false);
    expect(r.reasons.join()).toMatch(/Set-Cookie/);
  });
  it("requires Vary on cookie and language when the language is not in the URL", () => {
    expect(sharedCacheCheck(headers({ "cache-control": "s-maxage=31536000" }), false).safe).toBe(false);
    expect(sharedCacheCheck(headers({ "cache-control": "s-maxage=31536000", vary: "RSC, Accept-Encoding" }), false).safe).toBe(false);
    expect(sharedCacheCheck(headers({ "cache-control": "s-maxage=31536000", vary: "RSC, Cookie, Accept-Language" }), false).safe).toBe(true);
    expect(sharedCacheCheck(headers({ "cache-control": "s-maxage=31536000" }), true).safe).toBe(true);
  });
  it("counts an answer no shared cache stores as safe", () => {
    expect(sharedCacheCheck(headers({ "cache-control": "private, no-store" }), false).safe).toBe(true);
  });
});

describe("phone verdict", () => {
  it("takes the median of the runs and meets only when every figure is within budget", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const ok = phoneVerdict("/", [
      { lcpMs: 2400, tbtMs: 150, cls: 0, status: 200 },
      { lcpMs: 2600, tbtMs: 250, cls: 0.2, status: 200 },
      { lcpMs: 2000, tbtMs: 100, cls: 0, status: 200 },
    ]);
    expect(ok.median).toEqual({ lcpMs: 2400, tbtMs: 150, cls: 0 });
    expect(ok.met).toBe(true);
    expect(phoneVerdict("/", [{ lcpMs: 2501, tbtMs: 0, cls: 0, status: 200 }]).met).toBe(false);
    expect(phoneVerdict("/", [{ lcpMs: 900, tbtMs: 0, cls: 0.11, status: 200 }]).met).toBe(false);
  });
  it("never meets a budget on a page that was not the page asked for (a redirect to sign-in)", () => {
    expect(phoneVerdict("/parent", [{ lcpMs: 900, tbtMs: 0, cls: 0, status: null }]).met).toBe(false);
    expect(phoneVerdict("/parent", []).met).toBe(false);
  });
});
