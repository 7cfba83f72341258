import { db } from "@/lib/db/client";
import type { AlertChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { guardianRights } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import { deliverStoredNotice } from "@/lib/notifications/deliver-notice";
import type { Transport } from "@/lib/notifications/transports/types";

// Delivering a message from school staff (school-messages.ts). Its text was
// written when queued; the rule (lib/auth/guardian-rights.ts) is asked again
// now: an announcement or a survey invitation/reminder needs "other messages", a note about an answer the
// right to talk with the mentor. A link restricted in between, or a pupil who
// turned 18 without consent, means the message is skipped.

type Claimed = { id: string; kind: NotificationKind; guardianId: string | null; pupilId: string | null; channel: AlertChannel; address: string | null; attempts: number };
type Finish = (id: string, data: { status: "DELIVERED" | "SKIPPED" | "FAILED"; lastError?: string; providerRef?: string }) => Promise<void>;

export async function deliverSchoolMessage(n: Claimed, deps: { email: Transport; sms: Transport; now?: () => Date }, finish: Finish) {
  const link = n.guardianId && n.pupilId
    ? await db.guardianLink.findUnique({
        where: { guardianId_pupilId: { guardianId: n.guardianId, pupilId: n.pupilId } },
        select: { ...LINK_FACTS_SELECT, pupil: { select: { birthDate: true } } },
      })
    : null;
  const rights = link ? guardianRights(link, link.pupil.birthDate, deps.now?.() ?? new Date()) : null;
  const allowed = rights ? (n.kind === "CLASS_ANNOUNCEMENT" || n.kind === "SURVEY_INVITATION" || n.kind === "SURVEY_REMINDER" ? rights.receive.otherMessages : rights.see.mentor) : false;
  if (!allowed) {
    await finish(n.id, { status: "SKIPPED", lastError: "not-eligible" });
    return "skipped" as const;
  }
  return deliverStoredNotice(n, deps, finish);
}
