import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { cutSlots } from "@/lib/domain/conferences/slots";
import type { RoundInput } from "@/lib/domain/conferences/round-schemas";

export const ROUNDS_PAGE: AuditContext = { category: "conferences", route: "/leader/conferences" };

/** Field errors (catalogue keys) of a round or block that the rules refuse. */
export class ConferenceValidationError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super("invalidInput");
  }
}

/**
 * The classes and extra hosts of a round must be the leader's own school's
 * Anything else is refused with an audit row
 * naming the id asked for, before anything is written.
 */
async function checkSchoolOwns(actor: Actor, input: Pick<RoundInput, "classIds" | "hostStaffIds">) {
  const schoolId = actor.schoolId!;
  const [classes, staff] = await Promise.all([
    db.classGroup.findMany({
      where: { id: { in: input.classIds }, schoolId },
      select: { id: true },
    }),
    db.staff.findMany({ where: { id: { in: input.hostStaffIds }, schoolId }, select: { id: true } }),
  ]);
  const foreignClass = input.classIds.find((id) => !classes.some((c) => c.id === id));
  const foreignStaff = input.hostStaffIds.find((id) => !staff.some((s) => s.id === id));
  if (foreignClass || foreignStaff) {
    await writeAudit(actor, "conference:create", "DENIED", foreignClass ?? foreignStaff!, { reason: foreignClass ? "class" : "staff" }, ROUNDS_PAGE);
    throw new ConferenceValidationError(foreignClass ? { classIds: "conferenceSchool.errors.unknownClass" } : { hostStaffIds: "conferenceSchool.errors.unknownHost" });
  }
}

/**
 * The school leader opens a conference round for classes of their own school.
 * The same form submitted twice (same idempotency key) is one round.
 */
export async function createRound(actor: Actor, input: RoundInput, { now = new Date() }: { now?: Date } = {}): Promise<{ id: string; created: boolean }> {
  assertCan(actor, "conferences:manage");
  if (!actor.schoolId) throw new AppError("forbidden");
  const earlier = await db.conferenceRound.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, schoolId: true } });
  if (earlier) {
    if (earlier.schoolId !== actor.schoolId) throw new AppError("conflict");
    return { id: earlier.id, created: false };
  }
  if (input.closesAt <= now) throw new ConferenceValidationError({ closesAt: "conferenceSchool.errors.closesInPast" });
  await checkSchoolOwns(actor, input);
  try {
    const round = await db.conferenceRound.create({
      data: {
        schoolId: actor.schoolId,
        title: input.title,
        slotMinutes: input.slotMinutes,
        breakAfterSlots: input.breakAfterSlots,
        breakMinutes: input.breakMinutes,
        bookingOpensAt: input.opensAt,
        bookingClosesAt: input.closesAt,
        parentMode: input.parentMode,
        createdById: actor.userId,
        idempotencyKey: input.idempotencyKey,
        // Nested writes: one transaction with the round.
        classes: { create: input.classIds.map((classGroupId) => ({ classGroupId })) },
        hosts: { create: input.hostStaffIds.map((staffId) => ({ staffId })) },
      },
      select: { id: true },
    });
    await writeAudit(actor, "conference:create", "ALLOWED", round.id, { classes: input.classIds.length, hosts: input.hostStaffIds.length }, ROUNDS_PAGE);
    return { id: round.id, created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await db.conferenceRound.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, schoolId: true } });
      if (again && again.schoolId === actor.schoolId) return { id: again.id, created: false };
      throw new AppError("conflict");
    }
    throw error;
  }
}

/**
 * Changes a round (docs/decisions/0028). Until the booking window opens
 * everything may change; published availability is cut again when the slot
 * length or break changes (no booking can exist yet). Once the window is open
 * only the title and the closing time (not before now) may change: classes,
 * hosts and slot times are what parents are booking.
 */
export async function updateRound(actor: Actor, roundId: string, input: RoundInput, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  assertCan(actor, "conferences:manage");
  const round = await db.conferenceRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId ?? "" },
    select: {
      id: true, bookingOpensAt: true, slotMinutes: true, breakAfterSlots: true, breakMinutes: true, parentMode: true,
      classes: { select: { classGroupId: true } }, hosts: { select: { staffId: true } },
    },
  });
  if (!round) {
    await writeAudit(actor, "conference:update", "DENIED", roundId, undefined, ROUNDS_PAGE);
    throw new AppError("notFound");
  }
  if (input.closesAt <= now) throw new ConferenceValidationError({ closesAt: "conferenceSchool.errors.closesInPast" });
  if (round.bookingOpensAt <= now) {
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const frozen =
      input.opensAt.getTime() !== round.bookingOpensAt.getTime() || input.slotMinutes !== round.slotMinutes ||
      input.breakAfterSlots !== round.breakAfterSlots || input.breakMinutes !== round.breakMinutes || input.parentMode !== round.parentMode ||
      !same(input.classIds, round.classes.map((c) => c.classGroupId)) || !same(input.hostStaffIds, round.hosts.map((h) => h.staffId));
    if (frozen) throw new ConferenceValidationError({ _form: "conferenceSchool.errors.windowOpen" });
    await db.conferenceRound.update({ where: { id: round.id }, data: { title: input.title, bookingClosesAt: input.closesAt } });
    await writeAudit(actor, "conference:update", "ALLOWED", round.id, { change: "titleOrClose" }, ROUNDS_PAGE);
    return;
  }
  await checkSchoolOwns(actor, input);
  const recut = input.slotMinutes !== round.slotMinutes || input.breakAfterSlots !== round.breakAfterSlots || input.breakMinutes !== round.breakMinutes;
  await db.$transaction(async (tx) => {
    await tx.conferenceRound.update({
      where: { id: round.id },
      data: {
        title: input.title, slotMinutes: input.slotMinutes, breakAfterSlots: input.breakAfterSlots, breakMinutes: input.breakMinutes,
        bookingOpensAt: input.opensAt, bookingClosesAt: input.closesAt, parentMode: input.parentMode,
      },
    });
    await tx.conferenceRoundClass.deleteMany({ where: { roundId: round.id } });
    await tx.conferenceRoundClass.createMany({ data: input.classIds.map((classGroupId) => ({ roundId: round.id, classGroupId })) });
    await tx.conferenceHost.deleteMany({ where: { roundId: round.id } });
    await tx.conferenceHost.createMany({ data: input.hostStaffIds.map((staffId) => ({ roundId: round.id, staffId })) });
    if (recut) {
      const blocks = await tx.conferenceAvailability.findMany({ where: { roundId: round.id }, select: { id: true, staffId: true, startsAt: true, endsAt: true } });
      await tx.conferenceSlot.deleteMany({ where: { roundId: round.id } });
      await tx.conferenceSlot.createMany({
        data: blocks.flatMap((b) => cutSlots(b, input).map((s) => ({ roundId: round.id, availabilityId: b.id, staffId: b.staffId, ...s }))),
      });
    }
  });
  await writeAudit(actor, "conference:update", "ALLOWED", round.id, { recut }, ROUNDS_PAGE);
}
