import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { guardianScope } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, type AuditAction, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { NEAREST_OFFERS } from "@/lib/domain/conferences/booking-fields";
import { eveningOf, householdKey, nearestSlots, reminderSendAfter, windowOpen } from "@/lib/domain/conferences/booking-rules";
import type { BookSlotInput, MoveBookingInput } from "@/lib/domain/conferences/booking-schemas";
import { queueReminders, reminderChannel, reminderKey, skipReminders } from "@/lib/domain/conferences/reminders";
import { DELIVER_TASK, MAX_ATTEMPTS } from "@/lib/notifications/queue";
import type { AlertChannel, Locale } from "@/lib/generated/prisma/enums";

// A parent books, moves, cancels or joins a conference (issue 16; decision 0026).
// A slot is held by a ConferenceSlotClaim whose primary key is the slot: of two
// bookings racing for it, the database lets exactly one insert the claim; the
// other transaction fails and writes nothing. No check-then-insert.

const PAGE: AuditContext = { category: "conferences", route: "/parent/conferences" };
const ABOUT_BOOKING: AuditContext = { ...PAGE, target: "conferenceBooking" };

export type BookingErrorReason =
  | "notInRound" | "windowClosed" | "slotNotInRound" | "slotPast" | "hostNotForChild" | "slotTaken"
  | "noSecondSlot" | "alreadyBooked" | "sharedBooking" | "cancelled" | "keyReused";

export type OfferedSlot = { id: string; startsAt: Date; endsAt: Date };

/** An expected refusal, shown translated (conferenceErrors.<reason>); a lost race carries the nearest free slots. */
export class BookingError extends AppError {
  constructor(public readonly reason: BookingErrorReason, public readonly offers: OfferedSlot[] = [], public readonly bookingId: string | null = null) {
    super(reason === "slotTaken" || reason === "alreadyBooked" || reason === "sharedBooking" || reason === "keyReused" ? "conflict" : "invalidInput");
  }
}

export type BookingResult = { id: string; created: boolean };

/** In a rush a transaction may wait for a pool connection longer than Prisma's 2 s default: wait, rather than fail with a 500. */
const BUSY = { maxWait: 15_000, timeout: 20_000 } as const;

const slotSelect = { id: true, roundId: true, staffId: true, startsAt: true, endsAt: true } as const;
type Slot = { id: string; roundId: string; staffId: string; startsAt: Date; endsAt: Date };

/** A unique violation, from a Prisma call (P2002) or a raw statement (SQLSTATE 23505 in the driver's error). */
function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (e.code === "P2002") return true;
  return e.code === "P2010" && /23505|unique/i.test(`${JSON.stringify(e.meta ?? {})} ${e.message}`);
}

/** The booker's reminder, planned before the booking is written (the same rules as queueReminders). */
function plannedReminder(
  booker: { alertChannel: AlertChannel; phone: string | null; user: { email: string | null; locale: Locale } },
  school: { quietHoursStart: string; quietHoursEnd: string },
  startsAt: Date,
  now: Date,
) {
  const { channel, address } = reminderChannel({ alertChannel: booker.alertChannel, email: booker.user.email, phone: booker.phone });
  return {
    id: randomUUID(), channel, address, locale: booker.user.locale,
    sendAfter: reminderSendAfter(startsAt, now, channel, { start: school.quietHoursStart, end: school.quietHoursEnd }),
    aboutDate: eveningOf(startsAt),
  };
}

/** The slot and, for an interpreter, the one straight after it (same host and round). */
async function slotsToClaim(slot: Slot, double: boolean): Promise<Slot[]> {
  if (!double) return [slot];
  const next = await db.conferenceSlot.findFirst({ where: { roundId: slot.roundId, staffId: slot.staffId, startsAt: slot.endsAt }, select: slotSelect });
  if (!next) throw new BookingError("noSecondSlot");
  return [slot, next];
}

