import type { Prisma } from "@/lib/generated/prisma/client";

// The job queue is graphile-worker (docs/decisions/0005): its add_job() is a
// SQL function, so a job is queued in the same transaction that writes the
// outbox row. Either both exist or neither does.

export const DELIVER_TASK = "deliver-notification";
// graphile-worker's own retries, for errors of ours (the database away) only; a provider
// that is away is retried by the outbox itself (lib/notifications/retry.ts).
export const MAX_ATTEMPTS = 8;

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Queues delivery of one outbox row. The job key is the row id: queuing it
 * again (a sweep after a crash) replaces a waiting job instead of adding one.
 */
export async function queueDelivery(tx: Tx, notificationId: string, runAt: Date): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${DELIVER_TASK}::text,
    json_build_object('id', ${notificationId}::text),
    run_at => ${runAt}::timestamptz,
    max_attempts => ${MAX_ATTEMPTS}::int,
    job_key => ${notificationId}::text
  )`;
}
