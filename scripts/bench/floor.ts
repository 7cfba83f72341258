// The floor, measured in a child process (with server-only-shim.cjs, so the
// app's data layer loads outside Next): (a) the child page's data-layer
// functions in-process, (b) the exact SQL they issue, replayed on a pg pool —
// as prepared statements where the app prepares them (lib/db/client.ts sqlRows).
// Input: BENCH_FLOOR_INPUT (JSON file). Output: one JSON line on stdout.
import { readFileSync } from "node:fs";
import pg from "pg";
import { db, queryStats } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { getChildDetail } from "@/lib/domain/pupils/queries";
import { closedLoop } from "./stats";

type Input = { parents: { userId: string; sessionVersion: number; pupilId: string }[]; concurrency: number; seconds: number; poolSize: number };
type Statement = { name?: string; text: string; values: unknown[] };

async function page(parent: Input["parents"][number]) {
  const actor = await loadActor(parent.userId, parent.sessionVersion);
  if (!actor) throw new Error("no actor");
  await getChildDetail(actor, parent.pupilId);
}

async function main() {
  const input = JSON.parse(readFileSync(process.env.BENCH_FLOOR_INPUT!, "utf8")) as Input;
  const { parents, concurrency, seconds } = input;

  // Capture each parent's statements (one warm-up render each).
  const scripts: Statement[][] = [];
  for (const parent of parents) {
    const statements: Statement[] = [];
    queryStats.onQuery = (q) => {
      const query = q as { name?: string; text?: string; values?: unknown[] } | string;
      if (typeof query === "string") statements.push({ text: query, values: [] });
      else if (query.text) statements.push({ name: query.name, text: query.text, values: query.values ?? [] });
    };
    await page(parent);
    scripts.push(statements);
  }
  queryStats.onQuery = undefined;
  const roundTrips = scripts[0]?.length ?? 0;

  const dataLayer = await closedLoop(concurrency, seconds, (worker, i) => page(parents[(worker * 7 + i) % parents.length]));

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: input.poolSize });
  const sql = await closedLoop(concurrency, seconds, async (worker, i) => {
    for (const statement of scripts[(worker * 7 + i) % scripts.length]) await pool.query({ name: statement.name, text: statement.text, values: statement.values, rowMode: "array" });
  });
  await pool.end();
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ roundTrips, dataLayer, sql })}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
