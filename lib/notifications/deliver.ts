import { db } from "@/lib/db/client";
import type { AlertChannel, Locale, NotificationKind } from "@/lib/generated/prisma/enums";
import { deliverAccountMail } from "@/lib/notifications/deliver-account";
import { ALERT_KINDS } from "@/lib/notifications/alerts";
import { queueDelivery } from "@/lib/notifications/queue";
import { mayReceiveAbsenceAlerts } from "@/lib/notifications/recipients";
import { LINK_FACTS_SELECT } from "@/lib/auth/guardian-rights-forms";
import { deliverStoredNotice } from "@/lib/notifications/deliver-notice";
import { deliverSchoolMessage } from "@/lib/notifications/deliver-school-message";
import { deliverConferenceReminder } from "@/lib/notifications/deliver-conference";
import { renderAlert } from "@/lib/notifications/templates";
import type { Transport } from "@/lib/notifications/transports/types";
import { failedSend } from "@/lib/notifications/send-failure";

// Delivering one outbox row. The row, not the job, is the truth:
// 1. claim it (PENDING → SENDING with a lease) in one UPDATE, so two workers
//    or a retried job can never both send it;
// 2. write the text from the records as they are now, in the guardian's language;
// 3. send, then mark DELIVERED in one UPDATE.
// A worker that dies after claiming leaves a SENDING row whose lease expires;
// the sweep queues it again. The only window for a duplicate is between the
// provider accepting the message and step 3's commit (milliseconds); the
// Message-ID / idempotency key is the outbox id so receivers can drop it.
// A provider that is away: the row goes back to PENDING with the next attempt
// time, retried over the budget in lib/notifications/retry.ts.
// See docs/decisions/0005-notification-outbox.md and 0042-provider-outage.md.

/**
 * `baseUrl`: the portal's public address, for links in account e-mails (default PUBLIC_URL or NEXTAUTH_URL).
 * `now`: the clock who may receive a message is decided by (tests fix it).
 */
export type DeliveryDeps = { email: Transport; sms: Transport; settingsUrl: string; leaseSeconds?: number; baseUrl?: string; now?: () => Date };

export type DeliveryOutcome = "delivered" | "skipped" | "not-claimed" | "failed" | "retry";

type Claimed = { id: string; guardianId: string; pupilId: string; aboutDate: Date; channel: AlertChannel; address: string | null; attempts: number };
type ClaimedRow = Omit<Claimed, "guardianId" | "pupilId" | "aboutDate"> & {
  kind: NotificationKind; guardianId: string | null; pupilId: string | null; aboutDate: Date | null; userId: string | null; schoolId: string | null;
};