/** The free slots of the host nearest the one that was lost (for a double request: those with a free slot after them). */
async function nearestFreeSlots(roundId: string, staffId: string, wanted: Date, double: boolean, now: Date): Promise<OfferedSlot[]> {
  const free = await db.conferenceSlot.findMany({
    where: { roundId, staffId, startsAt: { gt: now }, claim: null },
    select: { id: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: "asc" },
  });
  const usable = double ? free.filter((s) => free.some((n) => n.startsAt.getTime() === s.endsAt.getTime())) : free;
  return nearestSlots(usable, wanted, NEAREST_OFFERS);
}

async function resubmission(key: string, guardianId: string, pupilId: string): Promise<BookingResult | null> {
  const earlier = await db.conferenceBooking.findUnique({ where: { idempotencyKey: key }, select: { id: true, bookedByGuardianId: true, pupilId: true } });
  if (!earlier) return null;
  // The same key from someone else, or for another child, is not a resubmission.
  if (earlier.bookedByGuardianId !== guardianId || earlier.pupilId !== pupilId) throw new BookingError("keyReused");
  return { id: earlier.id, created: false };
}

/**
 * A guardian with the right to book (lib/auth/guardian-rights.ts) books a slot
 * for their child with the child's mentor or a host of the round. Submitting
 * the same form twice books once. A child they may not book for: 404 + audit.
 */
