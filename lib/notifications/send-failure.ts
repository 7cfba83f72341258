import { db } from "@/lib/db/client";
import { queueDelivery } from "@/lib/notifications/queue";
import { nextAttemptAt, retryPolicy, type RetryPolicy } from "@/lib/notifications/retry";
import { DeliveryError } from "@/lib/notifications/transports/types";

type FailFinish = (id: string, data: { status: "FAILED"; lastError: string }) => Promise<void>;

/**
 * A transport that threw, for every kind of message (docs/decisions/0042):
 * - permanent (SMTP 5xx, SMS 4xx): FAILED at once with the provider's reason;
 * - temporary, with attempts left: back to PENDING with the next attempt time in
 *   `sendAfter` and the reason in `lastError` — the school sees "waiting to retry" —
 *   and the job queued again for that time, in one transaction;
 * - temporary, attempts used up: FAILED with the last reason.
 * The reason is a code from DELIVERY_REASONS, never the address, the text or a stack trace.
 * `now` is the clock the next attempt is counted from (tests inject it).
 */
export async function failedSend(
  n: { id: string; attempts: number },
  error: unknown,
  finish: FailFinish,
  now: Date = new Date(),
  policy: RetryPolicy = retryPolicy(),
): Promise<"failed" | "retry"> {
  const reason = error instanceof DeliveryError ? error.message : "error";
  const next = error instanceof DeliveryError && error.permanent ? null : nextAttemptAt(n.attempts, now, policy);
  if (!next) {
    await finish(n.id, { status: "FAILED", lastError: reason });
    return "failed";
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { id: n.id, status: "SENDING" },
      data: { status: "PENDING", lockedUntil: null, sendAfter: next, lastError: reason },
    });
    // The running job still holds the key; add_job then starts a new job for the next attempt.
    if (count === 1) await queueDelivery(tx, n.id, next);
  });
  return "retry";
}
