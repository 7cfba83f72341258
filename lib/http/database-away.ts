// "The database is away": the ONE place that decides which errors mean that,
// the outage log (one line when it starts, one summary when it ends), and the
// mark that makes the server answer 503 with Retry-After instead of 500
// (scripts/unavailable-status.cjs). Pages, server actions and route handlers
// all use these; docs/decisions/0040-database-away.md.

/** Seconds a client is asked to wait (Retry-After), matching "probeer het over een minuut opnieuw". */
export const RETRY_AFTER_SECONDS = 60;

import { log } from "@/lib/log.cjs";
import { UNAVAILABLE_DIGEST } from "@/lib/http/unavailable-digest";

export { UNAVAILABLE_DIGEST };

// Prisma: can't reach server (P1001), timed out reaching it (P1002), operation timed out (P1008),
// server closed the connection (P1017), no connection from the pool in time (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// PostgreSQL SQLSTATE: class 08 (connection exception), admin/crash shutdown (57P01, 57P02),
// cannot connect now — starting up or shutting down (57P03), too many connections (53300).
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// The socket: refused, reset, broken pipe, timed out, no route.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// Prisma's driver-adapter error kinds for the same situations.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionStartTimeout"]);
// node-postgres says these in words only (no code).
const PG_MESSAGES = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * True when `error` (or what caused it) says PostgreSQL cannot be reached or
 * dropped the connection — not when a query was wrong or a constraint said
 * no (a unique violation stays what it is). Follows `cause` a few levels deep,
 * as Prisma wraps the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    if (field(current, "digest") === UNAVAILABLE_DIGEST) return true;
    const code = field(current, "code");
    if (typeof code === "string") {
      if (PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    const originalCode = field(current, "originalCode");
    if (typeof originalCode === "string" && (SQLSTATES.has(originalCode) || /^08[0-9A-Z]{3}$/.test(originalCode))) return true;
    const kind = field(current, "kind");
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    const message = field(current, "message");
    if (typeof message === "string" && PG_MESSAGES.some((pattern) => pattern.test(message))) return true;
    // AggregateError (a host with several addresses, each refused).
    const errors = field(current, "errors");
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner))) return true;
    current = inner(current);
  }
  return false;
}

/** What an error wraps: Node's `cause`, or Prisma's driver-adapter error (in `meta` on a known request error). */
function inner(error: unknown): unknown {
  return field(error, "cause") ?? field(field(error, "meta"), "driverAdapterError") ?? field(error, "driverAdapterError");
}

/** Thrown where the app gives up on a request because the database is away; Next keeps its digest for the error pages. */
export class DatabaseUnavailableError extends Error {
  readonly digest = UNAVAILABLE_DIGEST;
  constructor(options?: { cause?: unknown }) {
    super("database unavailable", options);
    this.name = "DatabaseUnavailableError";
  }
}

/** The short, data-free name of a failure for the log: a code, never a message (which may hold values). */
export function failureCode(error: unknown): string {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    for (const key of ["code", "originalCode", "kind"]) {
      const code = field(current, key);
      if (typeof code === "string" && /^[A-Za-z0-9_]{1,40}$/.test(code)) codes.push(code);
    }
    current = inner(current);
  }
  // The most telling code: one that says "away" (57P01, ECONNREFUSED…), not Prisma's wrapper (P2010).
  const telling = codes.find((code) => isDatabaseUnavailable({ code }) || ADAPTER_KINDS.has(code));
  if (telling) return telling;
  if (codes.length) return codes[0];
  const message = field(error, "message");
  return typeof message === "string" && PG_MESSAGES.some((pattern) => pattern.test(message)) ? "connection-terminated" : "unknown";
}

/**
 * One log line when an outage starts and one when it ends, however many
 * requests fail in between ("unavailable for 8 s, 286 requests answered 503").
 * The clock and the writer are injected (tests); no personal data is ever passed in.
 */
export class OutageLog {
  private since: number | null = null;
  private requests = 0;
  private firstCode = "";
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly write: (line: string) => void = (line) => log.warn({ component: "database" }, line),
  ) {}

  get down(): boolean {
    return this.since !== null;
  }

  /** A request met the database away (count each request once). */
  failure(code: string): void {
    if (this.since === null) {
      this.since = this.clock();
      this.requests = 0;
      this.firstCode = code;
      this.write(`database unavailable (${code}): answering 503 until it is back`);
    }
    this.requests += 1;
  }

  /** A query succeeded: if an outage was running, it is over. */
  success(): void {
    if (this.since === null) return;
    const seconds = Math.round((this.clock() - this.since) / 100) / 10;
    this.write(`database back: unavailable for ${seconds} s (${this.firstCode}), ${this.requests} request${this.requests === 1 ? "" : "s"} answered 503`);
    this.since = null;
    this.requests = 0;
  }
}

/** What scripts/unavailable-status.cjs keeps per HTTP request (absent outside the server: tests, scripts). */
export type RequestOutcome = { databaseFailed: boolean; answerUnavailable: boolean };

type Shared = { log: OutageLog };
const KEY = Symbol.for("schoolkompas.databaseAvailability");
/** Set by scripts/unavailable-status.cjs: the current HTTP request's outcome (AsyncLocalStorage). */
const REQUEST_KEY = Symbol.for("schoolkompas.requestOutcome");

function currentRequest(): RequestOutcome | undefined {
  const source = (globalThis as unknown as Record<symbol, (() => RequestOutcome | undefined) | undefined>)[REQUEST_KEY];
  return source?.();
}

/** One outage log per process, shared by Next's bundles and the server script (each has its own copy of this module). */
function shared(): Shared {
  const holder = globalThis as unknown as Record<symbol, Shared | undefined>;
  return (holder[KEY] ??= { log: new OutageLog() });
}

/** The data layer saw `error`: when it means "database away", log the outage (once) and mark the request. */
export function noteDatabaseError(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  const state = shared();
  const request = currentRequest();
  if (request?.databaseFailed) return;
  if (request) request.databaseFailed = true;
  state.log.failure(failureCode(error));
}

/** This request has met the database away, or an outage is running: a hint for the error page's first render. */
export function databaseSeemsAway(): boolean {
  return Boolean(currentRequest()?.databaseFailed) || shared().log.down;
}

/** The data layer saw a query succeed. */
export function noteDatabaseSuccess(): void {
  const state = shared();
  if (state.log.down) state.log.success();
}

/**
 * A server action answered "not saved, the database is away" in its own
 * result (so the form keeps what was typed): the server sends that answer
 * with status 503 and Retry-After.
 */
export function answerUnavailable(): void {
  const request = currentRequest();
  if (request) request.answerUnavailable = true;
}

/** Tests: replace the process's outage log. */
export function setOutageLogForTests(log: OutageLog): void {
  shared().log = log;
}
