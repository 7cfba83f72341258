import "server-only";
import { db } from "@/lib/db/client";
import { denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";

// The upload goes through the API route; the run's page posts apply, discard and column choices.
const UPLOAD: AuditContext = { category: "import", route: "/api/imports/[schoolId]" };
const RUN_PAGE: AuditContext = { category: "import", route: "/admin/schools/[schoolId]/imports/[runId]" };
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { boardSchool } from "@/lib/domain/schools/board-scope";
import { MAX_FILES, MAX_FILE_BYTES, normaliseHeader } from "@/lib/domain/imports/fields";
import { formatOf } from "@/lib/domain/imports/read-file";
import { APPLY_TASK, VALIDATE_TASK, queueImportJob } from "@/lib/domain/imports/queue";
import type { ColumnChoices, ImportUploadInput } from "@/lib/domain/imports/schemas";

/** What is wrong with an upload: catalogue keys (importErrors.*) with their values. */
export class ImportUploadError extends AppError {
  constructor(public readonly problems: { code: string; params?: Record<string, string | number> }[]) {
    super("invalidInput");
  }
}

export type UploadedFile = { name: string; bytes: Uint8Array };

/**
 * Starts an import: the files are stored with the run and the dry run is
 * queued, in one transaction. The same form submitted twice (same key) gives
 * the same run. Nothing of the school's data is touched here.
 */
export async function createImport(actor: Actor, schoolId: string, files: UploadedFile[], input: ImportUploadInput): Promise<{ runId: string }> {
  const school = await boardSchool(actor, schoolId, "imports:manage");
  const again = await db.importRun.findFirst({ where: { idempotencyKey: input.idempotencyKey, schoolId: school.id, createdById: actor.userId }, select: { id: true } });
  if (again) return { runId: again.id };
  const problems: ImportUploadError["problems"] = [];
  if (files.length === 0) problems.push({ code: "noFiles" });
  if (files.length > MAX_FILES) problems.push({ code: "tooManyFiles", params: { max: MAX_FILES } });
  const formats = files.map((f) => formatOf(f.name, f.bytes));
  files.forEach((file, i) => {
    const name = file.name.slice(0, 120);
    if (file.bytes.byteLength > MAX_FILE_BYTES) problems.push({ code: "fileTooLarge", params: { name, max: MAX_FILE_BYTES / 1024 / 1024 } });
    else if (file.bytes.byteLength === 0) problems.push({ code: "fileEmpty", params: { name } });
    else if (!formats[i]) problems.push({ code: "fileType", params: { name } });
  });
  if (problems.length) throw new ImportUploadError(problems);
  const run = await db.$transaction(async (tx) => {
    const created = await tx.importRun.create({
      data: {
        schoolId: school.id, createdById: actor.userId, fullExport: input.fullExport, idempotencyKey: input.idempotencyKey,
        files: { create: files.map((f, position) => ({ position, name: f.name.slice(0, 200), format: formats[position]!, size: f.bytes.byteLength, content: Buffer.from(f.bytes), headers: [], unmapped: [] })) },
      },
      select: { id: true },
    });
    await queueImportJob(tx, VALIDATE_TASK, created.id);
    return created;
  });
  await writeAudit(actor, "import:create", "ALLOWED", run.id, { schoolId: school.id, files: files.length, fullExport: input.fullExport }, UPLOAD);
  return { runId: run.id };
}

/** A run of this school, of the administrator's board; anything else is 404 with an audit row. */
async function runOfSchool(actor: Actor, schoolId: string, runId: string, action: "import:apply" | "import:discard" | "import:map") {
  const school = await boardSchool(actor, schoolId, "imports:manage");
  const run = await db.importRun.findFirst({ where: { id: runId, schoolId: school.id }, select: { id: true, status: true, files: { select: { position: true, kind: true } } } });
  if (!run) return denyAccess(actor, action, runId, RUN_PAGE);
  return { school, run };
}

/**
 * Applies a checked import (queues the job that writes it in one transaction).
 * Pressing the button twice queues it once; a run with errors cannot be applied.
 */
export async function applyImport(actor: Actor, schoolId: string, runId: string): Promise<void> {
  const { run } = await runOfSchool(actor, schoolId, runId, "import:apply");
  if (run.status === "APPLYING" || run.status === "APPLIED") return;
  const started = await db.$transaction(async (tx) => {
    const claimed = await tx.importRun.updateMany({ where: { id: run.id, status: "READY" }, data: { status: "APPLYING", progressDone: 0, progressTotal: 0 } });
    if (claimed.count) await queueImportJob(tx, APPLY_TASK, run.id);
    return claimed.count > 0;
  });
  if (!started) throw new AppError("conflict");
  await writeAudit(actor, "import:apply", "ALLOWED", run.id, { schoolId }, RUN_PAGE);
}

/** Throws the import away (and its files); an applied import cannot be discarded. */
export async function discardImport(actor: Actor, schoolId: string, runId: string): Promise<void> {
  const { run } = await runOfSchool(actor, schoolId, runId, "import:discard");
  if (run.status === "DISCARDED") return;
  const done = await db.$transaction(async (tx) => {
    const changed = await tx.importRun.updateMany({ where: { id: run.id, status: { in: ["QUEUED", "READY", "INVALID", "FAILED"] } }, data: { status: "DISCARDED" } });
    await tx.importFile.updateMany({ where: { runId: run.id, run: { status: "DISCARDED" } }, data: { content: null } });
    return changed.count > 0;
  });
  if (!done) throw new AppError("conflict");
  await writeAudit(actor, "import:discard", "ALLOWED", run.id, { schoolId }, RUN_PAGE);
}

/**
 * The administrator says what a file is and which column holds what. The
 * choices are remembered for the school (per kind of file and header) and the
 * dry run runs again.
 */
export async function mapImportColumns(actor: Actor, schoolId: string, runId: string, choices: ColumnChoices): Promise<void> {
  const { school, run } = await runOfSchool(actor, schoolId, runId, "import:map");
  if (!["READY", "INVALID", "FAILED"].includes(run.status)) throw new AppError("conflict");
  const positions = new Set(run.files.map((f) => f.position));
  if (choices.kinds.some((k) => !positions.has(k.position))) throw new AppError("invalidInput");
  const kindOf = new Map(choices.kinds.map((k) => [k.position, k.kind]));
  await db.$transaction(async (tx) => {
    for (const { position, kind } of choices.kinds) {
      const before = run.files.find((f) => f.position === position)!.kind;
      if (before !== kind) await tx.importFile.updateMany({ where: { runId: run.id, position }, data: { kind, kindChosen: true } });
    }
    for (const c of choices.columns) {
      const kind = kindOf.get(c.position);
      if (!kind) continue;
      const header = normaliseHeader(c.header);
      if (!header) continue;
      await tx.importColumnMapping.upsert({
        where: { schoolId_kind_header: { schoolId: school.id, kind, header } },
        update: { field: c.field },
        create: { schoolId: school.id, kind, header, field: c.field },
      });
    }
    const again = await tx.importRun.updateMany({ where: { id: run.id, status: { in: ["READY", "INVALID", "FAILED"] } }, data: { status: "QUEUED", progressDone: 0, progressTotal: 0 } });
    if (!again.count) throw new AppError("conflict");
    await queueImportJob(tx, VALIDATE_TASK, run.id);
  });
  await writeAudit(actor, "import:map", "ALLOWED", run.id, { schoolId, columns: choices.columns.length }, RUN_PAGE);
}
