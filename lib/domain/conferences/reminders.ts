import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import { queueDelivery } from "@/lib/notifications/queue";
import { reminderSendAfter, eveningOf } from "@/lib/domain/conferences/booking-rules";

// Conference reminders (issue 16): one outbox row per attending guardian,
// queued in the same transaction as the booking, moved with it and skipped
// when it is cancelled. The text is written when it is sent
// (lib/notifications/deliver-conference.ts), from the booking as it is then.

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

type Recipient = {
  guardianId: string; pupilId: string; schoolId: string; startsAt: Date; locale: Locale;
  email: string | null; phone: string | null; alertChannel: AlertChannel; quietHoursStart: string; quietHoursEnd: string;
};

/** The guardian's own channel; SMS without a phone number goes by e-mail, e-mail without an address only to the portal. */
export function reminderChannel(r: Pick<Recipient, "alertChannel" | "email" | "phone">): { channel: AlertChannel; address: string | null } {
  if (r.alertChannel === "SMS" && r.phone) return { channel: "SMS", address: r.phone };
  if (r.alertChannel !== "PORTAL" && r.email) return { channel: "EMAIL", address: r.email };
  return { channel: "PORTAL", address: null };
}

/** One reminder per guardian and conversation time: a replay adds nothing. */
export const reminderKey = (bookingId: string, guardianId: string, startsAt: Date) => `conference-reminder:${bookingId}:${guardianId}:${startsAt.toISOString()}`;

/**
 * Queues the reminders of a live booking for its attending guardians (or only
 * `guardianIds`), in the caller's transaction. A reminder skipped earlier for
 * the same time (the booking was moved away and back) is queued again.
 */
export async function queueReminders(tx: Tx, bookingId: string, now: Date, guardianIds: string[] | null = null): Promise<number> {
  const recipients = await tx.$queryRaw<Recipient[]>`
    SELECT bg."guardianId", b."pupilId", p."schoolId", b."startsAt", u."locale", u."email", g."phone", g."alertChannel",
           s."quietHoursStart", s."quietHoursEnd"
      FROM "ConferenceBookingGuardian" bg
      JOIN "ConferenceBooking" b ON b.id = bg."bookingId"
      JOIN "Pupil" p ON p.id = b."pupilId"
      JOIN "School" s ON s.id = p."schoolId"
      JOIN "Guardian" g ON g.id = bg."guardianId"
      JOIN "User" u ON u.id = g."userId"
     WHERE bg."bookingId" = ${bookingId} AND b."cancelledAt" IS NULL AND u."disabledAt" IS NULL
       AND (${guardianIds}::text[] IS NULL OR bg."guardianId" = ANY(${guardianIds}::text[]))`;
  let queued = 0;
  for (const r of recipients) {
    const { channel, address } = reminderChannel(r);
    const sendAfter = reminderSendAfter(r.startsAt, now, channel, { start: r.quietHoursStart, end: r.quietHoursEnd });
    const aboutDate = new Date(`${eveningOf(r.startsAt)}T00:00:00.000Z`);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Notification" ("id", "kind", "guardianId", "pupilId", "schoolId", "aboutDate", "channel", "locale", "address", "sendAfter",
                                  "conferenceBookingId", "requestKey", "updatedAt")
      VALUES (${randomUUID()}, 'CONFERENCE_REMINDER'::"NotificationKind", ${r.guardianId}, ${r.pupilId}, ${r.schoolId}, ${aboutDate}::date,
              ${channel}::"AlertChannel", ${r.locale}::"Locale", ${address}, ${sendAfter}, ${bookingId},
              ${reminderKey(bookingId, r.guardianId, r.startsAt)}, now())
      ON CONFLICT ("requestKey") DO UPDATE
        SET "status" = 'PENDING', "sendAfter" = EXCLUDED."sendAfter", "channel" = EXCLUDED."channel", "address" = EXCLUDED."address",
            "locale" = EXCLUDED."locale", "lastError" = NULL, "attempts" = 0, "updatedAt" = now()
        WHERE "Notification"."status" = 'SKIPPED'
      RETURNING "id"`;
    for (const { id } of rows) {
      await queueDelivery(tx, id, sendAfter);
      queued += 1;
    }
  }
  return queued;
}

/** Reminders of a booking that have not gone yet are skipped (cancelled, or moved: new ones follow). */
export async function skipReminders(tx: Tx, bookingId: string, reason: "cancelled" | "moved"): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Notification" SET "status" = 'SKIPPED', "lastError" = ${reason}, "lockedUntil" = NULL, "updatedAt" = now()
     WHERE "conferenceBookingId" = ${bookingId} AND "kind" = 'CONFERENCE_REMINDER' AND "status" = 'PENDING'`;
}
