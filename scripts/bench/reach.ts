// The reach dashboard's phase of `npm run bench` (issue 19): the SQL time of
// its statements from EXPLAIN ANALYZE on the benchmark data, for the demo
// leader's school. The page itself is timed over HTTP in run.ts.
import type pg from "pg";
import { dutchToday, schoolYearOf } from "../../lib/domain/calendar/dates";
import { FAMILIES_STATEMENT, SCHOOL_STATEMENT, TABLE_STATEMENT } from "../../lib/domain/reach/sql";

export type ReachSql = { schoolPupils: number; classes: number; tableMs: number; schoolMs: number; classMs: number };

/** Median of `runs` EXPLAIN ANALYZE execution times, in ms (the first run warms the cache and is dropped). */
async function executionMs(client: pg.PoolClient, text: string, values: unknown[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    // The class statement writes audit rows: every run inside a transaction that is rolled back.
    await client.query("BEGIN");
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
    await client.query("ROLLBACK");
    if (i > 0) times.push((rows[0]["QUERY PLAN"] as { "Execution Time": number }[])[0]["Execution Time"]);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

export async function reachSqlTimes(sql: pg.Pool, runs: number): Promise<ReachSql> {
  const { rows: [leader] } = await sql.query<{ schoolId: string; userId: string }>(
    `SELECT s."schoolId", u.id AS "userId" FROM "User" u JOIN "Staff" s ON s."userId" = u.id WHERE u.email = 'leider@demo.test'`);
  const today = dutchToday();
  const year = schoolYearOf(today);
  const base = [leader.schoolId, year.name, year.startsOn.toISOString().slice(0, 10), today.toISOString().slice(0, 10)];
  const { rows: [size] } = await sql.query<{ pupils: number; classes: number; worst: string }>(
    `SELECT (SELECT count(*)::int FROM "Pupil" p WHERE p."schoolId" = $1 AND p."leftOn" IS NULL) AS pupils,
       (SELECT count(*)::int FROM "ClassGroup" c JOIN "SchoolYear" y ON y.id = c."schoolYearId" WHERE c."schoolId" = $1 AND y.name = $2) AS classes,
       (SELECT c.id FROM "ClassGroup" c JOIN "SchoolYear" y ON y.id = c."schoolYearId" WHERE c."schoolId" = $1 AND y.name = $2 ORDER BY c.name LIMIT 1) AS worst`,
    [leader.schoolId, year.name]);
  const client = await sql.connect();
  try {
    return {
      schoolPupils: size.pupils,
      classes: size.classes,
      tableMs: await executionMs(client, TABLE_STATEMENT, [...base, null, null, null], runs),
      schoolMs: await executionMs(client, SCHOOL_STATEMENT, base, runs),
      classMs: await executionMs(client, FAMILIES_STATEMENT, [...base, size.worst, leader.userId, "reach:view", "LEADER", "contacts", "/leader/reach/classes/[classId]"], runs),
    };
  } finally {
    client.release();
  }
}
