import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { BookSlotInput } from "@/lib/domain/conferences/booking-schemas";
import { BookingError, bookSlot, cancelBooking, joinBooking, moveBooking } from "@/lib/domain/conferences/booking-commands";
import { getBookingPage } from "@/lib/domain/conferences/booking-queries";
import { deliverNotification } from "@/lib/notifications/deliver";
import type { OutgoingMessage } from "@/lib/notifications/transports/types";
import { actorOf, createClass, createFamilies, createGuardianOf, createMentor, createPupil } from "@/tests/factories";
import { addAvailability, bookingInput, createRound } from "@/tests/factories/conferences";
import { amsterdam } from "@/tests/factories/sick-reports";
import { expectNotFound } from "@/tests/support/next-errors";

// Issue 16, the parent's side: who may book, the race for a slot, double
// submits, interpreter double slots, moving, cancelling, joining, reminders.
// Real PostgreSQL, real concurrent transactions, an injected clock.

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
let round: { id: string; slotMinutes: number };
let closedRound: { id: string; slotMinutes: number };
let evening1: Awaited<ReturnType<typeof addAvailability>>;
let evening2: Awaited<ReturnType<typeof addAvailability>>;
let otherRoundSlots: Awaited<ReturnType<typeof addAvailability>>;
let mentorBSlots: Awaited<ReturnType<typeof addAvailability>>;

// Monday 7 December 2026, noon; the window runs from Friday 4 December to Wednesday 9 December 12:00.
const NOW = amsterdam("2026-12-07", "12:00");
const OPENS = amsterdam("2026-12-04", "09:00");
const CLOSES = amsterdam("2026-12-09", "12:00");

async function bookingError(promise: Promise<unknown>): Promise<BookingError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BookingError);
  return error as BookingError;
}

/** Everything a booking can write, for "nothing written". */
async function footprint(pupilId: string) {
  const [bookings, claims, joins, reminders] = await Promise.all([
    db.conferenceBooking.count({ where: { pupilId } }),
    db.conferenceSlotClaim.count({ where: { booking: { pupilId } } }),
    db.conferenceBookingGuardian.count({ where: { booking: { pupilId } } }),
    db.notification.count({ where: { pupilId, kind: "CONFERENCE_REMINDER" } }),
  ]);
  return { bookings, claims, joins, reminders };
}

const deniedRows = (userId: string, pupilId: string) =>
  db.auditLog.count({ where: { actorUserId: userId, pupilId, outcome: "DENIED", action: { startsWith: "conference:" }, category: "conferences" } });

/** A child of the round's class with two parents in separate households. */
async function separatedFamily(mode: "SHARED" | "SEPARATE" = "SHARED") {
  const pupil = await createPupil(world.school.id, world.classA.id);
  const mother = await createGuardianOf([pupil.id]);
  const father = await createGuardianOf([pupil.id]);
  await db.guardianLink.updateMany({ where: { pupilId: pupil.id, guardianId: mother.guardian.id }, data: { household: "moeder" } });
  await db.guardianLink.updateMany({ where: { pupilId: pupil.id, guardianId: father.guardian.id }, data: { household: "vader", relationship: "FATHER" } });
  await db.user.update({ where: { id: father.user.id }, data: { locale: "ar" } });
  return { pupil, mother, father, mode };
}

beforeAll(async () => {
  world = await createFamilies();
  round = await createRound({ schoolId: world.school.id, classGroupIds: [world.classA.id, world.classB.id], opensAt: OPENS, closesAt: CLOSES });
  // Wednesday and Thursday evening with the mentor of 2A, 10-minute slots.
  evening1 = await addAvailability(round, world.mentorA.staff.id, amsterdam("2026-12-09", "18:30"), amsterdam("2026-12-09", "21:00"));
  evening2 = await addAvailability(round, world.mentorA.staff.id, amsterdam("2026-12-10", "12:00"), amsterdam("2026-12-10", "22:00"));
  mentorBSlots = await addAvailability(round, world.mentorB.staff.id, amsterdam("2026-12-09", "18:30"), amsterdam("2026-12-09", "19:30"));
  // Another round at the same school (its slots must not be booked through this one), and one whose window has closed.
  const other = await createRound({ schoolId: world.school.id, classGroupIds: [world.classB.id], opensAt: OPENS, closesAt: CLOSES });
  const otherMentor = await createMentor(world.school.id, []);
  otherRoundSlots = await addAvailability(other, otherMentor.staff.id, amsterdam("2026-12-11", "18:30"), amsterdam("2026-12-11", "19:00"));
  closedRound = await createRound({ schoolId: world.school.id, classGroupIds: [world.classA.id], opensAt: OPENS, closesAt: amsterdam("2026-12-06", "12:00") });
}, 120_000);

