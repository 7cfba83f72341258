// The import phase of `npm run bench`, in a child process (with
// server-only-shim.cjs): a new, empty school on the benchmark database gets a
// generated set of BENCH_IMPORT_PUPILS pupils with results and absences of the
// school year 2026-2027 up to 4 December (2,000 pupils ≈ 80,000 rows), timed as
// the worker runs it: upload, dry run, apply, and the same files applied again
// (nothing changes). Output: one JSON line on stdout.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { applyImport, createImport } from "@/lib/domain/imports/commands";
import { unsafeApplyImport, unsafeValidateImport } from "@/lib/domain/imports/jobs";
import { APPLY_TASK, VALIDATE_TASK } from "@/lib/domain/imports/queue";
import { dayOf } from "../../prisma/seed/calendar";
import { generateSampleSet } from "../import-samples/generate";
import { fileBytes } from "../import-samples/files";

const NOW = new Date("2026-12-07T11:00:00Z");
const seconds = (from: number) => Math.round(performance.now() - from) / 1000;

/**
 * The demo's job worker runs beside the benchmark and watches the same queue, so it
 * may pick up the job createImport/applyImport queued while this process runs it too
 * (a late dry run of the worker then put an applying run back to READY). Take the job
 * out of the queue, so this process runs and times it; when the worker holds it
 * already, wait until the worker has finished it. True when this process should run it.
 */
async function takeFromWorker(task: string, runId: string): Promise<boolean> {
  const [job] = await db.$queryRaw<{ id: string | null }[]>`SELECT (graphile_worker.remove_job(${`${task}:${runId}`}::text)).id::text AS id`;
  if (!job?.id) return true;
  // remove_job deletes a job nobody holds and returns it; a job a worker holds it only disarms (and returns too).
  // Gone now: it was ours to run (a run the worker finished meanwhile is left alone by the job).
  const held = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE id = ${job.id}::bigint`)[0].n;
  if ((await held()) === 0) return true;
  for (;;) {
    if ((await held()) === 0) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  const pupils = Number(process.env.BENCH_IMPORT_PUPILS ?? 2000);
  const tag = randomUUID().slice(0, 8);
  let t = performance.now();
  const set = generateSampleSet({ pupils, startYear: 2026, asOf: dayOf(2026, 12, 4), seed: `bench-${tag}` });
  const files = await Promise.all(Object.values(set).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await fileBytes(f)) })));
  const generateSeconds = seconds(t);
  const rows = Object.values(set).reduce((n, f) => n + f.rows.length - 1, 0);
  const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);

  const board = await db.board.create({ data: { name: `Bench import ${tag}` } });
  const school = await db.school.create({ data: { boardId: board.id, brin: "99ZZ", locationCode: tag.slice(0, 2), name: `Bench import ${tag}`, slug: `bench-import-${tag}`, city: "Amersfoort", kind: "HAVO_VWO", levels: ["HAVO", "VWO"] } });
  const user = await db.user.create({ data: { email: `bench-import-${tag}@bench.test`, name: "Bench Import", memberships: { create: { role: "ADMIN", boardId: board.id } } } });
  const admin = (await loadActor(user.id, user.sessionVersion))!;

  const once = async () => {
    let start = performance.now();
    const { runId } = await createImport(admin, school.id, files, { idempotencyKey: randomUUID(), fullExport: true });
    const upload = seconds(start);
    start = performance.now();
    if (await takeFromWorker(VALIDATE_TASK, runId)) await unsafeValidateImport(runId, { now: NOW });
    const dryRun = seconds(start);
    const checked = await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, errorCount: true } });
    if (checked.status !== "READY") throw new Error(`dry run ended ${checked.status} with ${checked.errorCount} errors`);
    await applyImport(admin, school.id, runId);
    start = performance.now();
    if (await takeFromWorker(APPLY_TASK, runId)) await unsafeApplyImport(runId, { now: NOW });
    const apply = seconds(start);
    const done = await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, summary: true } });
    if (done.status !== "APPLIED") throw new Error(`apply ended ${done.status}`);
    return { upload, dryRun, apply, summary: done.summary };
  };
  t = performance.now();
  const first = await once();
  const again = await once();
  const written = await db.result.count({ where: { pupil: { schoolId: school.id } } });
  process.stdout.write(`${JSON.stringify({ pupils, rows, bytes, generateSeconds, first: { ...first, summary: undefined }, again: { ...again, summary: undefined }, results: written, totalSeconds: seconds(t) })}\n`);
}

main()
  .then(() => disconnectDb())
  .then(() => process.exit(0), (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
