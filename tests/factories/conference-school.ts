import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { cutSlots } from "@/lib/domain/conferences/slots";

// Conference rounds, blocks and bookings written directly (the parent side's
// booking command is built elsewhere): valid rows with overridable fields.

const HOUR = 3_600_000;

export async function createRoundRow(schoolId: string, classGroupIds: string[], overrides: {
  opensAt?: Date; closesAt?: Date; slotMinutes?: number; breakAfterSlots?: number | null; breakMinutes?: number | null;
  parentMode?: "SHARED" | "SEPARATE"; hostStaffIds?: string[]; title?: string;
} = {}) {
  const now = Date.now();
  return db.conferenceRound.create({
    data: {
      schoolId,
      title: overrides.title ?? "Gesprekken",
      slotMinutes: overrides.slotMinutes ?? 10,
      breakAfterSlots: overrides.breakAfterSlots ?? null,
      breakMinutes: overrides.breakMinutes ?? null,
      bookingOpensAt: overrides.opensAt ?? new Date(now - 24 * HOUR),
      bookingClosesAt: overrides.closesAt ?? new Date(now + 7 * 24 * HOUR),
      parentMode: overrides.parentMode ?? "SHARED",
      idempotencyKey: randomUUID(),
      classes: { create: classGroupIds.map((classGroupId) => ({ classGroupId })) },
      hosts: { create: (overrides.hostStaffIds ?? []).map((staffId) => ({ staffId })) },
    },
  });
}

/** A block with its slots (cut with the round's settings). */
export async function createBlockRow(round: { id: string; slotMinutes: number; breakAfterSlots: number | null; breakMinutes: number | null }, staffId: string, startsAt: Date, minutes: number) {
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const block = await db.conferenceAvailability.create({ data: { roundId: round.id, staffId, startsAt, endsAt, location: "2.01" } });
  await db.conferenceSlot.createMany({ data: cutSlots({ startsAt, endsAt }, round).map((s) => ({ roundId: round.id, availabilityId: block.id, staffId, ...s })) });
  const slots = await db.conferenceSlot.findMany({ where: { availabilityId: block.id }, orderBy: { startsAt: "asc" } });
  return { block, slots };
}

/** A live booking holding `slots` (in a row), with the booker as the guardian coming. */
export async function createBookingRow(
  roundId: string, pupilId: string, guardianId: string, slots: { id: string; staffId: string; startsAt: Date; endsAt: Date }[],
  overrides: { interpreterLanguage?: string | null; childcare?: boolean; householdKey?: string; cancelledAt?: Date | null } = {},
) {
  return db.conferenceBooking.create({
    data: {
      roundId, pupilId, staffId: slots[0].staffId, bookedByGuardianId: guardianId, householdKey: overrides.householdKey ?? "",
      startsAt: slots[0].startsAt, endsAt: slots[slots.length - 1].endsAt,
      interpreterLanguage: overrides.interpreterLanguage ?? null, childcare: overrides.childcare ?? false, cancelledAt: overrides.cancelledAt ?? null,
      idempotencyKey: randomUUID(),
      claims: overrides.cancelledAt ? undefined : { create: slots.map((s) => ({ slotId: s.id })) },
      guardians: { create: [{ guardianId }] },
    },
  });
}
