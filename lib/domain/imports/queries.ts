import "server-only";
import { db } from "@/lib/db/client";
import { denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";

const RUN_PAGE: AuditContext = { category: "import", route: "/admin/schools/[schoolId]/imports/[runId]" };
const PROGRESS: AuditContext = { category: "import", route: "/api/imports/[schoolId]/[runId]" };
const ERRORS: AuditContext = { category: "import", route: "/api/imports/[schoolId]/[runId]/errors" };
import type { Actor } from "@/lib/auth/types";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import type { LineIssue, Summary } from "@/lib/domain/imports/check/types";
import type { ImportFileKind, ImportStatus } from "@/lib/generated/prisma/enums";

export type RunListItem = {
  id: string; createdAt: Date; status: ImportStatus; by: string; files: string[];
  errorCount: number; counts: Summary["counts"];
};

/** The school's imports, newest first (the last 30). */
export async function listImports(actor: Actor, schoolId: string) {
  const school = await boardSchool(actor, schoolId, "imports:manage");
  const runs = await db.importRun.findMany({
    where: { schoolId: school.id },
    orderBy: { createdAt: "desc" },
    take: 30,
    select: { id: true, createdAt: true, status: true, errorCount: true, summary: true, createdBy: { select: { name: true } }, files: { orderBy: { position: "asc" }, select: { name: true } } },
  });
  const items: RunListItem[] = runs.map((r) => ({
    id: r.id, createdAt: r.createdAt, status: r.status, by: r.createdBy.name, files: r.files.map((f) => f.name),
    errorCount: r.errorCount, counts: ((r.summary as Summary | null)?.counts ?? {}),
  }));
  return { school, runs: items };
}

export type RunFile = { position: number; name: string; format: string; size: number; kind: ImportFileKind | null; kindChosen: boolean; rowCount: number; headers: string[]; unmapped: string[] };

/** One import of the school with its preview (never the files' bytes). */
export async function getImportRun(actor: Actor, schoolId: string, runId: string) {
  const school = await boardSchool(actor, schoolId, "imports:manage", RUN_PAGE);
  const run = await db.importRun.findFirst({
    where: { id: runId, schoolId: school.id },
    select: {
      id: true, status: true, fullExport: true, createdAt: true, validatedAt: true, appliedAt: true, progressDone: true, progressTotal: true,
      summary: true, errors: true, errorCount: true, warnings: true, warningCount: true, failure: true,
      createdBy: { select: { name: true } },
      files: { orderBy: { position: "asc" }, select: { position: true, name: true, format: true, size: true, kind: true, kindChosen: true, rowCount: true, headers: true, unmapped: true } },
    },
  });
  if (!run) return denyAccess(actor, "import:view", runId, RUN_PAGE);
  await writeAudit(actor, "import:view", "ALLOWED", run.id, undefined, RUN_PAGE);
  const mappings = await db.importColumnMapping.findMany({ where: { schoolId: school.id }, select: { kind: true, header: true, field: true } });
  return {
    school,
    run: {
      ...run,
      by: run.createdBy.name,
      summary: (run.summary as Summary | null) ?? null,
      errors: (run.errors as LineIssue[] | null) ?? [],
      warnings: (run.warnings as LineIssue[] | null) ?? [],
      files: run.files as RunFile[],
    },
    mappings,
  };
}

export type ImportProgress = { status: ImportStatus; done: number; total: number };

/** Status and progress only, for the page's progress bar (polled every few seconds; not audited). */
export async function getImportProgress(actor: Actor, schoolId: string, runId: string): Promise<ImportProgress> {
  const school = await boardSchool(actor, schoolId, "imports:manage", PROGRESS);
  const run = await db.importRun.findFirst({ where: { id: runId, schoolId: school.id }, select: { status: true, progressDone: true, progressTotal: true } });
  if (!run) return denyAccess(actor, "import:view", runId, PROGRESS);
  return { status: run.status, done: run.progressDone, total: run.progressTotal };
}

/** The errors of a run with the file names, for the downloadable list. */
export async function getImportErrors(actor: Actor, schoolId: string, runId: string) {
  const school = await boardSchool(actor, schoolId, "imports:manage", ERRORS);
  const run = await db.importRun.findFirst({
    where: { id: runId, schoolId: school.id },
    select: { id: true, errors: true, warnings: true, files: { select: { position: true, name: true } } },
  });
  if (!run) return denyAccess(actor, "import:view", runId, ERRORS);
  await writeAudit(actor, "import:view", "ALLOWED", run.id, { download: "errors" }, ERRORS);
  const names = new Map(run.files.map((f) => [f.position, f.name]));
  return { school, errors: (run.errors as LineIssue[] | null) ?? [], warnings: (run.warnings as LineIssue[] | null) ?? [], fileName: (position: number) => names.get(position) ?? "" };
}
