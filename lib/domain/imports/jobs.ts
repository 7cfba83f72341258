import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAnonymousAudit } from "@/lib/auth/audit";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { runCheck, type CheckResult } from "@/lib/domain/imports/check";
import { loadSchoolState } from "@/lib/domain/imports/check/state";
import { planSize, type ImportContext, type LineIssue } from "@/lib/domain/imports/check/types";
import type { SchoolMappings } from "@/lib/domain/imports/headers";
import { prepareFiles, type FileFacts } from "@/lib/domain/imports/prepare";
import { writePlan } from "@/lib/domain/imports/apply";

// The import's two jobs, run by the graphile-worker (scripts/worker.ts). They
// have no actor by design (the action that queued them checked the
// administrator's board), hence `unsafe…`; the run names its school.

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Writes progress on its own connection (outside any transaction), at most every half second. */
function progressReporter(runId: string, total: number) {
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const report = (done: number, force = false) => {
    const now = Date.now();
    if (!force && now - last < 500) return;
    last = now;
    pending = pending.then(() => db.importRun.update({ where: { id: runId }, data: { progressDone: Math.min(done, total), progressTotal: total } })).catch(() => {});
  };
  return { report, settled: () => pending };
}

async function loadRun(runId: string) {
  return db.importRun.findUnique({
    where: { id: runId },
    select: {
      id: true, status: true, fullExport: true, createdById: true,
      school: { select: { id: true, brin: true, locationCode: true, boardId: true } },
      files: { select: { id: true, position: true, name: true, format: true, content: true, kind: true, kindChosen: true } },
    },
  });
}
type Run = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

function contextOf(run: Run, now: Date): ImportContext {
  const today = dutchToday(now);
  return { schoolId: run.school.id, brin: run.school.brin, locationCode: run.school.locationCode, today, year: schoolYearOf(today), fullExport: run.fullExport };
}

async function mappingsOf(schoolId: string): Promise<SchoolMappings> {
  const rows = await db.importColumnMapping.findMany({ where: { schoolId }, select: { kind: true, header: true, field: true } });
  const mappings: SchoolMappings = {};
  for (const r of rows) (mappings[r.kind] ??= {})[r.header] = r.field;
  return mappings;
}

async function saveFacts(facts: FileFacts[]) {
  for (const f of facts) await db.importFile.update({ where: { id: f.id }, data: { kind: f.kind, rowCount: f.rowCount, headers: f.headers, unmapped: f.unmapped } });
}

/** A BRIN of another board's school: the attempt is audited (no personal data: the run and a reason). */
async function auditOtherBoard(run: Run, brin: string) {
  const school = await db.school.findFirst({ where: { brin: brin.slice(0, 4) }, select: { boardId: true } });
  if (school && school.boardId !== run.school.boardId) {
    await writeAnonymousAudit(run.createdById, "import:create", "DENIED", { reason: "brinOfOtherBoard", runId: run.id, schoolId: run.school.id }, { category: "import", route: "/api/imports/[schoolId]" });
  }
}

function outcome(result: Pick<CheckResult, "summary" | "errors" | "errorCount" | "warnings" | "warningCount">) {
  return { summary: json(result.summary), errors: json(result.errors), errorCount: result.errorCount, warnings: json(result.warnings), warningCount: result.warningCount };
}

/**
 * The dry run: reads the files, checks every row against the school's records
 * and stores the preview on the run. It writes nothing else — not a class,
 * not a pupil — whatever the files hold.
 */
export async function unsafeValidateImport(runId: string, options: { now?: Date } = {}): Promise<void> {
  const claimed = await db.importRun.updateMany({ where: { id: runId, status: { in: ["QUEUED", "VALIDATING"] } }, data: { status: "VALIDATING", progressDone: 0, progressTotal: 0, failure: null } });
  if (claimed.count === 0) return;
  const run = (await loadRun(runId))!;
  const ctx = contextOf(run, options.now ?? new Date());
  const { checkFiles, issues, facts } = await prepareFiles(run.files, await mappingsOf(ctx.schoolId));
  await saveFacts(facts);
  if (issues.length) {
    await db.importRun.update({ where: { id: runId }, data: { status: "INVALID", validatedAt: new Date(), ...outcome(fileIssues(issues)) } });
    return;
  }
  const total = checkFiles.reduce((n, f) => n + f.table.rows.length, 0);
  const progress = progressReporter(runId, total);
  progress.report(0, true);
  const state = await loadSchoolState(db, ctx, needsOf(checkFiles));
  const result = await runCheck(ctx, state, checkFiles, (rows) => progress.report(rows));
  await progress.settled();
  if (result.otherBrin) await auditOtherBoard(run, result.otherBrin);
  await db.importRun.update({
    where: { id: runId },
    data: { status: result.errorCount ? "INVALID" : "READY", validatedAt: new Date(), progressDone: total, progressTotal: total, ...outcome(result) },
  });
}

