import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { cutSlots } from "@/lib/domain/conferences/slots";
import { hostedRoundWhere } from "@/lib/domain/conferences/round-queries";
import { ConferenceValidationError } from "@/lib/domain/conferences/round-commands";
import type { BlockInput } from "@/lib/domain/conferences/round-schemas";

const HOST_PAGE: AuditContext = { category: "conferences", route: "/mentor/conferences" };
const MAX_BLOCK_MS = 8 * 3_600_000;

/**
 * A host publishes an evening block: the block and its slots are written in
 * one transaction. The host's other blocks (in any round: a slot is unique per
 * host and start) may not overlap; sending the same block twice is one block.
 */
export async function addAvailability(actor: Actor, input: BlockInput, { now = new Date() }: { now?: Date } = {}): Promise<{ id: string; slots: number; created: boolean }> {
  assertCan(actor, "conferences:host");
  const staffId = actor.staffId;
  if (!staffId) throw new AppError("forbidden");
  const round = await db.conferenceRound.findFirst({
    where: { id: input.roundId, ...hostedRoundWhere(actor) },
    select: { id: true, slotMinutes: true, breakAfterSlots: true, breakMinutes: true },
  });
  if (!round) {
    await writeAudit(actor, "conference:availability", "DENIED", input.roundId, undefined, HOST_PAGE);
    throw new AppError("notFound");
  }
  if (input.startsAt <= now) throw new ConferenceValidationError({ day: "conferenceSchool.errors.blockInPast" });
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_BLOCK_MS) throw new ConferenceValidationError({ to: "conferenceSchool.errors.blockTooLong" });
  const slots = cutSlots(input, round);
  if (slots.length === 0) throw new ConferenceValidationError({ to: "conferenceSchool.errors.blockTooShort" });
  try {
    return await db.$transaction(async (tx) => {
      // One block at a time per host: two submits at once cannot both pass the overlap check.
      await tx.$queryRaw`SELECT id FROM "Staff" WHERE id = ${staffId} FOR UPDATE`;
      const overlapping = await tx.conferenceAvailability.findMany({
        where: { staffId, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
        select: { id: true, roundId: true, startsAt: true, endsAt: true, _count: { select: { slots: true } } },
      });
      const same = overlapping.find((b) => b.roundId === round.id && b.startsAt.getTime() === input.startsAt.getTime() && b.endsAt.getTime() === input.endsAt.getTime());
      if (same && overlapping.length === 1) return { id: same.id, slots: same._count.slots, created: false };
      if (overlapping.length) throw new ConferenceValidationError({ from: "conferenceSchool.errors.overlap" });
      const block = await tx.conferenceAvailability.create({
        data: { roundId: round.id, staffId, startsAt: input.startsAt, endsAt: input.endsAt, location: input.location },
        select: { id: true },
      });
      await tx.conferenceSlot.createMany({ data: slots.map((s) => ({ roundId: round.id, availabilityId: block.id, staffId, ...s })) });
      return { id: block.id, slots: slots.length, created: true };
    });
  } catch (error) {
    // The unique (staffId, startsAt) backs the overlap check up.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConferenceValidationError({ from: "conferenceSchool.errors.overlap" });
    throw error;
  }
}

/**
 * A host takes an evening block back: its free slots go with it. A block that
 * holds a booking stays (the family would lose its conversation): the host
 * asks the family to move first. Removing it twice is a no-op.
 */
export async function removeAvailability(actor: Actor, availabilityId: string): Promise<void> {
  assertCan(actor, "conferences:host");
  const staffId = actor.staffId ?? "";
  const block = await db.conferenceAvailability.findFirst({ where: { id: availabilityId, staffId, round: { schoolId: actor.schoolId ?? "" } }, select: { id: true } });
  if (!block) {
    const gone = await db.conferenceAvailability.count({ where: { id: availabilityId } });
    if (gone === 0) return;
    await writeAudit(actor, "conference:availability", "DENIED", availabilityId, undefined, HOST_PAGE);
    throw new AppError("notFound");
  }
  await db.$transaction(async (tx) => {
    // Locking the slots makes a parent's claim on one of them (which locks its slot
    // through the foreign key) wait, so no booking slips in between check and delete.
    await tx.$queryRaw`SELECT id FROM "ConferenceSlot" WHERE "availabilityId" = ${block.id} FOR UPDATE`;
    const booked = await tx.conferenceSlotClaim.count({ where: { slot: { availabilityId: block.id } } });
    if (booked > 0) throw new ConferenceValidationError({ _form: "conferenceSchool.errors.blockHasBookings" });
    await tx.conferenceAvailability.delete({ where: { id: block.id } });
  });
}
