import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actorOf, createClass, createFamilies, createGuardianOf, createMentor, createPupil, createSchool, createUser } from "@/tests/factories";
import { createBlockRow, createBookingRow, createRoundRow } from "@/tests/factories/conference-school";
import { expectNotFound } from "@/tests/support/next-errors";
import { BlockInput, RoundInput } from "@/lib/domain/conferences/round-schemas";
import { ConferenceValidationError, createRound, updateRound } from "@/lib/domain/conferences/round-commands";
import { listSchoolRounds } from "@/lib/domain/conferences/round-queries";
import { addAvailability, removeAvailability } from "@/lib/domain/conferences/availability-commands";
import { markAttendance, markFollowUpDone } from "@/lib/domain/conferences/attendance-commands";
import { getArrangements, getSchedule, listFollowUps, listNotBooked } from "@/lib/domain/conferences/schedule-queries";
import { listMentorOverview } from "@/lib/domain/contacts/queries";
import { dutchToday } from "@/lib/domain/calendar/dates";

const HOUR = 3_600_000;
type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
let leader: { id: string };

async function leaderOf(schoolId: string) {
  const user = await createUser("LEADER", { schoolId });
  await db.staff.create({ data: { userId: user.id, schoolId } });
  return user;
}

/** Fields as the form sends them. */
function roundForm(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(), title: "Tienminutengesprekken", classIds: [w.classA.id], hostStaffIds: [],
    opensAt: "2027-03-01T09:00", closesAt: "2027-03-08T17:00", slotMinutes: "10", breakAfterSlots: "", breakMinutes: "", parentMode: "SHARED",
    ...overrides,
  };
}

async function expectFieldError(promise: Promise<unknown>, field: string, key: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConferenceValidationError);
  expect((error as ConferenceValidationError).fieldErrors[field]).toBe(`conferenceSchool.errors.${key}`);
}

const NOW = new Date("2027-02-15T12:00:00Z");

/** 17:00 UTC (18:00 or 19:00 in Amsterdam) on the day `days` from today: a block from there never runs past midnight, whatever hour the suite runs. */
function dayAt(days: number) {
  const at = new Date(Date.now() + days * 24 * HOUR);
  at.setUTCHours(17, 0, 0, 0);
  return at;
}

beforeAll(async () => {
  w = await createFamilies();
  leader = await leaderOf(w.school.id);
});

