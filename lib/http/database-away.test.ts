import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, OutageLog, failureCode, isDatabaseUnavailable } from "@/lib/http/database-away";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("which errors mean the database is away", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED")],
    ["a reset connection", withCode("ECONNRESET")],
    ["PostgreSQL shutting down (admin)", withCode("57P01")],
    ["PostgreSQL starting up", withCode("57P03")],
    ["a connection failure (class 08)", withCode("08006")],
    ["Prisma: can't reach the server", withCode("P1001")],
    ["Prisma: no connection from the pool", withCode("P2024")],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["wrapped (cause)", new Error("outer", { cause: withCode("ECONNREFUSED") })],
    ["a driver-adapter error", Object.assign(new Error("adapter"), { cause: { kind: "DatabaseNotReachable" } })],
    ["every address refused", Object.assign(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]), {})],
    ["our own typed error", new DatabaseUnavailableError()],
    ["Prisma's known request error around the adapter's", Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error("x"), { cause: { kind: "postgres", code: "57P01", originalCode: "57P01" } }) } })],
  ])("%s: yes", (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ["a unique violation (Prisma)", withCode("P2002")],
    ["a unique violation (PostgreSQL)", withCode("23505")],
    ["a record not found", withCode("P2025")],
    ["a syntax error", withCode("42601")],
    ["a serialization failure (retry, not away)", withCode("40001")],
    ["a plain error", new Error("boom")],
    ["a string", "ECONNREFUSED"],
    ["null", null],
    ["a message that merely mentions it", new Error("user typed Connection terminated unexpectedly in a note")],
  ])("%s: no", (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it("a cycle of causes ends", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });

  it("logs only a code, never a message", () => {
    expect(failureCode(new Error("outer", { cause: withCode("57P01", "terminating connection for jan@example.org") }))).toBe("57P01");
    expect(failureCode(new Error("Connection terminated unexpectedly"))).toBe("connection-terminated");
    expect(failureCode(Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } }) } }))).toBe("DatabaseNotReachable");
    expect(failureCode(withCode("has spaces and data: jan@example.org"))).toBe("unknown");
  });
});

describe("the outage log: one line per burst", () => {
  function logWithClock() {
    let now = 1_000_000;
    const lines: string[] = [];
    const log = new OutageLog(() => now, (line) => lines.push(line));
    return { log, lines, advance: (ms: number) => (now += ms) };
  }

  it("286 failing requests in 8 seconds: one line when it starts, one summary when it is back", () => {
    const { log, lines, advance } = logWithClock();
    log.success();
    expect(lines).toEqual([]);
    for (let i = 0; i < 286; i++) {
      log.failure(i === 0 ? "57P01" : "ECONNREFUSED");
      advance(28);
    }
    expect(lines).toEqual(["database unavailable (57P01): answering 503 until it is back"]);
    expect(log.down).toBe(true);
    advance(8_000 - 286 * 28);
    log.success();
    log.success();
    expect(lines).toEqual([
      "database unavailable (57P01): answering 503 until it is back",
      "database back: unavailable for 8 s (57P01), 286 requests answered 503",
    ]);
    expect(log.down).toBe(false);
  });

  it("a second outage is a second burst", () => {
    const { log, lines, advance } = logWithClock();
    log.failure("ECONNREFUSED");
    advance(1_500);
    log.success();
    advance(60_000);
    log.failure("57P03");
    advance(200);
    log.success();
    expect(lines).toEqual([
      "database unavailable (ECONNREFUSED): answering 503 until it is back",
      "database back: unavailable for 1.5 s (ECONNREFUSED), 1 request answered 503",
      "database unavailable (57P03): answering 503 until it is back",
      "database back: unavailable for 0.2 s (57P03), 1 request answered 503",
    ]);
  });
});
