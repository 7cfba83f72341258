// Checks that prisma/migrations build exactly the database schema.prisma
// describes: one scratch database from the migrations, one from `db push`
// (which works here only on an empty database), then compares their catalogs.
// (`migrate diff` and `migrate dev` against existing tables crash in the wasm
// schema engine on these machines.)
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDeploy, prismaCli, startEmbeddedPostgres } from "./postgres";

const CATALOG = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
  UNION ALL SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1`;

// Objects schema.prisma cannot express, created by hand-written SQL in migrations.
const OUTSIDE_SCHEMA = [/"School_search_trgm_idx"/, /"Notification_one_pending_idx"/, /"RoleMembership_unscoped_key"/, /"Notification_one_waiting_account_mail_idx"/, /"InformationRequest_one_pending_idx"/, /"ConferenceBooking_one_live_idx"/, /"SchoolTextVersion_one_draft_idx"/, /^constraint "SchoolEvent" CHECK/, /^constraint "SelfAssessmentScore" CHECK/];

async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ item: string }>(CATALOG)).rows.map((r) => r.item);
  } finally {
    await client.end();
  }
}

(async () => {
  const server = await startEmbeddedPostgres({
    dir: path.join(os.tmpdir(), `schoolkompas-migration-check-${process.pid}`),
    port: 54359,
    database: "from_migrations",
    fresh: true,
  });
  let failed = false;
  try {
    const fromMigrations = server.url;
    const fromSchema = server.url.replace(/\/from_migrations$/, "/from_schema");
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE from_schema");
    await admin.end();
    await migrateDeploy(fromMigrations);
    await prismaCli(["db", "push", "--skip-generate"], fromSchema);
    const [a, b] = await Promise.all([catalog(fromMigrations), catalog(fromSchema)]);
    const onlyMigrations = a.filter((x) => !b.includes(x) && !OUTSIDE_SCHEMA.some((re) => re.test(x)));
    const onlySchema = b.filter((x) => !a.includes(x));
    if (onlyMigrations.length || onlySchema.length) {
      failed = true;
      console.error("Migrations and schema.prisma differ.");
      for (const x of onlyMigrations) console.error(`  only from migrations: ${x}`);
      for (const x of onlySchema) console.error(`  only in schema.prisma: ${x}`);
    } else {
      console.log(`Migrations match schema.prisma (${a.length} catalog items compared).`);
    }
  } finally {
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
})();