describe("opening a round", () => {
  it("writes the round with its classes and hosts once, whatever the number of submits; Amsterdam times become UTC", async () => {
    const actor = await actorOf(leader.id);
    const input = RoundInput.parse(roundForm({ hostStaffIds: [w.mentorB.staff.id], breakAfterSlots: "4", breakMinutes: "10", parentMode: "SEPARATE" }));
    const first = await createRound(actor, input, { now: NOW });
    const again = await createRound(actor, input, { now: NOW });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const round = await db.conferenceRound.findUniqueOrThrow({ where: { id: first.id }, include: { classes: true, hosts: true } });
    expect(round.bookingOpensAt.toISOString()).toBe("2027-03-01T08:00:00.000Z");
    expect(round.bookingClosesAt.toISOString()).toBe("2027-03-08T16:00:00.000Z");
    expect([round.slotMinutes, round.breakAfterSlots, round.breakMinutes, round.parentMode]).toEqual([10, 4, 10, "SEPARATE"]);
    expect(round.classes.map((c) => c.classGroupId)).toEqual([w.classA.id]);
    expect(round.hosts.map((h) => h.staffId)).toEqual([w.mentorB.staff.id]);
    expect(await db.auditLog.count({ where: { action: "conference:create", outcome: "ALLOWED", targetId: first.id } })).toBe(1);
    const listed = (await listSchoolRounds(actor)).find((r) => r.id === first.id);
    expect(listed).toMatchObject({ classes: w.classA.name, slots: 0, bookings: 0 });
  });

  it("answers bad input with translated keys per field", () => {
    const keys = (form: Record<string, unknown>) => {
      const parsed = RoundInput.safeParse(roundForm(form));
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(keys({ title: "  " })).toEqual({ title: "conferenceSchool.errors.titleRequired" });
    expect(keys({ title: "x".repeat(121) })).toEqual({ title: "conferenceSchool.errors.titleTooLong" });
    expect(keys({ classIds: [] })).toEqual({ classIds: "conferenceSchool.errors.classesRequired" });
    expect(keys({ closesAt: "2027-02-28T09:00" })).toEqual({ closesAt: "conferenceSchool.errors.closesBeforeOpens" });
    expect(keys({ opensAt: "2027-02-30T09:00" })).toEqual({ opensAt: "conferenceSchool.errors.opensAt" });
    expect(keys({ slotMinutes: "4" })).toEqual({ slotMinutes: "conferenceSchool.errors.slotMinutes" });
    expect(keys({ slotMinutes: "61" })).toEqual({ slotMinutes: "conferenceSchool.errors.slotMinutes" });
    expect(keys({ slotMinutes: "ten" })).toEqual({ slotMinutes: "conferenceSchool.errors.slotMinutes" });
    expect(keys({ breakAfterSlots: "3" })).toEqual({ breakMinutes: "conferenceSchool.errors.breakBoth" });
    expect(keys({ parentMode: "BOTH" })).toEqual({ parentMode: "conferenceSchool.errors.parentMode" });
    expect(keys({ idempotencyKey: "x" })).toEqual({ idempotencyKey: "conferenceSchool.errors.invalid" });
  });

  it("refuses another school's class or teacher with an audit row, and writes nothing", async () => {
    const actor = await actorOf(leader.id);
    const other = await createSchool();
    const foreignClass = await createClass(other.school.id, other.schoolYear.id);
    const foreignMentor = await createMentor(other.school.id, []);
    const before = await db.conferenceRound.count();
    await expectFieldError(createRound(actor, RoundInput.parse(roundForm({ classIds: [w.classA.id, foreignClass.id] })), { now: NOW }), "classIds", "unknownClass");
    await expectFieldError(createRound(actor, RoundInput.parse(roundForm({ hostStaffIds: [foreignMentor.staff.id] })), { now: NOW }), "hostStaffIds", "unknownHost");
    await expectFieldError(createRound(actor, RoundInput.parse(roundForm({ closesAt: "2027-02-15T12:30", opensAt: "2027-02-14T09:00" })), { now: NOW }), "closesAt", "closesInPast");
    expect(await db.conferenceRound.count()).toBe(before);
    expect(await db.auditLog.count({ where: { action: "conference:create", outcome: "DENIED", targetId: foreignClass.id } })).toBe(1);
    // A mentor does not open rounds.
    await expect(createRound(await actorOf(w.mentorA.user.id), RoundInput.parse(roundForm()), { now: NOW })).rejects.toEqual(new AppError("forbidden"));
  });

  it("changes everything until booking opens (slots are cut again), then only the name and the closing time", async () => {
    const actor = await actorOf(leader.id);
    const { id } = await createRound(actor, RoundInput.parse(roundForm()), { now: NOW });
    const round = await db.conferenceRound.findUniqueOrThrow({ where: { id } });
    await createBlockRow(round, w.mentorA.staff.id, new Date("2027-03-10T18:00:00Z"), 60);
    expect(await db.conferenceSlot.count({ where: { roundId: id } })).toBe(6);
    await updateRound(actor, id, RoundInput.parse(roundForm({ slotMinutes: "15", classIds: [w.classA.id, w.classB.id] })), { now: NOW });
    expect(await db.conferenceSlot.count({ where: { roundId: id } })).toBe(4);
    expect(await db.conferenceRoundClass.count({ where: { roundId: id } })).toBe(2);
    const afterOpening = new Date("2027-03-02T12:00:00Z");
    await expectFieldError(updateRound(actor, id, RoundInput.parse(roundForm({ slotMinutes: "10", classIds: [w.classA.id, w.classB.id] })), { now: afterOpening }), "_form", "windowOpen");
    await updateRound(actor, id, RoundInput.parse(roundForm({ title: "Nieuwe naam", slotMinutes: "15", classIds: [w.classA.id, w.classB.id], closesAt: "2027-03-09T17:00" })), { now: afterOpening });
    expect(await db.conferenceRound.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Nieuwe naam", slotMinutes: 15 });
  });
});

describe("availability", () => {
  const block = (roundId: string, from: string, to: string, day = "2027-03-11") => BlockInput.parse({ roundId, day, from, to, location: "1.14" });

  it("cuts a block into slots with breaks in one go; the same block twice is one block; overlaps are refused", async () => {
    const round = await createRoundRow(w.school.id, [w.classA.id], { slotMinutes: 10, breakAfterSlots: 3, breakMinutes: 5 });
    const mentor = await actorOf(w.mentorA.user.id);
    const first = await addAvailability(mentor, block(round.id, "19:00", "20:00"), { now: NOW });
    expect(first).toMatchObject({ slots: 5, created: true });
    const slots = await db.conferenceSlot.findMany({ where: { availabilityId: first.id }, orderBy: { startsAt: "asc" } });
    // 19:00, 19:10, 19:20, a break, 19:35, 19:45 (Amsterdam winter time = UTC+1).
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual(["18:00", "18:10", "18:20", "18:35", "18:45"]);
    expect(await addAvailability(mentor, block(round.id, "19:00", "20:00"), { now: NOW })).toEqual({ id: first.id, slots: 5, created: false });
    await expectFieldError(addAvailability(mentor, block(round.id, "19:30", "20:30"), { now: NOW }), "from", "overlap");
    // Another round of the same host: still the same evening for that person.
    const other = await createRoundRow(w.school.id, [w.classA.id]);
    await expectFieldError(addAvailability(mentor, block(other.id, "18:30", "19:10"), { now: NOW }), "from", "overlap");
    await expectFieldError(addAvailability(mentor, block(round.id, "21:00", "21:05"), { now: NOW }), "to", "blockTooShort");
    await expectFieldError(addAvailability(mentor, block(round.id, "19:00", "20:00", "2027-02-01"), { now: NOW }), "day", "blockInPast");
    expect(await db.conferenceAvailability.count({ where: { staffId: w.mentorA.staff.id, roundId: { in: [round.id, other.id] } } })).toBe(1);
  });

  it("refuses a mentor who does not host the round, and bad times with translated keys", async () => {
    const round = await createRoundRow(w.school.id, [w.classA.id]);
    const outsider = await actorOf(w.mentorB.user.id);
    await expect(addAvailability(outsider, block(round.id, "19:00", "20:00"), { now: NOW })).rejects.toEqual(new AppError("notFound"));
    expect(await db.auditLog.count({ where: { action: "conference:availability", outcome: "DENIED", targetId: round.id } })).toBe(1);
    // Added as an extra teacher, the same mentor may.
    const hosted = await createRoundRow(w.school.id, [w.classA.id], { hostStaffIds: [w.mentorB.staff.id] });
    expect((await addAvailability(outsider, block(hosted.id, "17:00", "17:30"), { now: NOW })).slots).toBe(3);
    const bad = (input: Record<string, string>) => {
      const parsed = BlockInput.safeParse({ roundId: round.id, day: "2027-03-10", from: "19:00", to: "20:00", ...input });
      return parsed.success ? null : parsed.error.issues.map((i) => i.message);
    };
    expect(bad({ to: "18:00" })).toEqual(["conferenceSchool.errors.toBeforeFrom"]);
    expect(bad({ day: "2027-13-01" })).toEqual(["conferenceSchool.errors.day"]);
    expect(bad({ from: "7pm" })).toEqual(["conferenceSchool.errors.from"]);
    expect(bad({ location: "x".repeat(61) })).toEqual(["conferenceSchool.errors.locationTooLong"]);
  });

  it("removes a free block with its slots, and refuses one that holds a booking", async () => {
    const round = await createRoundRow(w.school.id, [w.classA.id]);
    const mentor = await actorOf(w.mentorA.user.id);
    const free = await addAvailability(mentor, block(round.id, "15:00", "15:30"), { now: NOW });
    const busy = await addAvailability(mentor, block(round.id, "16:00", "16:30"), { now: NOW });
    const slots = await db.conferenceSlot.findMany({ where: { availabilityId: busy.id }, orderBy: { startsAt: "asc" } });
    await createBookingRow(round.id, w.pupilA.id, w.parentA.guardian.id, [slots[1]]);
    await removeAvailability(mentor, free.id);
    expect(await db.conferenceSlot.count({ where: { availabilityId: free.id } })).toBe(0);
    await removeAvailability(mentor, free.id); // twice: nothing happens
    await expectFieldError(removeAvailability(mentor, busy.id), "_form", "blockHasBookings");
    expect(await db.conferenceSlot.count({ where: { availabilityId: busy.id } })).toBe(3);
    await expect(removeAvailability(await actorOf(w.mentorB.user.id), busy.id)).rejects.toEqual(new AppError("notFound"));
  });
});

describe("attendance, follow-up and coverage", () => {
  it("marks once per click by the host, refuses others with 404 + audit, feeds the follow-up list and counts as an attempt, not a contact", async () => {
    const world = await createFamilies();
    const round = await createRoundRow(world.school.id, [world.classA.id], { opensAt: new Date(Date.now() - 20 * 24 * HOUR), closesAt: new Date(Date.now() - 5 * 24 * HOUR) });
    const evening = dayAt(-3);
    const { slots } = await createBlockRow(round, world.mentorA.staff.id, evening, 60);
    const booking = await createBookingRow(round.id, world.pupilA.id, world.parentA.guardian.id, [slots[0], slots[1]], { interpreterLanguage: "tr" });
    await db.guardian.update({ where: { id: world.parentA.guardian.id }, data: { phone: "06 1234 5678" } });
    const host = await actorOf(world.mentorA.user.id);

    const schedule = await getSchedule(host, round.id);
    expect(schedule.evenings).toHaveLength(1);
    // The interpreter booking holds two slots and shows once.
    expect(schedule.evenings[0].rows).toHaveLength(5);
    expect(schedule.evenings[0].rows[0].booking).toMatchObject({ id: booking.id, interpreterLanguage: "tr", markable: true, attendance: null });
    expect(await db.auditLog.count({ where: { action: "conference:view", pupilId: world.pupilA.id, route: "/mentor/conferences/[roundId]" } })).toBe(1);

    // Not yet started (an earlier clock): refused with a message, nothing written.
    await expectFieldError(markAttendance(host, booking.id, "NO_SHOW", { now: new Date(evening.getTime() - HOUR) }), "_form", "notStarted");
    expect(await markAttendance(host, booking.id, "NO_SHOW")).toEqual({ changed: true });
    expect(await markAttendance(host, booking.id, "NO_SHOW")).toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { action: "conference:attendance", outcome: "ALLOWED", pupilId: world.pupilA.id } })).toBe(1);

    // Another class's mentor: 404 and a row naming the pupil; a parent: refused role. Nothing changes.
    await expectNotFound(markAttendance(await actorOf(world.mentorB.user.id), booking.id, "CAME"));
    await expect(markAttendance(await actorOf(world.parentA.user.id), booking.id, "CAME")).rejects.toEqual(new AppError("forbidden"));
    expect(await db.auditLog.count({ where: { action: "conference:attendance", outcome: "DENIED", pupilId: world.pupilA.id } })).toBe(2);
    expect((await db.conferenceBooking.findUniqueOrThrow({ where: { id: booking.id } })).attendance).toBe("NO_SHOW");

    // The follow-up list, with the phone number.
    const followUps = await listFollowUps(host);
    expect(followUps.map((f) => f.id)).toEqual([booking.id]);
    expect(followUps[0].guardians[0].phone).toBe("06 1234 5678");
    expect(await listFollowUps(await actorOf(world.mentorB.user.id))).toEqual([]);

    // Coverage: an attempt on the day of the evening; still not reached, no contact counted.
    const row = (await listMentorOverview(host, { show: "all", sort: "name" })).rows.find((r) => r.id === world.pupilA.id)!;
    expect(row.lastAttempt).toEqual(dutchToday(evening));
    expect(row.notReached).toBe(true);
    expect(row.countThisYear).toBe(0);

    // Done: off the list (twice is harmless); a correction to CAME keeps it off, a new NO_SHOW puts it back.
    await markFollowUpDone(host, booking.id);
    await markFollowUpDone(host, booking.id);
    expect(await listFollowUps(host)).toEqual([]);
    await markAttendance(host, booking.id, "CAME");
    await markAttendance(host, booking.id, "NO_SHOW");
    expect((await listFollowUps(host)).map((f) => f.id)).toEqual([booking.id]);

    // A contact moment logged after the evening also ends the follow-up, and the attempt is older than that contact.
    await db.contactMoment.create({
      data: { pupilId: world.pupilA.id, staffId: world.mentorA.staff.id, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL", summary: "Gebeld", occurredOn: dutchToday(), idempotencyKey: randomUUID() },
    });
    expect(await listFollowUps(host)).toEqual([]);
    const after = (await listMentorOverview(host, { show: "all", sort: "name" })).rows.find((r) => r.id === world.pupilA.id)!;
    expect(after.lastAttempt).toBeNull();
    expect(after.countThisYear).toBe(1);
  });
});