describe("the race for a slot", () => {
  it("two guardians of separate households race for the same slot 50 times: exactly one wins each time, by the database", async () => {
    const sepRound = await createRound({ schoolId: world.school.id, classGroupIds: [world.classA.id], parentMode: "SEPARATE", opensAt: OPENS, closesAt: CLOSES });
    const slots = await addAvailability(sepRound, world.mentorA.staff.id, amsterdam("2026-12-15", "12:00"), amsterdam("2026-12-15", "21:00"));
    expect(slots.length).toBeGreaterThanOrEqual(50);
    const family = await separatedFamily("SEPARATE");
    const [mother, father] = await Promise.all([actorOf(family.mother.user.id), actorOf(family.father.user.id)]);
    const wins = { mother: 0, father: 0 };
    for (let i = 0; i < 50; i++) {
      const slot = slots[i];
      const results = await Promise.allSettled([
        bookSlot(mother, bookingInput({ roundId: sepRound.id, pupilId: family.pupil.id, slotId: slot.id }), { now: NOW }),
        bookSlot(father, bookingInput({ roundId: sepRound.id, pupilId: family.pupil.id, slotId: slot.id }), { now: NOW }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won, `round ${i}`).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(BookingError);
      expect((lost.reason as BookingError).reason).toBe("slotTaken");
      // The loser is offered the nearest free slots of the same host, not the lost one.
      const offers = (lost.reason as BookingError).offers;
      expect(offers.length).toBeGreaterThan(0);
      expect(offers.map((o) => o.id)).not.toContain(slot.id);
      expect(await db.conferenceSlotClaim.count({ where: { slotId: slot.id } })).toBe(1);
      const winner = (won[0] as PromiseFulfilledResult<{ id: string }>).value.id;
      const booking = await db.conferenceBooking.findUniqueOrThrow({ where: { id: winner } });
      wins[booking.bookedByGuardianId === family.mother.guardian.id ? "mother" : "father"] += 1;
      // Free the household for the next race.
      await cancelBooking(results[0].status === "fulfilled" ? mother : father, winner, { now: NOW });
    }
    expect(wins.mother + wins.father).toBe(50);
    // 50 bookings written, every loser's transaction left nothing behind.
    expect(await db.conferenceBooking.count({ where: { roundId: sepRound.id } })).toBe(50);
    // No two live bookings of one host overlap (checked in SQL).
    const [{ overlaps }] = await db.$queryRaw<{ overlaps: bigint }[]>`
      SELECT count(*) AS overlaps FROM "ConferenceBooking" a JOIN "ConferenceBooking" b
        ON a."staffId" = b."staffId" AND a.id < b.id AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"
       WHERE a."cancelledAt" IS NULL AND b."cancelledAt" IS NULL`;
    expect(Number(overlaps)).toBe(0);
  }, 120_000);

  it("SEPARATE: each household books its own conversation with the same mentor", async () => {
    const sepRound = await createRound({ schoolId: world.school.id, classGroupIds: [world.classA.id], parentMode: "SEPARATE", opensAt: OPENS, closesAt: CLOSES });
    const slots = await addAvailability(sepRound, world.mentorA.staff.id, amsterdam("2026-12-16", "18:30"), amsterdam("2026-12-16", "19:30"));
    const family = await separatedFamily("SEPARATE");
    const [mother, father] = await Promise.all([actorOf(family.mother.user.id), actorOf(family.father.user.id)]);
    await bookSlot(mother, bookingInput({ roundId: sepRound.id, pupilId: family.pupil.id, slotId: slots[0].id }), { now: NOW });
    await bookSlot(father, bookingInput({ roundId: sepRound.id, pupilId: family.pupil.id, slotId: slots[2].id }), { now: NOW });
    expect(await db.conferenceBooking.count({ where: { roundId: sepRound.id, cancelledAt: null } })).toBe(2);
    // The same household twice: one live booking.
    expect((await bookingError(bookSlot(mother, bookingInput({ roundId: sepRound.id, pupilId: family.pupil.id, slotId: slots[4].id }), { now: NOW }))).reason).toBe("alreadyBooked");
    // Neither sees the other household's booking.
    const page = await getBookingPage(father, { now: NOW });
    const host = page.find((r) => r.id === sepRound.id)!.children[0].hosts[0];
    expect(host.booking?.startsAt).toEqual(slots[2].startsAt);
    expect(host.sharedBooking).toBeNull();
  });

  it("SHARED: the second parent of another household sees the first one's booking and joins it instead", async () => {
    const family = await separatedFamily();
    const [mother, father] = await Promise.all([actorOf(family.mother.user.id), actorOf(family.father.user.id)]);
    const slot = evening2[0];
    const results = await Promise.allSettled([
      bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: slot.id }), { now: NOW }),
      bookSlot(father, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: slot.id }), { now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value.id;
    const lost = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as BookingError;
    expect(lost.reason).toBe("sharedBooking");
    expect(lost.bookingId).toBe(winner);
    const second = results[0].status === "fulfilled" ? father : mother;
    // Another slot for the same child and mentor: still the one shared conversation.
    expect((await bookingError(bookSlot(second, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[5].id }), { now: NOW }))).reason).toBe("sharedBooking");
    const host = (await getBookingPage(second, { now: NOW })).find((r) => r.id === round.id)!.children.find((c) => c.pupilId === family.pupil.id)!.hosts[0];
    expect(host.booking).toBeNull();
    expect(host.sharedBooking).toMatchObject({ id: winner, startsAt: slot.startsAt, attendingMe: false });

    await joinBooking(second, winner, { now: NOW });
    await joinBooking(second, winner, { now: NOW });
    expect(await db.conferenceBookingGuardian.count({ where: { bookingId: winner } })).toBe(2);
    const reminders = await db.notification.findMany({ where: { conferenceBookingId: winner }, orderBy: { locale: "asc" } });
    expect(reminders.map((r) => r.locale).sort()).toEqual(["ar", "nl"]);
    const after = (await getBookingPage(second, { now: NOW })).find((r) => r.id === round.id)!.children.find((c) => c.pupilId === family.pupil.id)!.hosts[0];
    expect(after.booking).toMatchObject({ id: winner, attendingMe: true });
    await cancelBooking(second, winner, { now: NOW });
  });

  it("a double submit (the same idempotency key, also at once) is one booking", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const input = bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[10].id });
    const [a, b] = await Promise.all([bookSlot(mother, input, { now: NOW }), bookSlot(mother, input, { now: NOW })]);
    expect(a.id).toBe(b.id);
    const again = await bookSlot(mother, input, { now: NOW });
    expect(again).toEqual({ id: a.id, created: false });
    expect(await footprint(family.pupil.id)).toEqual({ bookings: 1, claims: 1, joins: 1, reminders: 1 });
    // The same key for another child is not a resubmission.
    const sibling = await createPupil(world.school.id, world.classA.id);
    await db.guardianLink.create({ data: { guardianId: family.mother.guardian.id, pupilId: sibling.id, relationship: "MOTHER", hasParentalAuthority: true } });
    const reused = await bookingError(bookSlot(await actorOf(family.mother.user.id), { ...input, pupilId: sibling.id, slotId: evening2[12].id }, { now: NOW }));
    expect(reused.reason).toBe("keyReused");
    expect(await footprint(sibling.id)).toEqual({ bookings: 0, claims: 0, joins: 0, reminders: 0 });
    await cancelBooking(mother, a.id, { now: NOW });
  });
});

