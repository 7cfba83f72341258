import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startWorker, type RunningWorker } from "@/lib/notifications/worker";
import { IMPORT_TASKS } from "@/lib/domain/imports/tasks";
import { applyImport, createImport } from "@/lib/domain/imports/commands";
import { unsafeCleanUpImports } from "@/lib/domain/imports/jobs";
import { createImportSchool, sampleSet, uploadsOf } from "@/tests/factories/imports";
import { waitUntil } from "@/tests/support/mail-receivers";

// The job path as `npm run worker` runs it: the upload queues the dry run in
// its transaction, the worker picks it up; "apply" queues the write. The
// worker runs on the real clock, so the set holds classes and pupils only
// (the samples' results belong to the school year 2026-2027).

let worker: RunningWorker | null = null;
// Stopped after each test, before the file's database is dropped under it.
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

describe("the import's jobs on the worker", () => {
  it("run the dry run after the upload and the apply after the button, and report progress", { timeout: 120_000 }, async () => {
    const { school, admin } = await createImportSchool();
    const set = sampleSet(20, "imports-worker-1");
    const classesAndPupils = [set.classes, set.pupils];
    worker = await startWorker({ connectionString: process.env.DATABASE_URL!, concurrency: 2, sweepSeconds: 60, tasks: IMPORT_TASKS });
    const { runId } = await createImport(admin, school.id, await uploadsOf(classesAndPupils), { idempotencyKey: crypto.randomUUID(), fullExport: false });
    const status = async () => (await db.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, progressDone: true, progressTotal: true } }));
    await waitUntil(async () => (await status()).status === "READY", 60_000);
    // One class and 20 pupils checked.
    expect(await status()).toEqual({ status: "READY", progressDone: 21, progressTotal: 21 });
    await applyImport(admin, school.id, runId);
    await waitUntil(async () => (await status()).status === "APPLIED", 60_000);
    expect(await db.pupil.count({ where: { schoolId: school.id } })).toBe(20);
    expect(await db.importFile.count({ where: { runId, content: { not: null } } })).toBe(0);
  });

  it("forget the people in a finished run's preview and error lines after 14 days, and keep its counts", async () => {
    const { school, admin } = await createImportSchool();
    const { runId } = await createImport(admin, school.id, await uploadsOf([sampleSet(5, "imports-worker-3").classes]), { idempotencyKey: crypto.randomUUID(), fullExport: false });
    const summary = { counts: { classes: { created: 2, changed: 0, unchanged: 0, removed: 0 } }, examples: { pupils: [{ name: "Sanne de Vries" }] }, rows: 2 };
    const errors = [{ file: 0, line: 3, code: "emailOtherPerson", params: { value: "sanne@example.test" } }];
    await db.importRun.update({ where: { id: runId }, data: { status: "APPLIED", summary, errors, errorCount: 1, warnings: errors, warningCount: 1 } });
    await unsafeCleanUpImports(new Date(Date.now() + 13 * 86_400_000));
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).errors).toEqual(errors);
    // (Runs of the other tests in this file are forgotten too.)
    expect((await unsafeCleanUpImports(new Date(Date.now() + 15 * 86_400_000))).forgotten).toBeGreaterThanOrEqual(1);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ errors: null, warnings: null, errorCount: 1, warningCount: 1, summary: { ...summary, examples: {} } });
    expect(JSON.stringify(run)).not.toContain("Sanne");
  });

  it("discards runs left for two weeks and empties their files", async () => {
    const { school, admin } = await createImportSchool();
    const { runId } = await createImport(admin, school.id, await uploadsOf([sampleSet(5, "imports-worker-2").classes]), { idempotencyKey: crypto.randomUUID(), fullExport: false });
    await db.importRun.update({ where: { id: runId }, data: { status: "READY" } });
    await unsafeCleanUpImports(new Date(Date.now() + 13 * 86_400_000));
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("READY");
    await unsafeCleanUpImports(new Date(Date.now() + 15 * 86_400_000));
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("DISCARDED");
    expect(await db.importFile.count({ where: { runId, content: { not: null } } })).toBe(0);
  });

  it("forget the people in a finished run's preview and error lines after 14 days, and keep its counts", async () => {
    const { school, admin } = await createImportSchool();
    const { runId } = await createImport(admin, school.id, await uploadsOf([sampleSet(5, "imports-worker-3").classes]), { idempotencyKey: crypto.randomUUID(), fullExport: false });
    const summary = { counts: { classes: { created: 2, changed: 0, unchanged: 0, removed: 0 } }, examples: { pupils: [{ name: "Sanne de Vries" }] }, rows: 2 };
    const errors = [{ file: 0, line: 3, code: "emailOtherPerson", params: { value: "sanne@example.test" } }];
    await db.importRun.update({ where: { id: runId }, data: { status: "APPLIED", summary, errors, errorCount: 1, warnings: errors, warningCount: 1 } });
    await unsafeCleanUpImports(new Date(Date.now() + 13 * 86_400_000));
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).errors).toEqual(errors);
    // (Runs of the other tests in this file are forgotten too.)
    expect((await unsafeCleanUpImports(new Date(Date.now() + 15 * 86_400_000))).forgotten).toBeGreaterThanOrEqual(1);
    const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ errors: null, warnings: null, errorCount: 1, warningCount: 1, summary: { ...summary, examples: {} } });
    expect(JSON.stringify(run)).not.toContain("Sanne");
  });
});
