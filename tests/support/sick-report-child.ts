// The sick-report write as the web process runs it, in a process of its own,
// for tests/integration/killed-mid-request.test.ts (issue 21, part 4): parses
// the form's fields with the action's schema and reports sick through
// lib/domain/sick-reports/commands.ts against the test database, then prints
// one JSON line (the outcome, never the note).
//   node --require ./scripts/server-only-preload.cjs --import tsx tests/support/sick-report-child.ts <userId> <fields JSON> <now ISO>
import { disconnectDb } from "@/lib/db/client";
import { reportSick } from "@/lib/domain/sick-reports/commands";
import { SickReportInput } from "@/lib/domain/sick-reports/schemas";
import { actorOf } from "@/tests/factories";

const [userId, fields, now] = process.argv.slice(2);

(async () => {
  const actor = await actorOf(userId);
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  const report = await reportSick(actor, SickReportInput.parse(JSON.parse(fields)), { now: new Date(now) });
  process.stdout.write(`${JSON.stringify({ id: report.id, created: report.created })}\n`);
  await disconnectDb();
})().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