describe("who may book", () => {
  it("refuses outside the window, with nothing written", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const input = bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[20].id });
    expect((await bookingError(bookSlot(mother, input, { now: amsterdam("2026-12-04", "08:59") }))).reason).toBe("windowClosed");
    expect((await bookingError(bookSlot(mother, input, { now: CLOSES }))).reason).toBe("windowClosed");
    const closedSlots = await addAvailability(closedRound, world.mentorA.staff.id, amsterdam("2026-12-17", "18:30"), amsterdam("2026-12-17", "19:00"));
    expect((await bookingError(bookSlot(mother, bookingInput({ roundId: closedRound.id, pupilId: family.pupil.id, slotId: closedSlots[0].id }), { now: NOW }))).reason).toBe("windowClosed");
    expect(await footprint(family.pupil.id)).toEqual({ bookings: 0, claims: 0, joins: 0, reminders: 0 });
  });

  it("another family's child, no authority, a restricted link, an 18+ pupil without consent: 404 + audit naming the pupil, nothing written", async () => {
    const stranger = await createGuardianOf([world.pupilB.id]);
    const cases = [
      { label: "not theirs", pupil: world.pupilA, userId: stranger.user.id },
    ];
    const noAuthority = await createPupil(world.school.id, world.classA.id);
    const withoutAuthority = await createGuardianOf([noAuthority.id], { hasParentalAuthority: false, informationGrantedAt: NOW, informationCategories: ["RESULTS", "ABSENCES"] });
    cases.push({ label: "no authority", pupil: noAuthority, userId: withoutAuthority.user.id });
    const restrictedChild = await createPupil(world.school.id, world.classA.id);
    const restricted = await createGuardianOf([restrictedChild.id], { accessRestricted: true, restrictionReason: "court" } as never);
    cases.push({ label: "restricted", pupil: restrictedChild, userId: restricted.user.id });
    const adult = await createPupil(world.school.id, world.classA.id, { birthDate: new Date("2007-01-15") });
    const withoutConsent = await createGuardianOf([adult.id], { consentWithdrawnAt: NOW });
    cases.push({ label: "18+ without consent", pupil: adult, userId: withoutConsent.user.id });
    for (const c of cases) {
      const actor = await actorOf(c.userId);
      const before = await footprint(c.pupil.id);
      await expectNotFound(bookSlot(actor, bookingInput({ roundId: round.id, pupilId: c.pupil.id, slotId: evening2[30].id }), { now: NOW }));
      expect(await footprint(c.pupil.id), c.label).toEqual(before);
      expect(await deniedRows(c.userId, c.pupil.id), c.label).toBe(1);
    }
    // With the adult pupil's consent the same parent may book.
    await db.guardianLink.updateMany({ where: { pupilId: adult.id }, data: { consentWithdrawnAt: null, consentGrantedAt: NOW } });
    const ok = await bookSlot(await actorOf(withoutConsent.user.id), bookingInput({ roundId: round.id, pupilId: adult.id, slotId: evening2[30].id }), { now: NOW });
    expect(ok.created).toBe(true);
    await cancelBooking(await actorOf(withoutConsent.user.id), ok.id, { now: NOW });
  });

  it("another family's booking cannot be moved, cancelled or joined (404 + audit naming the pupil)", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const { id } = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[40].id }), { now: NOW });
    const stranger = await actorOf((await createGuardianOf([world.pupilB.id])).user.id);
    await expectNotFound(moveBooking(stranger, { bookingId: id, slotId: evening2[41].id }, { now: NOW }));
    await expectNotFound(cancelBooking(stranger, id, { now: NOW }));
    await expectNotFound(joinBooking(stranger, id, { now: NOW }));
    expect(await deniedRows(stranger.userId, family.pupil.id)).toBe(3);
    expect(await db.conferenceBooking.findUniqueOrThrow({ where: { id } })).toMatchObject({ cancelledAt: null, startsAt: evening2[40].startsAt });
    expect(await db.conferenceBookingGuardian.count({ where: { bookingId: id } })).toBe(1);
    // A mentor is no parent: refused by role, with a row naming the pupil.
    const mentor = await actorOf(world.mentorA.user.id);
    const refused = await bookSlot(mentor, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[42].id }), { now: NOW }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("forbidden");
    expect(await deniedRows(world.mentorA.user.id, family.pupil.id)).toBe(1);
    await cancelBooking(mother, id, { now: NOW });
  });
});

