import { db } from "@/lib/db/client";
import { MAX_ATTEMPTS } from "@/lib/notifications/queue";
import { DeliveryError } from "@/lib/notifications/transports/types";

type FailFinish = (id: string, data: { status: "FAILED"; lastError: string }) => Promise<void>;

/**
 * A transport that threw, for every kind of message: failed for good when the
 * provider says it is permanent or the attempts are used up (the reason stays
 * for the school's delivery view), otherwise back to the queue. The reason is
 * the provider's error code, never the address or the text.
 */
export async function failedSend(n: { id: string; attempts: number }, error: unknown, finish: FailFinish): Promise<"failed" | "retry"> {
  const reason = error instanceof DeliveryError ? error.message : "error";
  if ((error instanceof DeliveryError && error.permanent) || n.attempts >= MAX_ATTEMPTS) {
    await finish(n.id, { status: "FAILED", lastError: reason });
    return "failed";
  }
  // Let the lease lapse at once so the retry can claim it; the job queue backs off.
  await db.notification.updateMany({ where: { id: n.id, status: "SENDING" }, data: { lockedUntil: new Date(0), lastError: reason } });
  return "retry";
}
