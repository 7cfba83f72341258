import type { Prisma } from "@/lib/generated/prisma/client";
import type { AbsenceKind } from "@/lib/generated/prisma/enums";
import { addressFor, effectiveChannel, mayReceiveAbsenceAlerts } from "@/lib/notifications/recipients";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import { coalesceSeconds, sendAfterFor } from "@/lib/notifications/schedule";
import { queueDelivery } from "@/lib/notifications/queue";

/** Absence kinds that guardians hear about the same day. */
export const ALERT_KINDS = ["UNAUTHORISED", "LATE"] as const satisfies readonly AbsenceKind[];

export function isAlertKind(kind: AbsenceKind): boolean {
  return (ALERT_KINDS as readonly AbsenceKind[]).includes(kind);
}

type Tx = Prisma.TransactionClient;

/**
 * Queues a same-day absence alert about `pupilId` on `date` for every guardian
 * who may receive it. Call it inside the transaction that wrote the absence
 * records. Several records for one pupil on one day become one message: while a
 * message for that guardian, pupil and day is still waiting, nothing new is
 * queued (a partial unique index guarantees it); the message is written when it
 * is sent, from the records as they are then.
 * Returns the ids of newly queued messages.
 */
export async function queueAbsenceAlerts(tx: Tx, input: { pupilId: string; date: Date; now?: Date }): Promise<string[]> {
  const now = input.now ?? new Date();
  const pupil = await tx.pupil.findUniqueOrThrow({
    where: { id: input.pupilId },
    select: {
      schoolId: true,
      birthDate: true,
      school: { select: { quietHoursStart: true, quietHoursEnd: true } },
      guardianLinks: {
        select: {
          ...LINK_FACTS_SELECT,
          guardian: { select: { id: true, phone: true, alertChannel: true, alertTiming: true, user: { select: { email: true, locale: true, disabledAt: true } } } },
        },
      },
    },
  });
  const quiet = { start: pupil.school.quietHoursStart, end: pupil.school.quietHoursEnd };
  const queued: string[] = [];
  for (const link of pupil.guardianLinks) {
    const { guardian } = link;
    // Asked at the moment of registering: from 00:00 on the 18th birthday only with the pupil's consent.
    if (guardian.user.disabledAt || !mayReceiveAbsenceAlerts(link, pupil.birthDate, now)) continue;
    const channel = effectiveChannel(guardian.alertChannel, guardian.phone, guardian.user.email);
    const sendAfter = sendAfterFor(now, channel, guardian.alertTiming, coalesceSeconds(), quiet);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Notification" ("id", "kind", "guardianId", "pupilId", "schoolId", "aboutDate", "channel", "locale", "address", "sendAfter", "updatedAt")
      VALUES (${crypto.randomUUID()}, 'ABSENCE_ALERT', ${guardian.id}, ${input.pupilId}, ${pupil.schoolId}, ${input.date}::date,
              ${channel}::"AlertChannel", ${guardian.user.locale}::"Locale", ${addressFor(channel, guardian.user.email, guardian.phone)},
              ${sendAfter}, now())
      ON CONFLICT ("guardianId", "pupilId", "aboutDate", "kind") WHERE "status" = 'PENDING' DO NOTHING
      RETURNING "id"`;
    for (const row of rows) {
      await queueDelivery(tx, row.id, sendAfter);
      queued.push(row.id);
    }
  }
  return queued;
}
