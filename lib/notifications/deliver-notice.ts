import { db } from "@/lib/db/client";
import type { AlertChannel } from "@/lib/generated/prisma/enums";
import type { Transport } from "@/lib/notifications/transports/types";
import { failedSend } from "@/lib/notifications/send-failure";

// Delivering a notice about a guardian's own rights (a pupil's consent
// changed, a request for information was decided). The row is already
// claimed (deliver.ts). Unlike an absence alert its text was written when it
// was queued: it tells of one event, which later events do not change. It
// goes whether or not the guardian may still see the pupil — a withdrawal is
// exactly the news they must get.

type Claimed = { id: string; channel: AlertChannel; address: string | null; attempts: number };
type Finish = (id: string, data: { status: "DELIVERED" | "SKIPPED" | "FAILED"; lastError?: string; providerRef?: string }) => Promise<void>;
type Outcome = "delivered" | "skipped" | "failed" | "retry";

export async function deliverStoredNotice(n: Claimed, deps: { email: Transport; sms: Transport; now?: () => Date }, finish: Finish): Promise<Outcome> {
  const row = await db.notification.findUniqueOrThrow({
    where: { id: n.id },
    select: { subject: true, body: true, locale: true, guardian: { select: { user: { select: { disabledAt: true } } } } },
  });
  if (!row.guardian || row.guardian.user.disabledAt) return finish(n.id, { status: "SKIPPED", lastError: "blocked" }).then(() => "skipped");
  if (!row.subject || !row.body) return finish(n.id, { status: "FAILED", lastError: "no-text" }).then(() => "failed");
  if (n.channel === "PORTAL") return finish(n.id, { status: "DELIVERED", providerRef: "portal" }).then(() => "delivered");
  if (!n.address) return finish(n.id, { status: "FAILED", lastError: "no-address" }).then(() => "failed");
  const transport = n.channel === "SMS" ? deps.sms : deps.email;
  try {
    const { providerRef } = await transport.send({ id: n.id, to: n.address, subject: row.subject, text: row.body, locale: row.locale });
    await finish(n.id, { status: "DELIVERED", providerRef });
    return "delivered";
  } catch (error) {
    return failedSend(n, error, finish, deps.now?.() ?? new Date());
  }
}
