import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";
import type { RenderedMessage } from "@/lib/notifications/templates";
import { queueDelivery } from "@/lib/notifications/queue";
import { afterQuietHours, DEFAULT_QUIET_HOURS, type QuietHours } from "@/lib/notifications/schedule";

// Messages from school staff to a guardian (issue 16): "your question was
// answered" and class announcements. Their text is written when queued, in the
// guardian's language, and sent as it is (deliver-school-message.ts); whether the
// guardian may still receive it is asked again when it is sent.

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export type SchoolMessage = {
  kind: "QUESTION_ANSWERED" | "CLASS_ANNOUNCEMENT" | "SURVEY_INVITATION" | "SURVEY_REMINDER";
  guardianId: string;
  /** The pupil whose link the message goes through (asked again when it is sent). */
  pupilId: string;
  schoolId: string;
  channel: AlertChannel;
  locale: Locale;
  address: string | null;
  message: RenderedMessage;
  /** One message per event and guardian: queued twice adds nothing. */
  requestKey: string;
  mentorQuestionId?: string | null;
  announcementId?: string | null;
  surveyId?: string | null;
};

/** Now, or after the school's quiet hours for a text message. */
export function sendAfterForSchoolMessage(now: Date, channel: AlertChannel, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  return channel === "SMS" ? afterQuietHours(now, quiet) : now;
}

/** Queues one message in the caller's transaction; returns the new outbox id, or null when it was queued before. */
export async function queueSchoolMessage(tx: Tx, m: SchoolMessage, sendAfter: Date): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("id", "kind", "guardianId", "pupilId", "schoolId", "channel", "locale", "address", "sendAfter",
                                "subject", "body", "requestKey", "mentorQuestionId", "announcementId", "surveyId", "updatedAt")
    VALUES (${randomUUID()}, ${m.kind}::"NotificationKind", ${m.guardianId}, ${m.pupilId}, ${m.schoolId}, ${m.channel}::"AlertChannel",
            ${m.locale}::"Locale", ${m.address}, ${sendAfter}, ${m.message.subject}, ${m.message.text}, ${m.requestKey},
            ${m.mentorQuestionId ?? null}, ${m.announcementId ?? null}, ${m.surveyId ?? null}, now())
    ON CONFLICT ("requestKey") DO NOTHING
    RETURNING "id"`;
  const id = rows[0]?.id ?? null;
  if (id) await queueDelivery(tx, id, sendAfter);
  return id;
}
