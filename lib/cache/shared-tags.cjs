// Next.js cache handler (next.config.ts `cacheHandler`): Next's own in-memory
// cache, plus two things. Cached pages get the headers they must carry
// (their Content-Security-Policy and language Vary, page-headers.cjs). And,
// with several server processes: when one
// process expires a cache tag (a leader publishes indicators), every other
// process expires it too, within milliseconds, through PostgreSQL
// LISTEN/NOTIFY. Without it, the other processes would show the old figures
// until the pages' 60-second revalidation.
//
// Plain CommonJS: Next loads this file at run time, outside its bundles.
// If the notification connection is down, a process falls back to that
// 60-second bound; it reconnects by itself.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by Next at run time */

const { randomUUID } = require("node:crypto");
const { Client } = require("pg");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { withPageHeaders } = require("./page-headers.cjs");

const CHANNEL = "schoolkompas_cache_tags";
const RECONNECT_MS = 2000;
/** This process, so it ignores its own notifications. */
const ORIGIN = randomUUID();

/** @type {Promise<import("pg").Client | null> | null} */
let connection = null;

function expireLocally(tags, durations) {
  // The tag manifest is module state shared by every FileSystemCache instance in this process.
  return FileSystemCache.prototype.revalidateTag.call(null, tags, durations);
}

function connect() {
  const url = process.env.DATABASE_URL;
  // `next build` renders pages too; it has nothing to tell other processes.
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return Promise.resolve(null);
  connection ??= (async () => {
    const client = new Client({ connectionString: url, application_name: "schoolkompas-cache-tags" });
    const retry = () => {
      connection = null;
      client.end().catch(() => {});
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    };
    client.on("error", (error) => {
      console.error(`cache tags: connection lost (${error.message}); retrying`);
      retry();
    });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { origin, tags, durations } = JSON.parse(message.payload);
        if (origin !== ORIGIN && Array.isArray(tags)) void expireLocally(tags, durations ?? undefined);
      } catch {
        console.error("cache tags: unreadable notification ignored");
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Never keep a process alive just for this connection.
      client.connection.stream.unref?.();
      return client;
    } catch (error) {
      console.error(`cache tags: cannot listen (${error instanceof Error ? error.message : "unknown error"}); retrying`);
      retry();
      return null;
    }
  })();
  return connection;
}

class SharedTagsCache extends FileSystemCache {
  constructor(options) {
    super(options);
    void connect();
  }

  async get(...args) {
    const entry = await super.get(...args);
    // Entries read from disk (pages rendered at build time) get their headers on first use.
    if (entry?.value) withPageHeaders(entry.value);
    return entry;
  }

  async set(key, data, ctx) {
    // The same object is also the response to the request that rendered it.
    withPageHeaders(data);
    return super.set(key, data, ctx);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    if (!list.length) return;
    const client = await connect();
    if (!client) return;
    // The idle connection is unref'd; while telling the others, it keeps the process alive.
    client.connection.stream.ref?.();
    try {
      await client.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify({ origin: ORIGIN, tags: list, durations: durations ?? null })]);
    } catch (error) {
      console.error(`cache tags: could not tell the other processes (${error instanceof Error ? error.message : "unknown error"})`);
    } finally {
      client.connection.stream.unref?.();
    }
  }
}

module.exports = SharedTagsCache;
/** Resolves once this process listens (null without a database): for tests. */
module.exports.listening = connect;
