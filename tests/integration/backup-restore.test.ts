import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeedClient, seedDemo } from "@/prisma/seed";
import { migrateDeploy } from "@/scripts/postgres";

// `npm run backup` / `npm run restore` (issue 20, operations) against a real
// PostgreSQL with its own pg_dump/pg_restore: the local PostgreSQL 15 at
// 127.0.0.1:5432 (Debian postgresql-15 + postgresql-client-15), or
// BACKUP_TEST_ADMIN_URL. The demo data is migrated and seeded into a database
// of its own, backed up, restored into a new empty database, and ouder@demo.test
// signs in against the restored data and reads the same children.

const ADMIN_URL = process.env.BACKUP_TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const suffix = randomBytes(4).toString("hex");
const SOURCE = `ops_backup_src_${suffix}`;
const TARGET = `ops_backup_dst_${suffix}`;
const urlOf = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};
const dir = mkdtempSync(path.join(os.tmpdir(), "ops-backup-"));
const dump = path.join(dir, "demo.dump");
const ROOT = path.resolve(import.meta.dirname, "../..");

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One of the npm scripts as an operator runs it (a process of its own). */
function npmScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [`scripts/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Sign in as `email` against `url` and read their children, in a process of its own. */
function signInAndReadChildren(url: string, email: string, password: string) {
  const result = spawnSync(
    process.execPath,
    ["--require", "./scripts/server-only-preload.cjs", "--import", "tsx", "tests/support/restored-sign-in-child.ts", email, password],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: "backup-restore-test-secret-0000000000000" }, encoding: "utf8", timeout: 120_000 },
  );
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { ok: boolean; role?: string; childIds?: string[]; reason?: string };
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${SOURCE}`);
  await migrateDeploy(urlOf(SOURCE));
  const seeder = createSeedClient(urlOf(SOURCE));
  await seedDemo(seeder);
  await seeder.$disconnect();
}, 600_000);

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${SOURCE} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${TARGET} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up the demo data, restores it into an empty database, and ouder@demo.test signs in there and reads their children", async () => {
    const backup = npmScript("backup", ["--out", dump], { DATABASE_URL: urlOf(SOURCE) });
    expect([backup.status, backup.stderr]).toEqual([0, ""]);
    expect(backup.stdout).toContain(`Backup written: ${dump}`);
    expect(statSync(dump).size).toBeGreaterThan(100_000);
    expect(existsSync(`${dump}.partial`)).toBe(false);

    await admin(`CREATE DATABASE ${TARGET}`);
    const restore = npmScript("restore", [dump], { DATABASE_URL: urlOf(TARGET) });
    expect([restore.status, restore.stderr]).toEqual([0, ""]);

    const original = signInAndReadChildren(urlOf(SOURCE), "ouder@demo.test", "schoolkompas");
    const restored = signInAndReadChildren(urlOf(TARGET), "ouder@demo.test", "schoolkompas");
    expect(restored).toMatchObject({ ok: true, role: "PARENT" });
    expect(restored.childIds!.length).toBeGreaterThanOrEqual(1);
    expect(restored).toEqual(original);
    // The wrong password is still wrong on the restored data.
    expect(signInAndReadChildren(urlOf(TARGET), "ouder@demo.test", "not-the-password")).toEqual({ ok: false, reason: "failed" });
  }, 300_000);

  it("refuses a database that is not empty unless --force, and then replaces what the backup holds", async () => {
    const refused = npmScript("restore", [dump], { DATABASE_URL: urlOf(TARGET) });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^The database in DATABASE_URL is not empty \(\d+ tables, views or sequences\)\. Restore into a new, empty database \(createdb\), or add --force/);

    const forced = npmScript("restore", [dump, "--force"], { DATABASE_URL: urlOf(TARGET) });
    expect([forced.status, forced.stderr]).toEqual([0, ""]);
    expect(signInAndReadChildren(urlOf(TARGET), "ouder@demo.test", "schoolkompas")).toMatchObject({ ok: true });
  }, 300_000);

  it("refuses bad input with a clear message: no file, a missing file, no DATABASE_URL", () => {
    expect(npmScript("restore", [], { DATABASE_URL: urlOf(TARGET) })).toMatchObject({ status: 1, stderr: expect.stringMatching(/^Name one backup file/) });
    expect(npmScript("restore", [path.join(dir, "missing.dump")], { DATABASE_URL: urlOf(TARGET) })).toMatchObject({ status: 1, stderr: expect.stringMatching(/^No such backup file/) });
    expect(npmScript("backup", ["--out", path.join(dir, "x.dump")], { DATABASE_URL: "" })).toMatchObject({ status: 1, stderr: expect.stringMatching(/^DATABASE_URL is not set/) });
  }, 120_000);

  it("refuses a pg_dump older than the server and says which client to install", () => {
    // A stand-in pg_dump 14 (PG_BIN) in front of the real PostgreSQL 15 server.
    const bin = path.join(dir, "old-client");
    rmSync(bin, { recursive: true, force: true });
    spawnSync("mkdir", ["-p", bin]);
    writeFileSync(path.join(bin, "pg_dump"), '#!/bin/sh\necho "pg_dump (PostgreSQL) 14.12"\n');
    chmodSync(path.join(bin, "pg_dump"), 0o755);
    const old = npmScript("backup", ["--out", path.join(dir, "old.dump")], { DATABASE_URL: urlOf(SOURCE), PG_BIN: bin });
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(/^pg_dump 14 is older than the database server \(PostgreSQL 1\d\)\. Install postgresql-client-1\d/);
    expect(existsSync(path.join(dir, "old.dump"))).toBe(false);
  }, 120_000);
});
