import "server-only";
import { db } from "@/lib/db/client";
import { assertCanFor, denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import type { ConferenceAttendance } from "@/lib/generated/prisma/enums";
import { ConferenceValidationError } from "@/lib/domain/conferences/round-commands";

const ABOUT_BOOKING: AuditContext = { category: "conferences", route: "/mentor/conferences/[roundId]", target: "conferenceBooking" };
const FOLLOW_UP: AuditContext = { category: "conferences", route: "/mentor/conferences", target: "conferenceBooking" };

/** A booking the actor may mark: they host it, or the child is in one of their classes (their school's round). */
function markableWhere(actor: Actor, bookingId: string) {
  return {
    id: bookingId,
    cancelledAt: null,
    round: { schoolId: actor.schoolId ?? "" },
    OR: [{ staffId: actor.staffId ?? "" }, { pupil: { classGroupId: { in: actor.mentorOf } } }],
  };
}

/**
 * One-click attendance: came, didn't come (the family goes on the follow-up
 * list) or cancelled. Only once the conversation has started. Marking the same
 * again changes nothing; another mark corrects the first (a slip of the finger).
 * Anyone else: 404 and an audit row naming the pupil, nothing written.
 */
export async function markAttendance(
  actor: Actor, bookingId: string, attendance: ConferenceAttendance, { now = new Date() }: { now?: Date } = {},
): Promise<{ changed: boolean }> {
  await assertCanFor(actor, "conferences:host", "conference:attendance", bookingId, ABOUT_BOOKING);
  const booking = await db.conferenceBooking.findFirst({ where: markableWhere(actor, bookingId), select: { id: true, startsAt: true, attendance: true } });
  if (!booking) return denyAccess(actor, "conference:attendance", bookingId, ABOUT_BOOKING);
  if (booking.startsAt > now) throw new ConferenceValidationError({ _form: "conferenceSchool.errors.notStarted" });
  if (booking.attendance === attendance) return { changed: false };
  // The old value in the where: of two different clicks at once, the last one to arrive wins cleanly.
  const { count } = await db.conferenceBooking.updateMany({
    where: { id: booking.id, attendance: booking.attendance },
    data: { attendance, attendanceMarkedAt: now, ...(attendance === "NO_SHOW" ? { followUpDoneAt: null } : {}) },
  });
  // The booking does not say who marked it: the audit row does.
  if (count === 1) await writeAudit(actor, "conference:attendance", "ALLOWED", booking.id, { attendance }, ABOUT_BOOKING);
  return { changed: count === 1 };
}

/** The family was called: the no-show leaves the follow-up list. Twice is a no-op. */
export async function markFollowUpDone(actor: Actor, bookingId: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  await assertCanFor(actor, "conferences:host", "conference:followUp", bookingId, FOLLOW_UP);
  const booking = await db.conferenceBooking.findFirst({ where: { ...markableWhere(actor, bookingId), attendance: "NO_SHOW" }, select: { id: true } });
  if (!booking) return denyAccess(actor, "conference:followUp", bookingId, FOLLOW_UP);
  const { count } = await db.conferenceBooking.updateMany({ where: { id: booking.id, followUpDoneAt: null }, data: { followUpDoneAt: now } });
  if (count === 1) await writeAudit(actor, "conference:followUp", "ALLOWED", booking.id, undefined, FOLLOW_UP);
}
