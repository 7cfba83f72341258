import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestContext } from "@/lib/log.cjs";
import { requestIdFrom } from "@/lib/http/request-id.cjs";

// lib/log.cjs: one JSON object per line, with the request's id, and never a
// field that names personal data — at any depth, whatever its spelling.

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ destination, level: "info" });
  return { logger, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe("the log", () => {
  it("writes one JSON object per line: time, level, msg, requestId and the safe fields", () => {
    const { logger, parsed, lines } = capture();
    requestContext.run({ requestId: "0123456789abcdef0123456789abcdef" }, () => logger.info({ route: "/parent", durationMs: 12 }, "page answered"));
    logger.warn("outside a request");
    expect(lines).toHaveLength(2);
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ level: "info", msg: "page answered", requestId: "0123456789abcdef0123456789abcdef", route: "/parent", durationMs: 12 });
    expect(new Date(String(inside.time)).toISOString()).toBe(inside.time);
    expect(outside).toMatchObject({ level: "warn", msg: "outside a request" });
    expect(outside).not.toHaveProperty("requestId");
  });

  it("drops fields that name personal data, at any depth and in any spelling", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        email: "ouder@demo.test",
        "E-mail": "ouder@demo.test",
        first_name: "Sanne",
        lastName: "de Vries",
        phoneNumber: "+31612345678",
        pupilId: "pupil-7",
        userId: "user-3",
        password: "schoolkompas",
        headers: { cookie: "session=abc" },
        job: { task: "deliver", payload: { to: "ouder@demo.test", name: "Sanne" }, attempts: 2 },
        rows: [{ guardianId: "g-1", count: 3 }],
      },
      "delivered",
    );
    const line = lines[0];
    for (const personal of ["ouder@demo.test", "Sanne", "de Vries", "+31612345678", "pupil-7", "user-3", "schoolkompas", "session=abc", "g-1"]) expect(line).not.toContain(personal);
    expect(JSON.parse(line)).toMatchObject({ msg: "delivered", job: { task: "deliver", attempts: 2 }, rows: [{ count: 3 }] });
  });

  it("logs an error as its type and code, never its message (which may hold values)", () => {
    const { logger, parsed } = capture();
    const error = Object.assign(new Error('duplicate key value (email)=(ouder@demo.test)'), { code: "P2002" });
    logger.error({ err: error }, "write failed");
    const [line] = parsed();
    expect(line.err).toEqual({ type: "Error", code: "P2002" });
    expect(JSON.stringify(line)).not.toContain("ouder@demo.test");
  });
});

describe("the request id", () => {
  it("keeps a well-formed incoming id (nginx: 32 hexadecimal digits) and replaces anything else", () => {
    expect(requestIdFrom("0123456789abcdef0123456789abcdef")).toBe("0123456789abcdef0123456789abcdef");
    for (const bad of [null, undefined, "", "short", "a b c d e f g h", "id\nforged log line", "x".repeat(129), '"><script>']) {
      const id = requestIdFrom(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