describe("bad input", () => {
  it("a slot of another round, of another class's mentor, or past: a translated error, nothing written", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const tries: [string, string][] = [
      [otherRoundSlots[0].id, "slotNotInRound"],
      ["no-such-slot", "slotNotInRound"],
      [mentorBSlots[0].id, "hostNotForChild"],
    ];
    for (const [slotId, reason] of tries) {
      expect((await bookingError(bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId }), { now: NOW }))).reason).toBe(reason);
    }
    // A slot that has begun (the window still open for the later evening).
    const late = new Date(evening1[0].startsAt.getTime() + 60_000);
    const lateRound = await createRound({ schoolId: world.school.id, classGroupIds: [world.classA.id], opensAt: OPENS, closesAt: amsterdam("2026-12-20", "12:00") });
    const lateSlots = await addAvailability(lateRound, world.mentorA.staff.id, amsterdam("2026-12-09", "10:00"), amsterdam("2026-12-09", "10:30"));
    expect((await bookingError(bookSlot(mother, bookingInput({ roundId: lateRound.id, pupilId: family.pupil.id, slotId: lateSlots[0].id }), { now: late }))).reason).toBe("slotPast");
    // A round the child's class is not in.
    expect((await bookingError(bookSlot(mother, bookingInput({ roundId: "no-such-round", pupilId: family.pupil.id, slotId: evening2[0].id }), { now: NOW }))).reason).toBe("notInRound");
    expect(await footprint(family.pupil.id)).toEqual({ bookings: 0, claims: 0, joins: 0, reminders: 0 });
  });

  it("an unknown interpreter language is refused by the schema with a catalogue key", () => {
    const base = { roundId: "r", pupilId: "p", slotId: "s", idempotencyKey: randomUUID() };
    for (const bad of ["xx", "klingon", "AR ", "<b>ar</b>", "a".repeat(40)]) {
      const parsed = BookSlotInput.safeParse({ ...base, interpreterLanguage: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toContain("conferenceErrors.unknownLanguage");
    }
    expect(BookSlotInput.parse({ ...base, interpreterLanguage: "ti" }).interpreterLanguage).toBe("ti");
    expect(BookSlotInput.parse({ ...base, interpreterLanguage: "" }).interpreterLanguage).toBeNull();
    expect(BookSlotInput.parse({ ...base, childcare: "on" }).childcare).toBe(true);
    expect(BookSlotInput.safeParse({ ...base, slotId: "" }).error!.issues[0].message).toBe("conferenceErrors.chooseSlot");
    expect(BookSlotInput.safeParse({ ...base, idempotencyKey: "1" }).success).toBe(false);
  });
});

