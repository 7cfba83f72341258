// Next.js cache handler (next.config.ts `cacheHandler`), written against
// Next's documented interface — get(key, ctx), set(key, data, ctx),
// revalidateTag(tags, durations), resetRequestCache() — and nothing of Next's
// internals (docs/decisions/0043).
//
// Each server process keeps:
// - its own in-memory LRU of cached entries, bounded by size (lru-cache);
// - its own tag manifest (tag → when it expired);
// - one PostgreSQL connection that LISTENs on a channel: when one process
//   expires a tag (a leader publishes indicators), it NOTIFYs, and every
//   other process expires the tag too, within milliseconds. That is what lets
//   several app servers — processes of one machine or separate machines —
//   show a publication at once.
//
// A dropped LISTEN connection: notifications sent while it is down are lost.
// So while it is down, an entry older than LISTENER_DOWN_MAX_AGE_MS is not
// served (the page is rendered afresh), and when it is back every entry
// cached before the reconnect is dropped. One log line when it goes down, one
// when it is back, however many retries in between.
//
// Cached pages also get the headers they must carry (their
// Content-Security-Policy and language Vary, page-headers.cjs).
//
// Plain CommonJS: Next loads this file at run time, outside its bundles.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by Next at run time */

const { randomUUID } = require("node:crypto");
const { Client } = require("pg");
const { LRUCache } = require("lru-cache");
const { withPageHeaders } = require("./page-headers.cjs");

const CHANNEL = "schoolkompas_cache_tags";
/** Next's own header naming a cached page's tags. */
const TAGS_HEADER = "x-next-cache-tags";
const RECONNECT_MS = 1000;
/** While the listener is down, entries older than this are not served. */
const LISTENER_DOWN_MAX_AGE_MS = 3000;
/** Next's default `cacheMaxMemorySize` (50 MB). */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function byteSize(value) {
  if (value == null) return 0;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return value.byteLength;
  return 0;
}

/** Approximate memory of one entry: its HTML, RSC payload, segments, body or fetched data. */
function entrySize(entry) {
  const value = entry.value;
  let size = 512;
  if (!value) return size;
  size += byteSize(value.html) + byteSize(value.rscData) + byteSize(value.body);
  if (value.segmentData instanceof Map) for (const segment of value.segmentData.values()) size += byteSize(segment);
  if (value.kind === "FETCH") {
    try {
      size += Buffer.byteLength(JSON.stringify(value.data ?? null));
    } catch {
      size += 1024;
    }
  }
  return size;
}

