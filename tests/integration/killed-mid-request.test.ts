import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createFamilies } from "@/tests/factories";
import { amsterdam, createChildOf } from "@/tests/factories/sick-reports";

// Issue 21, part 4: the web process is killed (SIGKILL) while a parent's sick
// report is being written. Deterministic, not a sleep race: a trigger that
// exists only in this test's database makes the INSERT of the report wait on
// an advisory lock the test holds, so the kill lands while the transaction is
// open. After the kill the report is not there at all (nothing half-written),
// and submitting the same form again — same idempotency key — makes exactly one.

const ROOT = path.resolve(import.meta.dirname, "../..");
const LOCK = 2121;
const NOW = amsterdam("2026-11-30", "07:45").toISOString();

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
let holder: pg.Client;

beforeAll(async () => {
  w = await createFamilies();
  holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  // Only in this file's database: the report's INSERT waits while the test holds the lock.
  await holder.query(`
    CREATE FUNCTION test_wait_for_lock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_advisory_xact_lock_shared(${LOCK}); RETURN NEW; END $$;
    CREATE TRIGGER test_wait_for_lock BEFORE INSERT ON "SickReport" FOR EACH ROW EXECUTE FUNCTION test_wait_for_lock();
  `);
});
afterAll(async () => {
  await holder.end();
});

/** The write in a process of its own (tests/support/sick-report-child.ts): the "web process". */
function startWrite(userId: string, fields: Record<string, string>): { child: ChildProcessWithoutNullStreams; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; stderr: string }> } {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("application_name", "sk_killed_web");
  const child = spawn(
    process.execPath,
    ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "tests/support/sick-report-child.ts", userId, JSON.stringify(fields), NOW],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url.toString() }, stdio: ["pipe", "pipe", "pipe"] },
  );
  let out = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, lines: out.trim().split("\n").filter(Boolean), stderr })),
  );
  return { child, done };
}

const waitingOnLock = async () =>
  Number((await holder.query(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = ${LOCK} AND NOT granted`)).rows[0].n);
const webSessions = async () => Number((await holder.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'sk_killed_web'`)).rows[0].n);

describe("the web process killed mid-request", () => {
  it("while the report's transaction is open: nothing is written; the same form again makes exactly one report", async () => {
    const child = await createChildOf(w.parentA.guardian.id, w.classA);
    const fields = { pupilId: child.id, idempotencyKey: randomUUID(), mode: "RANGE", reason: "SICK", from: "2026-12-01", to: "2026-12-03", note: "Griep" };

    await holder.query(`SELECT pg_advisory_lock(${LOCK})`);
    const first = startWrite(w.parentA.user.id, fields);
    // The write is inside its transaction, waiting in the INSERT.
    await vi.waitFor(async () => expect(await waitingOnLock()).toBe(1), { timeout: 20_000, interval: 100 });
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.lines).toEqual([JSON.stringify({ ready: true })]);
    // PostgreSQL rolls the orphaned transaction back once it notices the client is gone.
    await holder.query(`SELECT pg_advisory_unlock(${LOCK})`);
    await vi.waitFor(async () => expect(await webSessions()).toBe(0), { timeout: 10_000, interval: 100 });
    expect(await db.sickReport.count({ where: { pupilId: child.id } })).toBe(0);
    expect(await db.absenceRecord.count({ where: { pupilId: child.id } })).toBe(0);

    // "Restarted": the parent submits the same form again, twice.
    const again = await startWrite(w.parentA.user.id, fields).done;
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.lines[1])).toMatchObject({ created: true });
    const twice = await startWrite(w.parentA.user.id, fields).done;
    expect(JSON.parse(twice.lines[1])).toMatchObject({ created: false });
    expect(await db.sickReport.count({ where: { pupilId: child.id } })).toBe(1);
    // 1–3 December 2026: Tuesday to Thursday, three school days, each recorded once.
    expect(await db.absenceRecord.count({ where: { pupilId: child.id } })).toBe(3);
  }, 60_000);

  it("after the commit but before the answer: the report is there once, and the resubmit finds it", async () => {
    const child = await createChildOf(w.parentA.guardian.id, w.classA);
    const fields = { pupilId: child.id, idempotencyKey: randomUUID(), mode: "TODAY", reason: "SICK", from: "", to: "", note: "" };
    const write = startWrite(w.parentA.user.id, fields);
    // Killed as soon as the report is committed (it is visible to another session), whatever the child is doing then.
    await vi.waitFor(async () => expect(await db.sickReport.count({ where: { pupilId: child.id } })).toBe(1), { timeout: 20_000, interval: 20 });
    write.child.kill("SIGKILL");
    await write.done;
    expect(await db.absenceRecord.count({ where: { pupilId: child.id } })).toBe(1);
    const again = await startWrite(w.parentA.user.id, fields).done;
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.lines[1])).toMatchObject({ created: false });
    expect(await db.sickReport.count({ where: { pupilId: child.id } })).toBe(1);
    expect(await db.absenceRecord.count({ where: { pupilId: child.id } })).toBe(1);
  }, 60_000);
});
