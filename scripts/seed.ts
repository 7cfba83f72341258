// `npm run seed [-- --reset] [-- --pupils N] [-- --today 2026-11-23]`: loads the
// demo data into DATABASE_URL, or else into the embedded PostgreSQL in
// .data/pg, after applying the migrations. Refuses a database that already
// has users unless --reset (which empties every table first).
import { parseArgs } from "node:util";
import { defaultDatabase, migrateDeploy } from "./postgres";
import { createSeedClient, DEFAULT_PUPILS, isDatabaseEmpty, MIN_PUPILS, resetDatabase, seedDemo } from "../prisma/seed";

const { values: flags } = parseArgs({
  options: {
    pupils: { type: "string", default: String(DEFAULT_PUPILS) },
    reset: { type: "boolean", default: false },
    today: { type: "string" },
  },
});

type SeedClient = ReturnType<typeof createSeedClient>;

/** Exact row counts per table (the statistics views lag behind a bulk load). */
async function countRows(db: SeedClient): Promise<{ table: string; rows: number }[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  if (tables.length === 0) return [];
  const sql = tables.map((t) => `SELECT '${t.name}' AS table, count(*)::int AS rows FROM "${t.name}"`).join(" UNION ALL ");
  const counts = await db.$queryRawUnsafe<{ table: string; rows: number }[]>(sql);
  return counts.filter((c) => c.rows > 0).sort((a, b) => b.rows - a.rows);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  const pupils = Number(flags.pupils);
  if (!Number.isInteger(pupils) || pupils < MIN_PUPILS) {
    console.error(`--pupils must be a whole number of at least ${MIN_PUPILS}.`);
    return 2;
  }
  const today = flags.today ? new Date(flags.today) : undefined;
  if (today && Number.isNaN(today.getTime())) {
    console.error("--today must be a date such as 2026-11-23 or 2026-11-23T15:30:00+01:00.");
    return 2;
  }

  const started = Date.now();
  const database = await defaultDatabase();
  const db = createSeedClient(database.url);
  try {
    console.log(process.env.DATABASE_URL ? "Using the database in DATABASE_URL." : "Using the embedded PostgreSQL in .data/pg.");
    await migrateDeploy(database.url);
    if (flags.reset) {
      await resetDatabase(db);
      console.log("Emptied all tables.");
    } else if (!(await isDatabaseEmpty(db))) {
      console.error("The database already has data. Run `npm run seed -- --reset` to empty it and seed again.");
      return 1;
    }
    const seeding = Date.now();
    await seedDemo(db, { pupils, today, log: (message) => console.log(`  ${message}`) });
    console.log(`Seeded in ${seconds(seeding)}; rows per table:`);
    for (const { table, rows } of await countRows(db)) console.log(`  ${table.padEnd(24)} ${rows.toLocaleString("en-GB").padStart(12)}`);
    console.log(`Demo data ready in ${seconds(started)}. Sign in as ouder@demo.test (or mentor@, leider@, beheer@, leerling@…) with password "schoolkompas".`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
