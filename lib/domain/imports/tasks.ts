import type { Task } from "graphile-worker";
import { APPLY_TASK, CLEANUP_TASK, VALIDATE_TASK } from "@/lib/domain/imports/queue";
import { unsafeApplyImport, unsafeCleanUpImports, unsafeMarkImportFailed, unsafeValidateImport } from "@/lib/domain/imports/jobs";

/** A job's run id, or null for a payload that is not one of ours. */
function runIdOf(payload: unknown): string | null {
  const runId = (payload as { runId?: unknown } | null)?.runId;
  return typeof runId === "string" && runId.length <= 64 ? runId : null;
}

/** Runs a job; when the last attempt fails too, the run says it failed (its data untouched). */
function withGiveUp(work: (runId: string) => Promise<void>): Task {
  return async (payload, helpers) => {
    const runId = runIdOf(payload);
    if (!runId) return;
    try {
      await work(runId);
    } catch (error) {
      if (helpers.job.attempts >= helpers.job.max_attempts) await unsafeMarkImportFailed(runId, "internal");
      // The message only: Prisma's errors name columns, never the values of a row.
      throw new Error(`import job failed: ${error instanceof Error ? error.name : "unknown"}`);
    }
  };
}

/** The import's tasks for the job worker (scripts/worker.ts), and the daily clean-up. */
export const IMPORT_TASKS: Record<string, Task> = {
  [VALIDATE_TASK]: withGiveUp((runId) => unsafeValidateImport(runId)),
  [APPLY_TASK]: withGiveUp((runId) => unsafeApplyImport(runId)),
  [CLEANUP_TASK]: async () => void (await unsafeCleanUpImports()),
};
export const IMPORT_CRONTAB = `30 3 * * * ${CLEANUP_TASK}`;