export async function bookSlot(actor: Actor, input: BookSlotInput, { now = new Date() }: { now?: Date } = {}): Promise<BookingResult> {
  const action: AuditAction = "conference:book";
  await assertCanFor(actor, "conference:book", action, input.pupilId, PAGE);
  const guardianId = actor.guardianId;
  if (!guardianId) throw new AppError("forbidden");
  const pupil = await db.pupil.findFirst({
    where: { id: input.pupilId, ...guardianScope(actor, "book", now) },
    select: {
      id: true, schoolId: true, classGroupId: true,
      guardianLinks: {
        where: { guardianId },
        select: { household: true, guardian: { select: { alertChannel: true, phone: true, user: { select: { email: true, locale: true } } } } },
      },
      school: { select: { quietHoursStart: true, quietHoursEnd: true } },
      classGroup: { select: { mentorships: { select: { staffId: true } } } },
    },
  });
  if (!pupil) return denyAccess(actor, action, input.pupilId, PAGE);

  // A resubmission is answered before the rules: the window may have closed in between.
  const earlier = await resubmission(input.idempotencyKey, guardianId, pupil.id);
  if (earlier) return earlier;

  const round = await db.conferenceRound.findFirst({
    where: { id: input.roundId, schoolId: pupil.schoolId, classes: { some: { classGroupId: pupil.classGroupId } } },
    select: { id: true, bookingOpensAt: true, bookingClosesAt: true, parentMode: true, hosts: { select: { staffId: true } } },
  });
  if (!round) throw new BookingError("notInRound");
  if (!windowOpen(round, now)) throw new BookingError("windowClosed");
  const slot = await db.conferenceSlot.findFirst({ where: { id: input.slotId, roundId: round.id }, select: slotSelect });
  if (!slot) throw new BookingError("slotNotInRound");
  if (slot.startsAt <= now) throw new BookingError("slotPast");
  const hosts = new Set([...pupil.classGroup.mentorships.map((m) => m.staffId), ...round.hosts.map((h) => h.staffId)]);
  if (!hosts.has(slot.staffId)) throw new BookingError("hostNotForChild");
  const slots = await slotsToClaim(slot, input.interpreterLanguage !== null);
  const key = householdKey(round.parentMode, { household: pupil.guardianLinks[0]?.household ?? null }, guardianId);

  const booker = pupil.guardianLinks[0].guardian;
  const reminder = plannedReminder(booker, pupil.school, slots[0].startsAt, now);
  const bookingId = randomUUID();
  try {
    // One statement, so one round trip and atomic without a transaction held open across
    // round trips (a booking rush must not queue for pool connections): the booking, its
    // claims — the constraint: a slot another booking holds fails the whole statement, after
    // waiting for that booking's statement to end — the booker as attending guardian, and
    // the booker's reminder with its delivery job (decision 0005: row and job together).
    await db.$queryRaw`
      WITH b AS (
        INSERT INTO "ConferenceBooking" ("id", "roundId", "pupilId", "staffId", "bookedByGuardianId", "householdKey", "startsAt", "endsAt",
                                         "interpreterLanguage", "childcare", "idempotencyKey", "createdAt", "updatedAt")
        VALUES (${bookingId}, ${round.id}, ${pupil.id}, ${slot.staffId}, ${guardianId}, ${key}, ${slots[0].startsAt}, ${slots[slots.length - 1].endsAt},
                ${input.interpreterLanguage}, ${input.childcare}, ${input.idempotencyKey}, ${now}, ${now})
        RETURNING "id"),
      c AS (INSERT INTO "ConferenceSlotClaim" ("slotId", "bookingId") SELECT s, b.id FROM b, unnest(${slots.map((x) => x.id)}::text[]) AS s RETURNING 1),
      g AS (INSERT INTO "ConferenceBookingGuardian" ("bookingId", "guardianId", "joinedAt") SELECT b.id, ${guardianId}, ${now} FROM b RETURNING 1),
      n AS (
        INSERT INTO "Notification" ("id", "kind", "guardianId", "pupilId", "schoolId", "aboutDate", "channel", "locale", "address", "sendAfter",
                                    "conferenceBookingId", "requestKey", "updatedAt")
        SELECT ${reminder.id}, 'CONFERENCE_REMINDER'::"NotificationKind", ${guardianId}, ${pupil.id}, ${pupil.schoolId}, ${reminder.aboutDate}::date,
               ${reminder.channel}::"AlertChannel", ${reminder.locale}::"Locale", ${reminder.address}, ${reminder.sendAfter}, b.id,
               ${reminderKey(bookingId, guardianId, slots[0].startsAt)}, now()
          FROM b
        RETURNING "id")
      SELECT (SELECT count(*)::int FROM c) AS claims, (SELECT count(*)::int FROM g) AS joined,
             (SELECT count(*)::int FROM (SELECT graphile_worker.add_job(${DELIVER_TASK}::text, json_build_object('id', n.id), run_at => ${reminder.sendAfter}::timestamptz,
                                            max_attempts => ${MAX_ATTEMPTS}::int, job_key => n.id) FROM n) j) AS jobs`;
    return { id: bookingId, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Which constraint: the same form again, a live booking of this household, or the slot.
    const again = await resubmission(input.idempotencyKey, guardianId, pupil.id);
    if (again) return again;
    const live = await db.conferenceBooking.findFirst({
      where: { roundId: round.id, pupilId: pupil.id, staffId: slot.staffId, householdKey: key, cancelledAt: null },
      select: { id: true, bookedByGuardianId: true, guardians: { where: { guardianId }, select: { guardianId: true } } },
    });
    if (live) throw new BookingError(live.guardians.length > 0 ? "alreadyBooked" : "sharedBooking", [], live.id);
    throw new BookingError("slotTaken", await nearestFreeSlots(round.id, slot.staffId, slot.startsAt, slots.length > 1, now));
  }
}

/** A live or cancelled booking this guardian attends, of a child they may book for; else 404 + audit. */
async function attendedBooking(actor: Actor, action: AuditAction, bookingId: string, now: Date) {
  await assertCanFor(actor, "conference:book", action, bookingId, ABOUT_BOOKING);
  const guardianId = actor.guardianId;
  if (!guardianId) throw new AppError("forbidden");
  const booking = await db.conferenceBooking.findFirst({
    where: { id: bookingId, guardians: { some: { guardianId } }, pupil: guardianScope(actor, "book", now) },
    select: {
      id: true, roundId: true, staffId: true, startsAt: true, endsAt: true, cancelledAt: true, interpreterLanguage: true,
      round: { select: { bookingOpensAt: true, bookingClosesAt: true } },
    },
  });
  if (!booking) return denyAccess(actor, action, bookingId, ABOUT_BOOKING);
  return booking;
}

/**
 * Moves a booking to another slot of the same host, in one transaction: the
 * old claims go and the new ones are made, or (the new slot was taken) nothing
 * changes. The reminders move with it.
 */
export async function moveBooking(actor: Actor, input: MoveBookingInput, { now = new Date() }: { now?: Date } = {}): Promise<BookingResult> {
  const booking = await attendedBooking(actor, "conference:move", input.bookingId, now);
  if (booking.cancelledAt) throw new BookingError("cancelled");
  if (!windowOpen(booking.round, now)) throw new BookingError("windowClosed");
  const slot = await db.conferenceSlot.findFirst({ where: { id: input.slotId, roundId: booking.roundId, staffId: booking.staffId }, select: slotSelect });
  if (!slot) throw new BookingError("slotNotInRound");
  if (slot.startsAt <= now) throw new BookingError("slotPast");
  const slots = await slotsToClaim(slot, booking.interpreterLanguage !== null);
  try {
    await db.$transaction(async (tx) => {
      // One move of this booking at a time; a cancel in between wins.
      const [locked] = await tx.$queryRaw<{ cancelledAt: Date | null }[]>`SELECT "cancelledAt" FROM "ConferenceBooking" WHERE "id" = ${booking.id} FOR UPDATE`;
      if (locked?.cancelledAt) throw new BookingError("cancelled");
      await tx.conferenceSlotClaim.deleteMany({ where: { bookingId: booking.id } });
      await tx.conferenceSlotClaim.createMany({ data: slots.map((s) => ({ slotId: s.id, bookingId: booking.id })) });
      await tx.conferenceBooking.update({ where: { id: booking.id }, data: { startsAt: slots[0].startsAt, endsAt: slots[slots.length - 1].endsAt, updatedAt: now } });
      await skipReminders(tx, booking.id, "moved");
      await queueReminders(tx, booking.id, now);
    }, BUSY);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new BookingError("slotTaken", await nearestFreeSlots(booking.roundId, booking.staffId, slot.startsAt, slots.length > 1, now));
  }
  return { id: booking.id, created: false };
}

/** Cancels a booking: its slots are free again, the booking is kept with cancelledAt, reminders are skipped. Twice is a no-op. */
export async function cancelBooking(actor: Actor, bookingId: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const booking = await attendedBooking(actor, "conference:cancel", bookingId, now);
  if (booking.cancelledAt) return;
  if (!windowOpen(booking.round, now)) throw new BookingError("windowClosed");
  await db.$transaction(async (tx) => {
    // cancelledAt: null in the where: of two clicks at once, only one changes anything.
    const { count } = await tx.conferenceBooking.updateMany({ where: { id: booking.id, cancelledAt: null }, data: { cancelledAt: now, updatedAt: now } });
    if (count === 0) return;
    await tx.conferenceSlotClaim.deleteMany({ where: { bookingId: booking.id } });
    await skipReminders(tx, booking.id, "cancelled");
  }, BUSY);
}

/**
 * In a SHARED round the other parent joins the conversation the first one
 * booked (and gets their own reminder). Joining twice is one join.
 */
export async function joinBooking(actor: Actor, bookingId: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const action: AuditAction = "conference:join";
  await assertCanFor(actor, "conference:book", action, bookingId, ABOUT_BOOKING);
  const guardianId = actor.guardianId;
  if (!guardianId) throw new AppError("forbidden");
  const booking = await db.conferenceBooking.findFirst({
    where: { id: bookingId, cancelledAt: null, round: { parentMode: "SHARED" }, pupil: guardianScope(actor, "book", now) },
    select: { id: true, round: { select: { bookingOpensAt: true, bookingClosesAt: true } } },
  });
  if (!booking) return denyAccess(actor, action, bookingId, ABOUT_BOOKING);
  if (!windowOpen(booking.round, now)) throw new BookingError("windowClosed");
  await db.$transaction(async (tx) => {
    const { count } = await tx.conferenceBookingGuardian.createMany({ data: [{ bookingId: booking.id, guardianId, joinedAt: now }], skipDuplicates: true });
    if (count > 0) await queueReminders(tx, booking.id, now, [guardianId]);
  }, BUSY);
}