/** The portal's public address (no trailing slash). */
export const publicBaseUrl = () => (process.env.PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");

export const leaseSeconds = () => Number(process.env.NOTIFICATION_LEASE_SECONDS ?? 120);

async function claim(id: string, lease: number): Promise<ClaimedRow | null> {
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "Notification"
       SET "status" = 'SENDING', "attempts" = "attempts" + 1,
           "lockedUntil" = now() + make_interval(secs => ${lease}::int), "updatedAt" = now()
     WHERE "id" = ${id}
       AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lockedUntil" < now()))
    RETURNING "id", "kind", "guardianId", "pupilId", "aboutDate", "channel", "address", "attempts", "userId", "schoolId"`;
  return rows[0] ?? null;
}

async function finish(id: string, data: { status: "DELIVERED" | "SKIPPED" | "FAILED"; lastError?: string; providerRef?: string; subject?: string; body?: string }) {
  await db.notification.updateMany({
    where: { id, status: "SENDING" },
    data: {
      status: data.status,
      lockedUntil: null,
      lastError: data.lastError ?? null,
      providerRef: data.providerRef,
      subject: data.subject,
      body: data.body,
      deliveredAt: data.status === "DELIVERED" ? new Date() : undefined,
    },
  });
}

async function loadFacts(n: Claimed) {
  return db.pupil.findUniqueOrThrow({
    where: { id: n.pupilId },
    select: {
      firstName: true,
      birthDate: true,
      school: { select: { phone: true } },
      classGroup: { select: { mentorships: { select: { staff: { select: { contactHours: true, user: { select: { name: true } } } } }, take: 1 } } },
      absences: { where: { date: n.aboutDate, kind: { in: [...ALERT_KINDS] } }, select: { lessonHour: true, kind: true, minutes: true } },
      guardianLinks: {
        where: { guardianId: n.guardianId },
        select: {
          ...LINK_FACTS_SELECT,
          guardian: { select: { user: { select: { locale: true, disabledAt: true } } } },
        },
      },
    },
  });
}

export async function deliverNotification(id: string, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const row = await claim(id, deps.leaseSeconds ?? leaseSeconds());
  if (!row) return "not-claimed";
  if (row.kind === "INVITATION" || row.kind === "PASSWORD_RESET") {
    return deliverAccountMail({ ...row, kind: row.kind }, { email: deps.email, baseUrl: deps.baseUrl ?? publicBaseUrl(), now: deps.now }, finish);
  }
  if (row.kind === "CONSENT_NOTICE" || row.kind === "INFORMATION_DECISION") return deliverStoredNotice(row, deps, finish);
  if (row.kind === "QUESTION_ANSWERED" || row.kind === "CLASS_ANNOUNCEMENT" || row.kind === "SURVEY_INVITATION" || row.kind === "SURVEY_REMINDER") return deliverSchoolMessage(row, deps, finish);
  if (row.kind === "CONFERENCE_REMINDER") return deliverConferenceReminder(row, { ...deps, baseUrl: deps.baseUrl ?? publicBaseUrl() }, finish);
  // An absence alert always names its guardian, pupil and day.
  const n = row as Claimed;
  const facts = await loadFacts(n);
  const link = facts.guardianLinks[0];
  if (!link || link.guardian.user.disabledAt || !mayReceiveAbsenceAlerts(link, facts.birthDate, deps.now?.() ?? new Date())) {
    await finish(n.id, { status: "SKIPPED", lastError: "not-eligible" });
    return "skipped";
  }
  const locale: Locale = link.guardian.user.locale;
  const mentor = facts.classGroup.mentorships[0]?.staff;
  const message = renderAlert(locale, n.channel, {
    pupilFirstName: facts.firstName,
    date: n.aboutDate,
    records: facts.absences,
    mentor: mentor ? { name: mentor.user.name, contactHours: mentor.contactHours } : null,
    schoolPhone: facts.school.phone,
    settingsUrl: deps.settingsUrl,
  });
  if (!message) {
    await finish(n.id, { status: "SKIPPED", lastError: "nothing-to-tell" });
    return "skipped";
  }
  if (n.channel === "PORTAL") {
    await finish(n.id, { status: "DELIVERED", providerRef: "portal", subject: message.subject, body: message.text });
    return "delivered";
  }
  if (!n.address) {
    await finish(n.id, { status: "FAILED", lastError: "no-address" });
    return "failed";
  }
  const transport = n.channel === "SMS" ? deps.sms : deps.email;
  try {
    const { providerRef } = await transport.send({ id: n.id, to: n.address, subject: message.subject, text: message.text, locale });
    await finish(n.id, { status: "DELIVERED", providerRef, subject: message.subject, body: message.text });
    return "delivered";
  } catch (error) {
    return failedSend(n, error, finish, deps.now?.() ?? new Date());
  }
}

/**
 * Queues again what a crashed worker left behind: rows waiting past their time
 * without a job that will run them by then, and claimed rows whose lease ran
 * out. Queuing again is harmless: the job key is the row id and the claim
 * decides who sends. A row whose job waits unlocked, with attempts left and due
 * no later than the row, is skipped: the worker will run it, and queuing it
 * again on a large backlog only slows delivery down. (A provider's retry moves
 * the row's time and its job's together, so it is not pulled forward.)
 */
export async function sweepOutbox(graceSeconds = Number(process.env.OUTBOX_SWEEP_GRACE_SECONDS ?? 30)): Promise<number> {
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT n."id" FROM "Notification" n
     WHERE (n."status" = 'PENDING' AND n."sendAfter" < now() - make_interval(secs => ${graceSeconds}::int)
            AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j
                             WHERE j.key = n."id" AND j.locked_at IS NULL AND j.attempts < j.max_attempts AND j.run_at <= n."sendAfter"))
        OR (n."status" = 'SENDING' AND n."lockedUntil" < now())
     LIMIT 500`;
  const now = new Date();
  for (const { id } of stale) await queueDelivery(db, id, now);
  return stale.length;
}
