import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

// lib/cache/shared-tags.cjs, two "processes" in one test: two stores created
// with create(), each with its own LRU, tag manifest and LISTEN connection, on
// real PostgreSQL (docs/decisions/0043). The clock is injected.

type Entry = { value: { kind: string; html?: string; headers?: Record<string, string> } | null; lastModified: number } | null;
type HandlerClass = {
  new (context?: { revalidatedTags?: string[] }): {
    get(key: string, ctx: object): Promise<Entry>;
    set(key: string, data: object | null, ctx: object): Promise<void>;
    revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
    resetRequestCache(): void;
  };
  listening(): Promise<void>;
  listenerState(): "alone" | "down" | "up";
  stop(): Promise<void>;
};
type Options = { url?: string | null; maxBytes?: number; now?: () => number; log?: (line: string) => void; reconnectMs?: number; applicationName?: string };
const shared = createRequire(import.meta.url)("../../lib/cache/shared-tags.cjs") as { create(options?: Options): HandlerClass; LISTENER_DOWN_MAX_AGE_MS: number };

const PAGE = { kind: "APP_PAGE" };
const page = (tags: string, html = "<p>figures</p>") => ({ kind: "APP_PAGE", html, rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tags } as Record<string, string>, status: 200 });
const started: HandlerClass[] = [];

function processOf(options: Options = {}): HandlerClass {
  const Handler = shared.create(options);
  started.push(Handler);
  return Handler;
}

async function until(check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.stop()));
});

describe("cache handler with tag expiry over LISTEN/NOTIFY", () => {
  it("an expiry in the same millisecond as the entry expires it (the clock does not move)", async () => {
    const clock = 1_800_000_000_000;
    const Alone = processOf({ url: null, now: () => clock });
    const handler = new Alone({ revalidatedTags: [] });
    await handler.set("/school", page("public-school:same-ms,_N_T_/school"), { cacheControl: { revalidate: 60 } });
    expect(await handler.get("/school", PAGE)).not.toBeNull();
    await handler.revalidateTag("public-school:same-ms");
    expect(await handler.get("/school", PAGE)).toBeNull();
  });

  it("a tag expired in one process expires the entries of another, and only those with the tag", async () => {
    const tag = `public-school:${randomUUID()}`;
    const A = processOf();
    const B = processOf();
    await Promise.all([A.listening(), B.listening()]);
    expect([A.listenerState(), B.listenerState()]).toEqual(["up", "up"]);
    const a = new A({ revalidatedTags: [] });
    const b = new B({ revalidatedTags: [] });
    await a.set("/school", page(`${tag},_N_T_/school`), { cacheControl: { revalidate: 60 } });
    await b.set("/school", page(`${tag},_N_T_/school`), { cacheControl: { revalidate: 60 } });
    await b.set("/other", page("public-school:other"), { cacheControl: { revalidate: 60 } });
    // Separate stores: B's entries are not A's.
    await a.set("/only-a", page("x"), {});
    expect(await b.get("/only-a", PAGE)).toBeNull();

    await a.revalidateTag(tag);
    expect(await a.get("/school", PAGE)).toBeNull();
    await until(async () => (await b.get("/school", PAGE)) === null);
    expect(await b.get("/other", PAGE)).not.toBeNull();
    // A page rendered after the expiry is served again.
    await new Promise((r) => setTimeout(r, 5));
    await b.set("/school", page(tag, "<p>new</p>"), {});
    expect((await b.get("/school", PAGE))?.value?.html).toBe("<p>new</p>");
  });

  it("fetch entries expire by the tags of the request for them", async () => {
    const tag = `public-schools-${randomUUID()}`;
    const A = processOf();
    const B = processOf();
    await Promise.all([A.listening(), B.listening()]);
    const b = new B({ revalidatedTags: [] });
    const fetchCtx = { kind: "FETCH", tags: [tag], softTags: [] };
    await b.set("fetch-key", { kind: "FETCH", data: { headers: {}, body: "[]", status: 200, url: "" }, revalidate: 60 }, { fetchCache: true, tags: [tag] });
    expect(await b.get("fetch-key", fetchCtx)).not.toBeNull();
    await new A({ revalidatedTags: [] }).revalidateTag([tag], { expire: 0 });
    await until(async () => (await b.get("fetch-key", fetchCtx)) === null);
  });

  it("after pg_terminate_backend of the listener: stale entries are not served while down, everything older is dropped after the reconnect, one log line each way", async () => {
    let clock = Date.now();
    const lines: string[] = [];
    const name = `sk-cache-test-${randomUUID().slice(0, 8)}`;
    const B = processOf({ now: () => clock, log: (line) => lines.push(line), reconnectMs: 300, applicationName: name });
    await B.listening();
    const b = new B({ revalidatedTags: [] });
    await b.set("/old", page("t1"), {});
    await b.set("/young", page("t2"), {});

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1`, [name]);
      expect(rows).toEqual([{ done: true }]);
    } finally {
      await admin.end();
    }
    await until(() => B.listenerState() === "down");
    // Down: an entry older than the bound is not served; a young one is.
    clock += shared.LISTENER_DOWN_MAX_AGE_MS + 1000;
    await b.set("/young", page("t2", "<p>young</p>"), {});
    expect(await b.get("/old", PAGE)).toBeNull();
    expect((await b.get("/young", PAGE))?.value?.html).toBe("<p>young</p>");

    await until(() => B.listenerState() === "up", 10_000);
    // Back: whatever was cached before the reconnect may have missed a notification.
    expect(await b.get("/young", PAGE)).toBeNull();
    await b.set("/after", page("t3"), {});
    expect(await b.get("/after", PAGE)).not.toBeNull();
    expect(lines.filter((l) => l.includes("listener down"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("listener back"))).toHaveLength(1);
    expect(lines.join("\n")).toMatch(/dropped 1 cached entries/);
  });

  it("a dead database gives one down line however many retries", async () => {
    const lines: string[] = [];
    const B = processOf({ url: "postgresql://postgres@127.0.0.1:1/none", log: (line) => lines.push(line), reconnectMs: 50 });
    await B.listening();
    await new Promise((r) => setTimeout(r, 400));
    expect(B.listenerState()).toBe("down");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cache tags: listener down/);
  });

  it("cached pages carry their Content-Security-Policy and language Vary", async () => {
    const A = processOf({ url: null });
    const a = new A({ revalidatedTags: [] });
    const html = `<html><body><script>self.__next_f.push([1,"x"])</script></body></html>`;
    const value = page("t", html);
    await a.set("/page", value, {});
    // The object rendered is also the response: it has the headers at once…
    expect(value.headers["content-security-policy"]).toMatch(/script-src[^;]*'sha256-/);
    // …and every copy served from the cache has them.
    const entry = await a.get("/page", PAGE);
    expect(entry?.value?.headers?.["content-security-policy"]).toBe(value.headers["content-security-policy"]);
    expect(entry?.value?.headers?.vary).toBe("Cookie, Accept-Language");
    expect(A.listenerState()).toBe("alone");
  });

  it("bounded by size: the least recently used entries go first", async () => {
    const A = processOf({ url: null, maxBytes: 20_000 });
    const a = new A({ revalidatedTags: [] });
    for (let i = 0; i < 10; i++) await a.set(`/p${i}`, page("t", "x".repeat(5000)), {});
    expect(await a.get("/p0", PAGE)).toBeNull();
    expect(await a.get("/p9", PAGE)).not.toBeNull();
  });
});