describe("interpreter, moving and cancelling", () => {
  it("an interpreter request holds two adjacent slots; none after the last slot of the evening", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const last = evening1[evening1.length - 1];
    expect((await bookingError(bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: last.id, interpreterLanguage: "ar" }), { now: NOW }))).reason).toBe("noSecondSlot");
    const { id } = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening1[2].id, interpreterLanguage: "ar", childcare: true }), { now: NOW });
    const claims = await db.conferenceSlotClaim.findMany({ where: { bookingId: id }, select: { slotId: true } });
    expect(claims.map((c) => c.slotId).sort()).toEqual([evening1[2].id, evening1[3].id].sort());
    expect(await db.conferenceBooking.findUniqueOrThrow({ where: { id } })).toMatchObject({
      startsAt: evening1[2].startsAt, endsAt: evening1[3].endsAt, interpreterLanguage: "ar", childcare: true,
    });
    // Someone else wanting the slot before it with an interpreter needs the one it holds: taken, nothing written.
    const other = await separatedFamily();
    const otherMother = await actorOf(other.mother.user.id);
    const taken = await bookingError(bookSlot(otherMother, bookingInput({ roundId: round.id, pupilId: other.pupil.id, slotId: evening1[1].id, interpreterLanguage: "tr" }), { now: NOW }));
    expect(taken.reason).toBe("slotTaken");
    expect(await footprint(other.pupil.id)).toEqual({ bookings: 0, claims: 0, joins: 0, reminders: 0 });
    // The move keeps the interpreter: two slots again.
    await moveBooking(mother, { bookingId: id, slotId: evening1[6].id }, { now: NOW });
    const moved = await db.conferenceSlotClaim.findMany({ where: { bookingId: id }, select: { slotId: true } });
    expect(moved.map((c) => c.slotId).sort()).toEqual([evening1[6].id, evening1[7].id].sort());
    await cancelBooking(mother, id, { now: NOW });
  });

  it("moving is one transaction: old slot free, new one held, reminders moved; onto a taken slot nothing changes", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const { id } = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[50].id }), { now: NOW });
    const blocker = await separatedFamily();
    await bookSlot(await actorOf(blocker.mother.user.id), bookingInput({ roundId: round.id, pupilId: blocker.pupil.id, slotId: evening2[52].id }), { now: NOW });
    const refused = await bookingError(moveBooking(mother, { bookingId: id, slotId: evening2[52].id }, { now: NOW }));
    expect(refused.reason).toBe("slotTaken");
    expect(refused.offers.map((o) => o.id)).toContain(evening2[51].id);
    expect((await db.conferenceSlotClaim.findMany({ where: { bookingId: id } })).map((c) => c.slotId)).toEqual([evening2[50].id]);
    expect(await db.notification.count({ where: { conferenceBookingId: id, status: "PENDING" } })).toBe(1);

    await moveBooking(mother, { bookingId: id, slotId: evening2[53].id }, { now: NOW });
    expect(await db.conferenceSlotClaim.count({ where: { slotId: evening2[50].id } })).toBe(0);
    expect((await db.conferenceSlotClaim.findMany({ where: { bookingId: id } })).map((c) => c.slotId)).toEqual([evening2[53].id]);
    const reminders = await db.notification.findMany({ where: { conferenceBookingId: id }, orderBy: { createdAt: "asc" } });
    expect(reminders.map((r) => [r.status, r.lastError])).toEqual([["SKIPPED", "moved"], ["PENDING", null]]);
    // Another slot of the same round but another host, or after the window: refused.
    expect((await bookingError(moveBooking(mother, { bookingId: id, slotId: mentorBSlots[1].id }, { now: NOW }))).reason).toBe("slotNotInRound");
    expect((await bookingError(moveBooking(mother, { bookingId: id, slotId: evening2[55].id }, { now: CLOSES }))).reason).toBe("windowClosed");
    expect((await bookingError(cancelBooking(mother, id, { now: CLOSES }))).reason).toBe("windowClosed");

    await cancelBooking(mother, id, { now: NOW });
    await cancelBooking(mother, id, { now: NOW });
    const cancelled = await db.conferenceBooking.findUniqueOrThrow({ where: { id } });
    expect(cancelled.cancelledAt).toEqual(NOW);
    expect(await db.conferenceSlotClaim.count({ where: { bookingId: id } })).toBe(0);
    expect(await db.notification.count({ where: { conferenceBookingId: id, status: "PENDING" } })).toBe(0);
    expect((await bookingError(moveBooking(mother, { bookingId: id, slotId: evening2[56].id }, { now: NOW }))).reason).toBe("cancelled");
    // The household may book again after cancelling.
    const again = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[50].id }), { now: NOW });
    expect(again.created).toBe(true);
    await cancelBooking(mother, again.id, { now: NOW });
  });
});