describe("not-booked list", () => {
  it("lists the mentor's families without a live booking in rounds still open, with who may book and their phones", async () => {
    const { school, schoolYear } = await createSchool();
    const mine = await createClass(school.id, schoolYear.id);
    const theirs = await createClass(school.id, schoolYear.id);
    const mentor = await createMentor(school.id, [mine.id]);
    const booked = await createPupil(school.id, mine.id);
    const waiting = await createPupil(school.id, mine.id);
    const restricted = await createPupil(school.id, mine.id);
    const cancelled = await createPupil(school.id, mine.id);
    const elsewhere = await createPupil(school.id, theirs.id);
    const bookedParent = await createGuardianOf([booked.id]);
    const waitingParent = await createGuardianOf([waiting.id]);
    await db.guardian.update({ where: { id: waitingParent.guardian.id }, data: { phone: "020 555 0101" } });
    const withoutAuthority = await createGuardianOf([waiting.id], { hasParentalAuthority: false });
    await createGuardianOf([restricted.id], { accessRestricted: true });
    const cancelledParent = await createGuardianOf([cancelled.id]);
    await createGuardianOf([elsewhere.id]);
    const round = await createRoundRow(school.id, [mine.id, theirs.id]);
    const { slots } = await createBlockRow(round, mentor.staff.id, dayAt(10), 60);
    await createBookingRow(round.id, booked.id, bookedParent.guardian.id, [slots[0]]);
    await createBookingRow(round.id, cancelled.id, cancelledParent.guardian.id, [slots[1]], { cancelledAt: new Date() });
    await createRoundRow(school.id, [mine.id], { closesAt: new Date(Date.now() - HOUR), opensAt: new Date(Date.now() - 48 * HOUR) });

    const actor = await actorOf(mentor.user.id);
    const list = await listNotBooked(actor);
    expect(list.map((r) => r.roundId)).toEqual([round.id]);
    const families = list[0].families;
    expect(families.map((f) => f.pupilId).sort()).toEqual([waiting.id, restricted.id, cancelled.id].sort());
    const w1 = families.find((f) => f.pupilId === waiting.id)!;
    expect(w1.guardians).toEqual([{ id: waitingParent.guardian.id, name: expect.any(String), phone: "020 555 0101" }]);
    expect(w1.guardians.some((g) => g.id === withoutAuthority.guardian.id)).toBe(false);
    expect(families.find((f) => f.pupilId === restricted.id)!.guardians).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "conference:view", route: "/mentor/conferences", pupilId: { in: [waiting.id, restricted.id, cancelled.id] } } })).toBe(3);

    // SEPARATE: each household books its own; the household that has not booked is still listed.
    const separate = await createRoundRow(school.id, [mine.id], { parentMode: "SEPARATE" });
    const other = await createGuardianOf([booked.id]);
    await db.guardianLink.updateMany({ where: { guardianId: other.guardian.id }, data: { household: "B" } });
    await db.guardianLink.updateMany({ where: { guardianId: bookedParent.guardian.id }, data: { household: "A" } });
    const more = await createBlockRow(separate, mentor.staff.id, dayAt(12), 30);
    await createBookingRow(separate.id, booked.id, bookedParent.guardian.id, [more.slots[0]], { householdKey: "A" });
    const sep = (await listNotBooked(actor)).find((r) => r.roundId === separate.id)!;
    expect(sep.families.find((f) => f.pupilId === booked.id)!.guardians.map((g) => g.id)).toEqual([other.guardian.id]);
  });
});

