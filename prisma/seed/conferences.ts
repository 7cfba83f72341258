import { TZDate } from "@date-fns/tz";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { cutSlots } from "../../lib/domain/conferences/slots";
import { SCHOOL_TIME_ZONE } from "../../lib/domain/calendar/zone";
import { newId } from "./ids";

// The demo's open conference round (issue 16; docs/architecture.md, demo data):
// mentor@demo.test's class (ouder@'s first child), one shared conversation per
// child, booking opened 3 days ago and closing tomorrow at 12:00 Dutch time;
// mentor@ has 10-minute slots tomorrow and the day after, 18:30–21:00. A few
// other families of the class have booked already (never ouder@, ouder2@,
// stiefouder@ or beperkt@). Because the first evening is tomorrow, a booking
// made today gets its reminder at once.

const KEPT_FREE = ["ouder@demo.test", "ouder2@demo.test", "stiefouder@demo.test", "beperkt@demo.test"];
/** Slots already booked: [evening, slot index]. */
const BOOKED: [number, number][] = [[0, 1], [0, 4], [0, 8], [1, 0], [1, 6]];

/** A Dutch wall-clock time `days` calendar days after the day of `now`. */
function dutchAt(now: Date, days: number, hour: number, minute: number): Date {
  const t = new TZDate(now.getTime(), SCHOOL_TIME_ZONE);
  return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + days, hour, minute, 0, SCHOOL_TIME_ZONE).getTime());
}

export async function writeDemoConferences(db: PrismaClient, now: Date): Promise<void> {
  const staff = await db.staff.findFirst({
    where: { user: { email: "mentor@demo.test" } },
    select: { id: true, schoolId: true, mentorships: { select: { classGroupId: true } } },
  });
  const classGroupId = staff?.mentorships[0]?.classGroupId;
  if (!staff || !classGroupId) return;
  const round = await db.conferenceRound.create({
    data: {
      id: newId(), schoolId: staff.schoolId, title: "Tienminutengesprekken december", slotMinutes: 10, parentMode: "SHARED",
      bookingOpensAt: dutchAt(now, -3, 9, 0), bookingClosesAt: dutchAt(now, 1, 12, 0), idempotencyKey: `demo-round-${newId()}`,
      classes: { create: [{ classGroupId }] },
    },
  });
  const evenings = [];
  for (const days of [1, 2]) {
    const startsAt = dutchAt(now, days, 18, 30);
    const endsAt = dutchAt(now, days, 21, 0);
    const availability = await db.conferenceAvailability.create({ data: { id: newId(), roundId: round.id, staffId: staff.id, startsAt, endsAt, location: "1.14" } });
    const slots = cutSlots({ startsAt, endsAt }, { slotMinutes: 10, breakAfterSlots: null, breakMinutes: null })
      .map((t) => ({ id: newId(), roundId: round.id, availabilityId: availability.id, staffId: staff.id, ...t }));
    await db.conferenceSlot.createMany({ data: slots });
    evenings.push(slots);
  }
  // Other families of the class, each through a guardian who may book (authority, not restricted).
  const families = await db.pupil.findMany({
    where: {
      classGroupId,
      guardianLinks: { none: { guardian: { user: { email: { in: KEPT_FREE } } } } },
    },
    orderBy: { studentNumber: "asc" },
    take: BOOKED.length,
    select: { id: true, guardianLinks: { where: { hasParentalAuthority: true, accessRestricted: false }, take: 1, select: { guardianId: true } } },
  });
  for (const [i, pupil] of families.entries()) {
    const guardianId = pupil.guardianLinks[0]?.guardianId;
    if (!guardianId) continue;
    const [evening, index] = BOOKED[i];
    // The second family asked for an interpreter (Turkish): two slots in a row.
    const interpreter = i === 1;
    const held = evenings[evening].slice(index, index + (interpreter ? 2 : 1));
    await db.conferenceBooking.create({
      data: {
        id: newId(), roundId: round.id, pupilId: pupil.id, staffId: staff.id, bookedByGuardianId: guardianId, householdKey: "",
        startsAt: held[0].startsAt, endsAt: held[held.length - 1].endsAt, idempotencyKey: `demo-booking-${newId()}`,
        interpreterLanguage: interpreter ? "tr" : null, childcare: i === 2, createdAt: dutchAt(now, -2, 20, 15 + i),
        claims: { create: held.map((s) => ({ slotId: s.id })) },
        guardians: { create: [{ guardianId }] },
      },
    });
  }
}
