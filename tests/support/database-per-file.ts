import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { TEMPLATE_DATABASE, withDatabase } from "./test-database";

// Each test file gets its own copy of the migrated template, so files are
// independent and can run in parallel. Runs before the test file is imported,
// so lib/db/client.ts connects to this database.
const adminUrl = inject("adminDatabaseUrl");
const name = `sk_test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
await admin.end();
process.env.DATABASE_URL = withDatabase(adminUrl, name);

afterAll(async () => {
  const { db, disconnectDb } = await import("@/lib/db/client");
  // Whatever the file exercised: every audit row about a pupil says who (role), what kind of
  // data (category) and where (route) — docs/decisions/0019.
  const incomplete = await db.auditLog.findMany({
    where: { pupilId: { not: null }, OR: [{ role: null }, { category: null }, { route: null }] },
    select: { action: true, outcome: true },
  });
  await disconnectDb();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
  if (incomplete.length) throw new Error(`audit rows about a pupil without role, category or route: ${JSON.stringify(incomplete.slice(0, 5))}`);
});
