import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import { writeAuditForList } from "@/lib/auth/audit";
import { AppError } from "@/lib/errors";
import type { NotificationStatus } from "@/lib/generated/prisma/enums";
import { DELIVERY_REASONS, type DeliveryReason } from "@/lib/notifications/transports/types";

export const NOTIFICATION_STATUSES = ["PENDING", "SENDING", "DELIVERED", "FAILED", "SKIPPED"] as const satisfies readonly NotificationStatus[];
/**
 * What the school sees: the statuses, with PENDING split in two. "Waiting to retry" (RETRYING)
 * is a PENDING row that has been tried: the provider was away, the next attempt is at
 * `sendAfter` (lib/notifications/send-failure.ts, docs/decisions/0042).
 */
export const DELIVERY_STATES = ["PENDING", "RETRYING", "SENDING", "DELIVERED", "FAILED", "SKIPPED"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const stateWhere = (state: DeliveryState) =>
  state === "RETRYING" ? { status: "PENDING" as const, attempts: { gt: 0 } }
  : state === "PENDING" ? { status: "PENDING" as const, attempts: 0 }
  : { status: state };

/** A stored reason the delivery view can translate ("sms-temporary 503"), or null for anything else. */
export function deliveryReason(lastError: string | null): { code: DeliveryReason; providerStatus: number | null } | null {
  const match = lastError ? /^([a-z-]+)(?: (\d{3}))?$/.exec(lastError) : null;
  if (!match || !(DELIVERY_REASONS as readonly string[]).includes(match[1])) return null;
  return { code: match[1] as DeliveryReason, providerStatus: match[2] ? Number(match[2]) : null };
}
export const DELIVERY_PAGE_SIZE = 50;
const ERROR_MAX = 120;

/** The filter in the address bar; anything unknown falls back to "all" and page 1. */
export const DeliveryLogQuery = z.object({
  status: z.enum(DELIVERY_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type DeliveryLogQuery = z.infer<typeof DeliveryLogQuery>;

/**
 * A provider's error, short and without personal data: first line only, e-mail addresses and
 * phone numbers (and other long digit runs) masked, at most 120 characters.
 */
export function shortError(error: string | null): string | null {
  if (!error) return null;
  const line = error.split(/\r?\n/, 1)[0]
    .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g, "…@…")
    .replace(/\+?\d[\d\s().-]{6,}\d/g, "…")
    .trim();
  return line.length > ERROR_MAX ? `${line.slice(0, ERROR_MAX - 1)}…` : line;
}

/**
 * The school's outbox, newest first, 50 per page, with counts per status. The subject is
 * shown (it is the school's own message), the body never; nor the address it went to.
 *
 * Queries: 3, in parallel (the page, the counts per status, the count waiting to retry), then the audit rows of the pupils shown (one statement). Offset paging: the log is read from the
 * top, and (schoolId, createdAt) keeps the first pages cheap.
 */
export async function getDeliveryLog(actor: Actor, { status, page = 1 }: { status?: DeliveryState; page?: number } = {}) {
  assertCan(actor, "attendance:view");
  if (!actor.schoolId) throw new AppError("forbidden");
  // Absence alerts only: account e-mails (invitations, resets) name no pupil and are not the attendance officer's.
  const school = { schoolId: actor.schoolId, kind: "ABSENCE_ALERT" as const, pupil: scopeFor(actor, "pupil") };
  const [rows, grouped, retrying] = await Promise.all([
    db.notification.findMany({
      where: { ...school, ...(status ? stateWhere(status) : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DELIVERY_PAGE_SIZE,
      take: DELIVERY_PAGE_SIZE + 1,
      select: {
        id: true, kind: true, channel: true, status: true, attempts: true, aboutDate: true, sendAfter: true, deliveredAt: true,
        lastError: true, subject: true, createdAt: true, pupilId: true,
        pupil: { select: { firstName: true, lastName: true, classGroup: { select: { name: true } } } },
        guardian: { select: { user: { select: { name: true } } } },
      },
    }),
    db.notification.groupBy({ by: ["status"], where: school, _count: { _all: true } }),
    db.notification.count({ where: { ...school, ...stateWhere("RETRYING") } }),
  ]);
  // One row per pupil named on this page of the log.
  const shown = rows.slice(0, DELIVERY_PAGE_SIZE).flatMap((n) => (n.pupilId ? [n.pupilId] : []));
  await writeAuditForList(actor, "attendance:view", [...new Set(shown)], { category: "messages", route: "/attendance/messages" });
  const counts = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  counts.PENDING -= retrying;
  counts.RETRYING = retrying;
  return {
    status: status ?? null,
    page,
    hasNext: rows.length > DELIVERY_PAGE_SIZE,
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    // An absence alert always names its pupil, guardian and day (the filter above).
    rows: rows.slice(0, DELIVERY_PAGE_SIZE).flatMap((n) => (n.pupil && n.guardian && n.aboutDate ? [{ ...n, pupil: n.pupil, guardian: n.guardian, aboutDate: n.aboutDate }] : [])).map((n) => ({
      id: n.id,
      kind: n.kind,
      channel: n.channel,
      status: n.status,
      state: (n.status === "PENDING" && n.attempts > 0 ? "RETRYING" : n.status) as DeliveryState,
      attempts: n.attempts,
      aboutDate: n.aboutDate,
      sendAfter: n.sendAfter,
      deliveredAt: n.deliveredAt,
      createdAt: n.createdAt,
      subject: n.subject,
      lastError: shortError(n.lastError),
      reason: deliveryReason(n.lastError),
      pupilName: `${n.pupil.firstName} ${n.pupil.lastName}`,
      className: n.pupil.classGroup.name,
      guardianName: n.guardian.user.name,
    })),
  };
}

export type DeliveryLog = Awaited<ReturnType<typeof getDeliveryLog>>;
export type DeliveryRow = DeliveryLog["rows"][number];