describe("reminders", () => {
  const sent: OutgoingMessage[] = [];
  const transport = { send: async (m: OutgoingMessage) => (sent.push(m), { providerRef: "test" }) };
  const deps = { email: transport, sms: transport, settingsUrl: "http://portal.test/parent/settings", baseUrl: "http://portal.test", now: () => NOW };

  it("one per attending guardian, the day before at 18:00 Dutch time (or now), in their language and channel; delivered as written then", async () => {
    const family = await separatedFamily();
    const [mother, father] = await Promise.all([actorOf(family.mother.user.id), actorOf(family.father.user.id)]);
    await db.guardian.update({ where: { id: family.father.guardian.id }, data: { alertChannel: "SMS", phone: "+31612345678" } });
    const { id } = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[40].id, interpreterLanguage: "ar", childcare: true }), { now: NOW });
    await joinBooking(father, id, { now: NOW });
    const rows = (await db.notification.findMany({ where: { conferenceBookingId: id } })).sort((x, y) => x.locale.localeCompare(y.locale));
    expect(rows.map((r) => ({ locale: r.locale, channel: r.channel, status: r.status, kind: r.kind }))).toEqual([
      { locale: "ar", channel: "SMS", status: "PENDING", kind: "CONFERENCE_REMINDER" },
      { locale: "nl", channel: "EMAIL", status: "PENDING", kind: "CONFERENCE_REMINDER" },
    ]);
    // Wednesday 9 December 18:00 in Amsterdam = 17:00 UTC.
    expect(rows.every((r) => r.sendAfter.toISOString() === "2026-12-09T17:00:00.000Z")).toBe(true);
    expect(rows.every((r) => r.aboutDate?.toISOString().startsWith("2026-12-10"))).toBe(true);

    // Delivery writes the text in each guardian's language; SMS in one segment.
    for (const row of rows) expect(await deliverNotification(row.id, deps)).toBe("delivered");
    const arabic = sent.find((m) => m.locale === "ar")!;
    const dutch = sent.find((m) => m.locale === "nl")!;
    expect(dutch.subject).toBe(`Herinnering: gesprek over ${family.pupil.firstName}`);
    expect(dutch.text).toContain("Je vroeg om een tolk (Arabisch)");
    expect(dutch.text).toContain("opvang");
    expect(dutch.text).toContain("18:40");
    expect(arabic.to).toBe("+31612345678");
    expect(arabic.text).toContain("تذكير");
    expect(arabic.text).not.toMatch(/[٠-٩]/);
    expect(arabic.text).toContain("18:40");
    const delivered = await db.notification.findMany({ where: { conferenceBookingId: id } });
    expect(delivered.every((r) => r.status === "DELIVERED" && r.body)).toBe(true);
    await cancelBooking(mother, id, { now: NOW });
  });

  it("booked the evening before: queued for now; SMS waits for the end of quiet hours; cancelled: skipped and never sent", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    await db.guardian.update({ where: { id: family.mother.guardian.id }, data: { alertChannel: "SMS", phone: "+31687654321" } });
    const lateEvening = amsterdam("2026-12-08", "22:30");
    const { id } = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening1[8].id }), { now: lateEvening });
    const [sms] = await db.notification.findMany({ where: { conferenceBookingId: id } });
    // 18:00 on the 8th has passed; 22:30 is in the quiet hours (21:00–07:30): 07:30 on the 9th.
    expect(sms.sendAfter).toEqual(amsterdam("2026-12-09", "07:30"));
    await db.guardian.update({ where: { id: family.mother.guardian.id }, data: { alertChannel: "EMAIL" } });
    await moveBooking(mother, { bookingId: id, slotId: evening1[9].id }, { now: NOW });
    const email = await db.notification.findFirstOrThrow({ where: { conferenceBookingId: id, status: "PENDING" } });
    expect(email.channel).toBe("EMAIL");
    expect(email.sendAfter).toEqual(amsterdam("2026-12-08", "18:00"));
    await cancelBooking(mother, id, { now: NOW });
    expect(await db.notification.count({ where: { conferenceBookingId: id, status: { not: "SKIPPED" } } })).toBe(0);
    const before = sent.length;
    expect(await deliverNotification(email.id, deps)).toBe("not-claimed");
    expect(sent).toHaveLength(before);
    // Replays queue nothing twice.
    expect(await db.notification.count({ where: { conferenceBookingId: id } })).toBe(2);
  });

  it("a reminder whose guardian may no longer book (link restricted since) is skipped at send time", async () => {
    const family = await separatedFamily();
    const mother = await actorOf(family.mother.user.id);
    const { id } = await bookSlot(mother, bookingInput({ roundId: round.id, pupilId: family.pupil.id, slotId: evening2[44].id }), { now: NOW });
    await db.guardianLink.updateMany({ where: { pupilId: family.pupil.id, guardianId: family.mother.guardian.id }, data: { accessRestricted: true } });
    const [row] = await db.notification.findMany({ where: { conferenceBookingId: id } });
    expect(await deliverNotification(row.id, deps)).toBe("skipped");
    expect((await db.notification.findUniqueOrThrow({ where: { id: row.id } })).lastError).toBe("not-eligible");
  });
});