describe("arrangements", () => {
  it("lists live interpreter and childcare requests with counts per language; another school's leader gets 404", async () => {
    const world = await createFamilies();
    const round = await createRoundRow(world.school.id, [world.classA.id, world.classB.id]);
    const a = await createBlockRow(round, world.mentorA.staff.id, dayAt(10), 60);
    const b = await createBlockRow(round, world.mentorB.staff.id, dayAt(10), 60);
    const extra = await createPupil(world.school.id, world.classA.id);
    const extraParent = await createGuardianOf([extra.id]);
    const third = await createPupil(world.school.id, world.classA.id);
    const thirdParent = await createGuardianOf([third.id]);
    await createBookingRow(round.id, world.pupilA.id, world.parentA.guardian.id, [a.slots[0], a.slots[1]], { interpreterLanguage: "ar", childcare: true });
    await createBookingRow(round.id, world.pupilB.id, world.parentB.guardian.id, [b.slots[0], b.slots[1]], { interpreterLanguage: "ar" });
    await createBookingRow(round.id, extra.id, extraParent.guardian.id, [a.slots[3], a.slots[4]], { interpreterLanguage: "tr" });
    await createBookingRow(round.id, third.id, thirdParent.guardian.id, [a.slots[5]], { interpreterLanguage: "pl", cancelledAt: new Date() });
    const lead = await leaderOf(world.school.id);
    const result = await getArrangements(await actorOf(lead.id), round.id);
    expect(result.perLanguage).toEqual([{ language: "ar", count: 2 }, { language: "tr", count: 1 }]);
    expect(result.interpreters).toHaveLength(3);
    expect(result.childcare.map((r) => r.pupilName)).toEqual([`${world.pupilA.firstName} ${world.pupilA.lastName}`]);
    expect(await db.auditLog.count({ where: { action: "conference:view", route: "/leader/conferences/[roundId]/arrangements", pupilId: { in: [world.pupilA.id, world.pupilB.id, extra.id] } } })).toBe(3);
    const stranger = await leaderOf((await createSchool()).school.id);
    await expect(getArrangements(await actorOf(stranger.id), round.id)).rejects.toEqual(new AppError("notFound"));
    expect(await db.auditLog.count({ where: { action: "conference:view", outcome: "DENIED", targetId: round.id } })).toBe(1);
  });
});