function fileIssues(issues: LineIssue[]) {
  return { summary: { counts: {}, examples: {}, rows: 0 }, errors: issues, errorCount: issues.length, warnings: [], warningCount: 0 };
}

function needsOf(files: { kind: string; table: { rows: { cells: string[] }[] }; columns: { columns: Record<string, number> } }[]) {
  const emails = new Set<string>();
  for (const f of files) {
    const column = f.kind === "GUARDIANS" ? f.columns.columns.email : f.kind === "MENTORSHIPS" ? f.columns.columns.mentorEmail : undefined;
    if (column === undefined) continue;
    for (const row of f.table.rows) {
      const email = (row.cells[column] ?? "").trim().toLowerCase();
      if (email) emails.add(email);
    }
  }
  return { results: files.some((f) => f.kind === "RESULTS"), absences: files.some((f) => f.kind === "ABSENCES"), emails: [...emails] };
}

class ChangedSinceDryRun extends Error {
  constructor(readonly result: CheckResult) {
    super("import no longer valid");
  }
}

/**
 * The apply: checks the set again inside ONE transaction (the school's
 * records may have changed since the dry run) and writes all of it, or —
 * when a line is now wrong — nothing, and the run shows the errors. Two
 * applies for one school wait for each other (advisory lock). The uploaded
 * files are removed in the same transaction.
 */
export async function unsafeApplyImport(runId: string, options: { now?: Date } = {}): Promise<void> {
  const run = await loadRun(runId);
  if (!run || run.status !== "APPLYING") return;
  const ctx = contextOf(run, options.now ?? new Date());
  const mappings = await mappingsOf(ctx.schoolId);
  const { checkFiles, issues } = await prepareFiles(run.files, mappings);
  if (issues.length) {
    await db.importRun.update({ where: { id: runId }, data: { status: "INVALID", ...outcome(fileIssues(issues)) } });
    return;
  }
  const rows = checkFiles.reduce((n, f) => n + f.table.rows.length, 0);
  let progress = progressReporter(runId, rows * 2);
  progress.report(0, true);
  try {
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${ctx.schoolId}`}))`;
        const state = await loadSchoolState(tx, ctx, needsOf(checkFiles));
        const result = await runCheck(ctx, state, checkFiles, (n) => progress.report(n));
        if (result.errorCount) throw new ChangedSinceDryRun(result);
        const size = planSize(result.plan);
        let written = 0;
        await progress.settled();
        progress = progressReporter(runId, rows + size);
        progress.report(rows, true);
        await writePlan(tx, ctx, result.plan, (n) => progress.report(rows + (written += n)));
        await tx.importFile.updateMany({ where: { runId }, data: { content: null } });
        // A progress write still in flight must not land after (and over) the final one.
        await progress.settled();
        await tx.importRun.update({ where: { id: runId }, data: { status: "APPLIED", appliedAt: new Date(), progressDone: rows + size, progressTotal: rows + size, ...outcome(result) } });
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    await progress.settled();
    if (!(error instanceof ChangedSinceDryRun)) throw error;
    await db.importRun.update({ where: { id: runId }, data: { status: "INVALID", ...outcome(error.result) } });
  }
}

/** The worker gave up on a job: the run says so (nothing was written — the apply is one transaction). */
export async function unsafeMarkImportFailed(runId: string, failure: string): Promise<void> {
  await db.importRun.updateMany({ where: { id: runId, status: { in: ["QUEUED", "VALIDATING", "APPLYING"] } }, data: { status: "FAILED", failure } });
}

export const IMPORT_RETENTION_DAYS = 14;

/**
 * Uploaded files are not kept: runs left unapplied for two weeks are
 * discarded, and the bytes of every finished run are removed.
 */
export async function unsafeCleanUpImports(now: Date = new Date()): Promise<{ discarded: number; emptied: number; forgotten: number }> {
  const cutoff = new Date(now.getTime() - IMPORT_RETENTION_DAYS * 86_400_000);
  const discarded = await db.importRun.updateMany({ where: { status: { in: ["QUEUED", "READY", "INVALID", "FAILED"] }, updatedAt: { lt: cutoff } }, data: { status: "DISCARDED" } });
  const emptied = await db.importFile.updateMany({ where: { content: { not: null }, run: { status: { in: ["APPLIED", "DISCARDED"] } } }, data: { content: null } });
  // After the same period a finished run keeps its counts, not the people in it: the preview's
  // examples and the error and warning lines quote names, e-mail addresses and birth dates.
  const forgotten = await db.$executeRaw`
    UPDATE "ImportRun" SET "summary" = jsonb_set("summary", '{examples}', '{}'::jsonb), "errors" = NULL, "warnings" = NULL
     WHERE "status" IN ('APPLIED', 'DISCARDED') AND "updatedAt" < ${cutoff}
       AND ("errors" IS NOT NULL OR "warnings" IS NOT NULL OR "summary"->'examples' <> '{}'::jsonb)`;
  return { discarded: discarded.count, emptied: emptied.count, forgotten };
}
