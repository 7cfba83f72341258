import { TZDate } from "@date-fns/tz";
import type { PrismaClient } from "../../lib/generated/prisma/client";

// A conference round of last month at mentor@demo.test's class (issue 16,
// the school's side): booking closed, the evening in the past, a few families
// booked (never ouder@/ouder2@ or another demo account: their e-mails end in
// exactly "@demo.test"), one with an interpreter (two slots) and one with
// childcare. Attendance is not marked yet, so mentor@ can mark a no-show and
// find the family on the follow-up list. The open round is seeded elsewhere.

const DAY_MS = 86_400_000;
export const PAST_ROUND_TITLE = "Tienminutengesprekken oktober";
export const PAST_ROUND_KEY = "demo-conference-history";

/** 19:00 in Europe/Amsterdam, `daysAgo` days before `now`. */
function eveningAt(now: Date, daysAgo: number, hour: number, minute = 0): Date {
  const day = new TZDate(now.getTime() - daysAgo * DAY_MS, "Europe/Amsterdam");
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute, 0, "Europe/Amsterdam").getTime());
}

export async function writeConferenceHistory(db: PrismaClient, now: Date): Promise<void> {
  const mentor = await db.staff.findFirst({
    where: { user: { email: "mentor@demo.test" } },
    select: { id: true, schoolId: true, mentorships: { orderBy: { classGroup: { schoolYear: { startsOn: "desc" } } }, take: 1, select: { classGroupId: true } } },
  });
  const classGroupId = mentor?.mentorships[0]?.classGroupId;
  if (!mentor || !classGroupId) return;
  // Families who may book: a guardian with parental authority, not restricted, of a pupil under 18.
  const eighteenYearsAgo = new Date(now.getTime() - 18 * 365.25 * DAY_MS);
  const pupils = await db.pupil.findMany({
    where: {
      classGroupId, leftOn: null, birthDate: { gt: eighteenYearsAgo },
      guardianLinks: { none: { guardian: { user: { email: { endsWith: "@demo.test" } } } } },
    },
    orderBy: [{ lastName: "asc" }, { id: "asc" }],
    take: 4,
    select: {
      id: true,
      guardianLinks: {
        where: { hasParentalAuthority: true, accessRestricted: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 1,
        select: { guardianId: true },
      },
    },
  });
  const families = pupils.filter((p) => p.guardianLinks.length > 0);
  const evening = eveningAt(now, 30, 19);
  const round = await db.conferenceRound.create({
    data: {
      schoolId: mentor.schoolId,
      title: PAST_ROUND_TITLE,
      slotMinutes: 10,
      bookingOpensAt: new Date(evening.getTime() - 14 * DAY_MS),
      bookingClosesAt: new Date(evening.getTime() - 2 * DAY_MS),
      parentMode: "SHARED",
      idempotencyKey: PAST_ROUND_KEY,
      createdAt: new Date(evening.getTime() - 20 * DAY_MS),
      classes: { create: [{ classGroupId }] },
    },
    select: { id: true },
  });
  const block = await db.conferenceAvailability.create({
    data: { roundId: round.id, staffId: mentor.id, startsAt: evening, endsAt: new Date(evening.getTime() + 80 * 60_000), location: "1.14" },
    select: { id: true },
  });
  const slots: { id: string; startsAt: Date; endsAt: Date }[] = [];
  for (let i = 0; i < 8; i++) {
    const startsAt = new Date(evening.getTime() + i * 10 * 60_000);
    slots.push(
      await db.conferenceSlot.create({
        data: { roundId: round.id, availabilityId: block.id, staffId: mentor.id, startsAt, endsAt: new Date(startsAt.getTime() + 10 * 60_000) },
        select: { id: true, startsAt: true, endsAt: true },
      }),
    );
  }
  // Slot positions per family: the second family asked for an interpreter (two slots in a row).
  const plan: { slots: number[]; interpreterLanguage?: string; childcare?: boolean }[] = [
    { slots: [0] },
    { slots: [1, 2], interpreterLanguage: "ar" },
    { slots: [4], childcare: true },
    { slots: [6] },
  ];
  for (const [i, family] of families.entries()) {
    const p = plan[i];
    const held = p.slots.map((n) => slots[n]);
    const guardianId = family.guardianLinks[0].guardianId;
    await db.conferenceBooking.create({
      data: {
        roundId: round.id, pupilId: family.id, staffId: mentor.id, bookedByGuardianId: guardianId, householdKey: "",
        startsAt: held[0].startsAt, endsAt: held[held.length - 1].endsAt,
        interpreterLanguage: p.interpreterLanguage ?? null, childcare: p.childcare ?? false,
        idempotencyKey: `${PAST_ROUND_KEY}-${i}`, createdAt: new Date(evening.getTime() - (10 - i) * DAY_MS),
        claims: { create: held.map((s) => ({ slotId: s.id })) },
        guardians: { create: [{ guardianId }] },
      },
    });
  }
}