describe("isolation", () => {
  it("refuses every role but the host's, and a mentor who does not host, with a row naming the pupil; lists refuse other roles", async () => {
    const world = await createFamilies();
    const round = await createRoundRow(world.school.id, [world.classA.id], { closesAt: new Date(Date.now() - HOUR), opensAt: new Date(Date.now() - 48 * HOUR) });
    const { slots } = await createBlockRow(round, world.mentorA.staff.id, new Date(Date.now() - 2 * HOUR), 30);
    const booking = await createBookingRow(round.id, world.pupilA.id, world.parentA.guardian.id, [slots[0]]);
    const officer = await createUser("ATTENDANCE_OFFICER", { schoolId: world.school.id });
    await db.staff.create({ data: { userId: officer.id, schoolId: world.school.id } });
    const others = [await leaderOf(world.school.id), officer, world.parentA.user, await createUser("ADMIN")];
    for (const user of others) {
      const actor = await actorOf(user.id);
      await expect(markAttendance(actor, booking.id, "CAME")).rejects.toEqual(new AppError("forbidden"));
      await expect(markFollowUpDone(actor, booking.id)).rejects.toEqual(new AppError("forbidden"));
      await expect(listFollowUps(actor)).rejects.toEqual(new AppError("forbidden"));
      await expect(listNotBooked(actor)).rejects.toEqual(new AppError("forbidden"));
      await expect(getSchedule(actor, round.id)).rejects.toEqual(new AppError("forbidden"));
    }
    expect(await db.auditLog.count({ where: { action: { in: ["conference:attendance", "conference:followUp"] }, outcome: "DENIED", pupilId: world.pupilA.id } })).toBe(8);
    const outsider = await actorOf(world.mentorB.user.id);
    await expect(getSchedule(outsider, round.id)).rejects.toEqual(new AppError("notFound"));
    await expectNotFound(markFollowUpDone(outsider, booking.id));
    expect(await db.auditLog.count({ where: { actorUserId: world.mentorB.user.id, outcome: "DENIED" } })).toBe(2);
    expect((await db.conferenceBooking.findUniqueOrThrow({ where: { id: booking.id } })).attendance).toBeNull();
  });
});
