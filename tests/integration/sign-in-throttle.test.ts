import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "@/lib/auth/throttle";
import { createUser } from "@/tests/factories";

// The sign-in limits against real PostgreSQL: counted before the password is
// checked, shared by every process, and silent about which accounts exist.

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0000000000000000";
const PASSWORD = "tulp fiets regen zomer";
const ROOT = path.resolve(__dirname, "../..");
let address = 0;
/** A fresh client address per test, so the per-address counter starts at zero. */
const nextAddress = () => `198.51.100.${++address}`;

async function account() {
  const user = await createUser("PARENT");
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return user as typeof user & { email: string };
}

const reasons = (outcomes: { ok: boolean; reason?: string | null }[]) => outcomes.map((o) => (o.ok ? "ok" : o.reason));

beforeAll(() => {
  expect(ACCOUNT_LIMIT).toEqual({ points: 10, duration: 900 });
  expect(ADDRESS_LIMIT).toEqual({ points: 100, duration: 3600 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("failed sign-ins per account", () => {
  it("refuses the 11th attempt within 15 minutes even with the right password, and allows it again after the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-07T10:00:00Z") });
    const user = await account();
    const from = nextAddress();
    for (let i = 0; i < 10; i++) expect((await attemptSignIn({ email: user.email, password: "wrong", address: from })).ok).toBe(false);
    const refused = await attemptSignIn({ email: user.email, password: PASSWORD, address: from });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    // Try again when the window (opened by the first failure) closes: 10:15.
    expect(refused.ok === false && refused.reason === "throttled" && refused.retryAt.toISOString()).toBe("2026-12-07T10:15:00.000Z");
    vi.setSystemTime(new Date("2026-12-07T10:14:59Z"));
    expect(await attemptSignIn({ email: user.email, password: PASSWORD, address: from })).toMatchObject({ reason: "throttled" });
    vi.setSystemTime(new Date("2026-12-07T10:15:01Z"));
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, address: from })).ok).toBe(true);
  });

  it("a successful sign-in clears the account's counter", async () => {
    const user = await account();
    const from = nextAddress();
    for (let i = 0; i < 9; i++) await attemptSignIn({ email: user.email, password: "wrong", address: from });
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, address: from })).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { actorUserId: user.id, action: "signin:succeeded" } })).toBe(1);
    for (let i = 0; i < 10; i++) expect(await attemptSignIn({ email: user.email, password: "wrong", address: from })).toMatchObject({ reason: "failed" });
    expect(await attemptSignIn({ email: user.email, password: "wrong", address: from })).toMatchObject({ reason: "throttled" });
  });

  it("counts an unknown address exactly like a known one: same answers, same limit", async () => {
    const from = nextAddress();
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push(await attemptSignIn({ email: "nobody-here@test.test", password: "x", address: from }));
    expect(reasons(outcomes)).toEqual([...Array(10).fill("failed"), "throttled"]);
  });

  it("holds across two server processes: 16 parallel wrong attempts give exactly 10 failures, then the right password is refused too", async () => {
    const user = await account();
    const env = { ...process.env };
    const run = (password: string, count: number, from: string) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(process.execPath, ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "tests/support/sign-in-child.ts", user.email, password, String(count), from], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
        child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
        child.on("exit", (code) => (code === 0 ? resolve(out.trim().split("\n").map((l) => (JSON.parse(l) as { ok: boolean; reason: string | null }).reason ?? "ok")) : reject(new Error(`child exited ${code}: ${err}`))));
      });
    const [first, second] = await Promise.all([run("wrong", 8, nextAddress()), run("wrong", 8, nextAddress())]);
    const all = [...first, ...second];
    expect(all.filter((r) => r === "failed")).toHaveLength(10);
    expect(all.filter((r) => r === "throttled")).toHaveLength(6);
    expect(await run(PASSWORD, 1, nextAddress())).toEqual(["throttled"]);
  }, 60_000);
});

describe("failed sign-ins per client address", () => {
  it("refuses the 101st failure from one address within the hour, whichever accounts it tries", async () => {
    const from = nextAddress();
    const user = await account();
    // 100 failures spread over 10 addresses-to-guess (10 each, so no account limit is reached first).
    for (let i = 0; i < 100; i++) expect((await attemptSignIn({ email: `guess-${i % 10}@test.test`, password: "x", address: from })).ok).toBe(false);
    expect(await attemptSignIn({ email: user.email, password: PASSWORD, address: from })).toMatchObject({ reason: "throttled" });
    // Another address is not affected.
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, address: nextAddress() })).ok).toBe(true);
  }, 120_000);
});

describe("the audit trail", () => {
  it("records every failed and refused attempt with a reason, the user where known, and never what was typed", async () => {
    const user = await account();
    const from = nextAddress();
    for (let i = 0; i < 11; i++) await attemptSignIn({ email: user.email, password: `typed-secret-${i}`, address: from });
    await attemptSignIn({ email: "unknown-person@test.test", password: "typed-secret-x", address: from });
    const rows = await db.auditLog.findMany({ where: { action: { in: ["signin:failed", "signin:throttled"] }, OR: [{ actorUserId: user.id }, { actorUserId: null }] }, orderBy: { at: "asc" } });
    const mine = rows.filter((r) => r.actorUserId === user.id);
    expect(mine.map((r) => `${r.action}/${(r.details as { reason: string }).reason}`)).toEqual([...Array(10).fill("signin:failed/wrong-password"), "signin:throttled/account-limit"]);
    expect(rows.some((r) => r.actorUserId === null && (r.details as { reason: string }).reason === "unknown-account")).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain("typed-secret");
    expect(text).not.toContain(user.email);
    expect(text).not.toContain("unknown-person");
    expect(text).not.toContain(from);
    const throttled = await db.signInThrottle.findMany();
    expect(JSON.stringify(throttled, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(user.email);
  });
});

describe("timing", () => {
  it("takes as long for an unknown address as for a known one (50 interleaved attempts each)", async () => {
    const user = await account();
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 50; i++) {
      for (const [list, email] of [[known, user.email], [unknown, `no-such-${i}@test.test`]] as const) {
        await db.signInThrottle.deleteMany();
        const started = process.hrtime.bigint();
        await attemptSignIn({ email, password: "wrong password", address: nextAddress() });
        list.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    process.stdout.write(`sign-in timing over 50 attempts: known median ${median(known).toFixed(1)} ms (mean ${mean(known).toFixed(1)}), unknown median ${median(unknown).toFixed(1)} ms (mean ${mean(unknown).toFixed(1)})\n`);
    // Without the dummy hash an unknown address answers in a few milliseconds against ≈ 17 for a
    // known one (ratio ≈ 0.15); the bounds leave room for a machine shared with other work.
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.33);
  }, 120_000);
});
