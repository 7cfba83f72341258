import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import type { RenderedMessage } from "@/lib/notifications/templates";
import { queueDelivery } from "@/lib/notifications/queue";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export type GuardianNotice = {
  kind: "CONSENT_NOTICE" | "INFORMATION_DECISION";
  guardianId: string;
  pupilId: string;
  schoolId: string;
  locale: Locale;
  /** The guardian's e-mail address: the notice goes by e-mail, or only to the portal's inbox without one. */
  email: string | null;
  message: RenderedMessage;
  /** One notice per event: the same event queued twice adds nothing. */
  requestKey: string;
};

/**
 * Queues a notice to a guardian about their own rights in the caller's
 * transaction, its text already written in their language (deliver-notice.ts
 * sends it as it is). Every notice also shows in the portal's inbox once
 * delivered. Returns the new outbox id, or null when the event was queued before.
 */
export async function queueGuardianNotice(tx: Tx, notice: GuardianNotice, now: Date = new Date()): Promise<string | null> {
  const channel = notice.email ? "EMAIL" : "PORTAL";
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("id", "kind", "guardianId", "pupilId", "schoolId", "channel", "locale", "address", "sendAfter", "subject", "body", "requestKey", "updatedAt")
    VALUES (${randomUUID()}, ${notice.kind}::"NotificationKind", ${notice.guardianId}, ${notice.pupilId}, ${notice.schoolId},
            ${channel}::"AlertChannel", ${notice.locale}::"Locale", ${notice.email}, ${now}, ${notice.message.subject}, ${notice.message.text},
            ${notice.requestKey}, now())
    ON CONFLICT ("requestKey") DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id ?? null;
  if (id) await queueDelivery(tx, id, now);
  return id;
}
