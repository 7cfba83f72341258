import type { Prisma } from "@/lib/generated/prisma/client";

// Import jobs go on the graphile-worker queue inside the transaction that
// creates or advances the run (as the notification outbox does, decisions/0005):
// a run never waits for a job that was not queued.

export const VALIDATE_TASK = "import-validate";
export const APPLY_TASK = "import-apply";
export const CLEANUP_TASK = "import-cleanup";
export const IMPORT_MAX_ATTEMPTS = 3;

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** The job key is the task and run: queuing it again replaces a waiting job. */
export async function queueImportJob(tx: Tx, task: typeof VALIDATE_TASK | typeof APPLY_TASK, runId: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    json_build_object('runId', ${runId}::text),
    max_attempts => ${IMPORT_MAX_ATTEMPTS}::int,
    job_key => ${`${task}:${runId}`}::text
  )`;
}