describe("the booking page", () => {
  it("shows per child the free slots per host by evening, and offers siblings back to back", async () => {
    const classC = await createClass(world.school.id, world.schoolYear.id, "2C");
    const mentorC = await createMentor(world.school.id, [classC.id]);
    const sibRound = await createRound({ schoolId: world.school.id, classGroupIds: [world.classA.id, classC.id], opensAt: OPENS, closesAt: CLOSES });
    const a = await addAvailability(sibRound, world.mentorA.staff.id, amsterdam("2026-12-14", "18:30"), amsterdam("2026-12-14", "19:30"));
    const c = await addAvailability(sibRound, mentorC.staff.id, amsterdam("2026-12-14", "19:00"), amsterdam("2026-12-14", "20:00"));
    await addAvailability(sibRound, mentorC.staff.id, amsterdam("2026-12-15", "18:30"), amsterdam("2026-12-15", "19:00"));
    const older = await createPupil(world.school.id, world.classA.id, { birthDate: new Date("2011-03-01") });
    const younger = await createPupil(world.school.id, classC.id, { birthDate: new Date("2013-03-01") });
    const parent = await createGuardianOf([older.id, younger.id]);
    // Someone else has the 18:50 slot with mentor A.
    const other = await separatedFamily();
    await bookSlot(await actorOf(other.mother.user.id), bookingInput({ roundId: sibRound.id, pupilId: other.pupil.id, slotId: a[2].id }), { now: NOW });

    const actor = await actorOf(parent.user.id);
    const page = (await getBookingPage(actor, { now: NOW })).find((r) => r.id === sibRound.id)!;
    expect(page.open).toBe(true);
    expect(page.children.map((ch) => ch.pupilId)).toEqual([older.id, younger.id]);
    const hostA = page.children[0].hosts.find((h) => h.staffId === world.mentorA.staff.id)!;
    expect(hostA.isMentor).toBe(true);
    expect(hostA.evenings.map((e) => e.day)).toEqual(["2026-12-14"]);
    expect(hostA.evenings[0].slots.map((s) => s.id)).not.toContain(a[2].id);
    const hostC = page.children[1].hosts[0];
    expect(hostC.evenings.map((e) => e.day)).toEqual(["2026-12-14", "2026-12-15"]);
    // A's 18:50–19:00 is taken, so C at 19:00 cannot follow A; the earliest pair is A 19:00, then C 19:10.
    expect(page.suggestion).not.toBeNull();
    const { first, second } = page.suggestion!;
    expect(first.slot.endsAt).toEqual(second.slot.startsAt);
    expect([first.pupil, second.pupil].sort()).toEqual([older.firstName, younger.firstName].sort());
    expect(first).toMatchObject({ pupil: older.firstName, slot: { id: a[3].id } });
    expect(second).toMatchObject({ pupil: younger.firstName, slot: { id: c[1].id } });
    // One audit row per child shown.
    expect(await db.auditLog.count({ where: { actorUserId: parent.user.id, action: "conference:view", outcome: "ALLOWED" } })).toBe(2);
    // A parent without the right to book sees no round.
    const noRight = await createGuardianOf([older.id], { hasParentalAuthority: false, informationGrantedAt: NOW, informationCategories: ["RESULTS"] });
    expect(await getBookingPage(await actorOf(noRight.user.id), { now: NOW })).toEqual([]);
  });
});