/** The tags an entry depends on: a page's come with it, a fetch's with the request for it. */
function tagsOf(entry, ctx) {
  const value = entry.value;
  if (value && value.kind === "FETCH") return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/**
 * One process's cache: its LRU, tag manifest and listener. `create()` makes a
 * handler class bound to a new store (tests run two "processes" in one);
 * Next uses the module's default class, bound to one store per process.
 *
 * @param {{ url?: string | null; now?: () => number; log?: (line: string) => void; maxBytes?: number; reconnectMs?: number; applicationName?: string }} [options]
 */
function create(options = {}) {
  const now = options.now ?? (() => Date.now());
  const log = options.log ?? ((line) => console.warn(line));
  const reconnectMs = options.reconnectMs ?? RECONNECT_MS;
  const origin = randomUUID();
  const applicationName = options.applicationName ?? "schoolkompas-cache-tags";
  const url = () => (options.url !== undefined ? options.url : process.env.DATABASE_URL);

  const store = {
    /** @type {LRUCache<string, { value: any; lastModified: number; cacheControl?: any }> | null} */
    entries: null,
    /** tag → { expired?: number; stale?: number } */
    tags: new Map(),
    /** "alone" (no database: one process), "down", or "up". */
    listener: "alone",
    /** @type {import("pg").Client | null} */
    client: null,
    /** @type {Promise<void> | null} */
    starting: null,
    downSince: 0,
    loggedDown: false,
    stopped: false,
    timer: null,
  };

  function entries(maxBytes) {
    store.entries ??= new LRUCache({ maxSize: maxBytes || options.maxBytes || DEFAULT_MAX_BYTES, sizeCalculation: (entry) => entrySize(entry) });
    return store.entries;
  }

  function expireLocally(tags, durations) {
    const at = now();
    for (const tag of tags) {
      const existing = store.tags.get(tag) ?? {};
      if (durations) {
        const update = { ...existing, stale: at };
        if (durations.expire !== undefined && durations.expire !== null) update.expired = at + durations.expire * 1000;
        store.tags.set(tag, update);
      } else {
        store.tags.set(tag, { ...existing, expired: at });
      }
    }
  }

  /**
   * Whether a tag changed after the entry was made (stale counts as changed: rendered afresh, not in the background).
   * An expiry in the same millisecond as the entry counts as after it: a page stored and then expired within one
   * millisecond was otherwise served until its revalidation (at worst, the other order costs one extra render).
   */
  function outdated(tags, lastModified) {
    const at = now();
    for (const tag of tags) {
      const state = store.tags.get(tag);
      if (!state) continue;
      if (typeof state.expired === "number" && state.expired <= at && state.expired >= lastModified) return true;
      if (typeof state.stale === "number" && state.stale >= lastModified) return true;
    }
    return false;
  }

  function wentDown(reason) {
    if (store.listener !== "down") {
      store.listener = "down";
      store.downSince = now();
    }
    if (store.loggedDown) return;
    store.loggedDown = true;
    log(`cache tags: listener down (${reason}); cached pages older than ${LISTENER_DOWN_MAX_AGE_MS / 1000} s are not served until it is back`);
  }

  function scheduleReconnect() {
    if (store.stopped || store.timer) return;
    store.timer = setTimeout(() => {
      store.timer = null;
      void listen();
    }, reconnectMs);
    store.timer.unref?.();
  }

  function dropClient(client, reason) {
    if (store.client !== client) return;
    store.client = null;
    client.removeAllListeners("notification");
    client.end().catch(() => {});
    wentDown(reason);
    scheduleReconnect();
  }

  function listen() {
    if (store.stopped) return Promise.resolve();
    const connectionString = url();
    // `next build` renders pages too; it has nothing to tell other processes.
    if (!connectionString || process.env.NEXT_PHASE === "phase-production-build") return Promise.resolve();
    if (store.client || store.starting) return store.starting ?? Promise.resolve();
    if (store.listener === "alone") {
      store.listener = "down";
      store.downSince = now();
    }
    store.starting = (async () => {
      const client = new Client({ connectionString, application_name: applicationName });
      client.on("error", (error) => dropClient(client, error.message));
      client.on("end", () => dropClient(client, "connection ended"));
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        try {
          const { origin: from, tags, durations } = JSON.parse(message.payload);
          if (from !== origin && Array.isArray(tags)) expireLocally(tags.filter((t) => typeof t === "string"), durations ?? undefined);
        } catch {
          log("cache tags: unreadable notification ignored");
        }
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        if (store.stopped) {
          await client.end();
          return;
        }
        store.client = client;
        // Notifications missed while down: everything cached before now may be outdated.
        const dropped = store.entries?.size ?? 0;
        store.entries?.clear();
        if (store.loggedDown) log(`cache tags: listener back after ${((now() - store.downSince) / 1000).toFixed(1)} s; dropped ${dropped} cached entries`);
        store.loggedDown = false;
        store.listener = "up";
        // Never keep a process alive just for this connection.
        client.connection.stream.unref?.();
      } catch (error) {
        client.removeAllListeners("notification");
        client.end().catch(() => {});
        wentDown(error instanceof Error ? error.message : "cannot connect");
        scheduleReconnect();
      }
    })().finally(() => {
      store.starting = null;
    });
    return store.starting;
  }

  async function notify(tags, durations) {
    const connectionString = url();
    if (!connectionString || process.env.NEXT_PHASE === "phase-production-build") return;
    const payload = JSON.stringify({ origin, tags, durations: durations ?? null });
    const client = store.client;
    try {
      if (client) {
        // The idle connection is unref'd; while telling the others, it keeps the process alive.
        client.connection.stream.ref?.();
        try {
          await client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
        } finally {
          client.connection.stream.unref?.();
        }
        return;
      }
      // Our listener is down: tell the others over a connection of its own.
      const once = new Client({ connectionString, application_name: `${applicationName}-notify` });
      try {
        await once.connect();
        await once.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      } finally {
        await once.end().catch(() => {});
      }
    } catch (error) {
      log(`cache tags: could not tell the other processes (${error instanceof Error ? error.message : "unknown error"})`);
    }
  }

  class SharedTagsCache {
    /** @param {{ revalidatedTags?: string[]; maxMemoryCacheSize?: number } | undefined} context */
    constructor(context) {
      this.revalidatedTags = context?.revalidatedTags ?? [];
      entries(context?.maxMemoryCacheSize);
      void listen();
    }

    async get(key, ctx) {
      const cache = entries();
      const entry = cache.get(key);
      if (!entry) return null;
      const age = now() - entry.lastModified;
      if (store.listener === "down" && age > LISTENER_DOWN_MAX_AGE_MS) {
        cache.delete(key);
        return null;
      }
      const tags = tagsOf(entry, ctx);
      if (tags.length && (tags.some((tag) => this.revalidatedTags.includes(tag)) || outdated(tags, entry.lastModified))) {
        cache.delete(key);
        return null;
      }
      // Entries made before this version of the headers, or by a render that skipped set(): same headers.
      if (entry.value) withPageHeaders(entry.value);
      return entry;
    }

    async set(key, data, ctx) {
      // The same object is also the response to the request that rendered it.
      withPageHeaders(data);
      const cache = entries();
      if (!data) {
        cache.delete(key);
        return;
      }
      cache.set(key, { value: data, lastModified: now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl });
    }

    async revalidateTag(tags, durations) {
      const list = (typeof tags === "string" ? [tags] : tags ?? []).filter((t) => typeof t === "string");
      if (!list.length) return;
      expireLocally(list, durations);
      await notify(list, durations);
    }

    resetRequestCache() {}
  }

  /** Resolves once this store listens (at once without a database): for tests and the cluster check. */
  SharedTagsCache.listening = () => listen();
  /** "alone", "down" or "up". */
  SharedTagsCache.listenerState = () => store.listener;
  /** Stops listening (tests). */
  SharedTagsCache.stop = async () => {
    store.stopped = true;
    if (store.timer) clearTimeout(store.timer);
    const client = store.client;
    store.client = null;
    if (client) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  };
  return SharedTagsCache;
}

const SharedTagsCache = create();
module.exports = SharedTagsCache;
module.exports.create = create;
module.exports.CHANNEL = CHANNEL;
module.exports.LISTENER_DOWN_MAX_AGE_MS = LISTENER_DOWN_MAX_AGE_MS;
