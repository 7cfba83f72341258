import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { queueDelivery } from "@/lib/notifications/queue";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export type AccountMail = {
  kind: "INVITATION" | "PASSWORD_RESET";
  userId: string;
  email: string;
  locale: Locale;
  /** The inviting school (invitations). */
  schoolId?: string | null;
  /** A form's idempotency key plus the recipient: the same form submitted twice queues nothing new. */
  requestKey?: string | null;
};

/**
 * Queues an invitation or reset e-mail in the caller's transaction. Nothing is
 * queued when the same request was queued before (requestKey) or a message of
 * this kind still waits for this user (a partial unique index): the waiting
 * message will carry a fresh link anyway, because the link is made when the
 * message is sent. Returns the new outbox id, or null.
 */
export async function queueAccountMail(tx: Tx, mail: AccountMail, now = new Date()): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("id", "kind", "userId", "schoolId", "channel", "locale", "address", "sendAfter", "requestKey", "updatedAt")
    VALUES (${randomUUID()}, ${mail.kind}::"NotificationKind", ${mail.userId}, ${mail.schoolId ?? null},
            'EMAIL', ${mail.locale}::"Locale", ${mail.email}, ${now}, ${mail.requestKey ?? null}, now())
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id ?? null;
  if (id) await queueDelivery(tx, id, now);
  return id;
}
