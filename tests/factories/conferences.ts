import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { cutSlots } from "@/lib/domain/conferences/slots";
import type { InterpreterLanguage } from "@/lib/domain/conferences/booking-fields";
import type { BookSlotInput } from "@/lib/domain/conferences/booking-schemas";

// Conference rounds for the booking tests: the school's side (issue 16, built
// elsewhere) made directly, its availability cut with the real cutSlots.

export type RoundOptions = {
  schoolId: string;
  classGroupIds: string[];
  parentMode?: "SHARED" | "SEPARATE";
  opensAt: Date;
  closesAt: Date;
  slotMinutes?: number;
  /** Extra hosts besides the classes' mentors. */
  hostStaffIds?: string[];
};

export async function createRound(o: RoundOptions) {
  return db.conferenceRound.create({
    data: {
      schoolId: o.schoolId, title: `Tienminutengesprekken ${randomUUID().slice(0, 4)}`, slotMinutes: o.slotMinutes ?? 10,
      bookingOpensAt: o.opensAt, bookingClosesAt: o.closesAt, parentMode: o.parentMode ?? "SHARED", idempotencyKey: randomUUID(),
      classes: { create: o.classGroupIds.map((classGroupId) => ({ classGroupId })) },
      hosts: { create: (o.hostStaffIds ?? []).map((staffId) => ({ staffId })) },
    },
  });
}

/** A host's evening, cut into the round's slots; returns the slots in time order. */
export async function addAvailability(round: { id: string; slotMinutes: number }, staffId: string, startsAt: Date, endsAt: Date, location = "lokaal 1.14") {
  const availability = await db.conferenceAvailability.create({ data: { roundId: round.id, staffId, startsAt, endsAt, location } });
  const times = cutSlots({ startsAt, endsAt }, { slotMinutes: round.slotMinutes, breakAfterSlots: null, breakMinutes: null });
  await db.conferenceSlot.createMany({ data: times.map((t) => ({ roundId: round.id, availabilityId: availability.id, staffId, ...t })) });
  return db.conferenceSlot.findMany({ where: { availabilityId: availability.id }, orderBy: { startsAt: "asc" } });
}

export const bookingInput = (o: { roundId: string; pupilId: string; slotId: string; interpreterLanguage?: InterpreterLanguage | null; childcare?: boolean; idempotencyKey?: string }): BookSlotInput => ({
  roundId: o.roundId, pupilId: o.pupilId, slotId: o.slotId, interpreterLanguage: o.interpreterLanguage ?? null,
  childcare: o.childcare ?? false, idempotencyKey: o.idempotencyKey ?? randomUUID(),
});
