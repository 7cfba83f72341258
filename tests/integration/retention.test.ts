import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getRetention } from "@/lib/domain/retention/queries";
import { updateRetention } from "@/lib/domain/retention/commands";
import { unsafeApplyRetention } from "@/lib/domain/retention/jobs";
import { AppError } from "@/lib/errors";
import { actorOf, createFamilies, createGuardianOf, createMentor, createPupil, createResult, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

// Retention with a fixed clock: "now" is 7 December 2026 (Amsterdam), so with the
// defaults results and contact moments of pupils who left on or before 7 December
// 2024 go, absence of pupils who left on or before 7 December 2021, and audit rows
// written before 7 December 2021.
const NOW = new Date("2026-12-07T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
let admin: Awaited<ReturnType<typeof actorOf>>;
let longGone: { id: string };
let recentlyLeft: { id: string };
let stillHere: { id: string };

let round: { id: string };
let event: { id: string };

/** One of each: result, contact moment, question with its answer notice, conference booking with its reminder, event reply, absence, audit rows. */
async function recordsOf(pupilId: string, staffId: string, period: string) {
  const { guardian } = await createGuardianOf([pupilId]);
  const question = await db.mentorQuestion.create({
    data: { pupilId, guardianId: guardian.id, kind: "QUESTION", body: "Hoe gaat het met wiskunde?", answer: "Goed.", answeredAt: day("2020-10-03"), idempotencyKey: `${pupilId}-question` },
  });
  const booking = await db.conferenceBooking.create({
    data: {
      roundId: round.id, pupilId, staffId, bookedByGuardianId: guardian.id, householdKey: "", startsAt: new Date("2020-11-02T15:00:00Z"), endsAt: new Date("2020-11-02T15:10:00Z"),
      idempotencyKey: `${pupilId}-booking`, guardians: { create: [{ guardianId: guardian.id }] },
    },
  });
  const notice = { guardianId: guardian.id, schoolId: world.school.id, channel: "EMAIL", locale: "nl", sendAfter: day("2020-10-03"), status: "DELIVERED" } as const;
  // The reminder names only its booking (no pupil): it still goes with the booking's pupil.
  await db.notification.createMany({
    data: [
      { ...notice, kind: "QUESTION_ANSWERED", pupilId, mentorQuestionId: question.id },
      { ...notice, kind: "CONFERENCE_REMINDER", conferenceBookingId: booking.id },
      { ...notice, kind: "ABSENCE_ALERT", pupilId, aboutDate: day("2020-10-05") },
    ],
  });
  await db.schoolEventReply.create({ data: { eventId: event.id, guardianId: guardian.id, pupilId, answer: "COMING" } });
  await createResult({ id: pupilId, classGroupId: world.classA.id, schoolId: world.school.id }, period, { grade: 7, heldOn: day("2020-10-01"), enteredAt: day("2020-10-01") });
  await db.contactMoment.create({
    data: { pupilId, staffId, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL", summary: "Gebeld", occurredOn: day("2020-10-02"), idempotencyKey: `${pupilId}-contact` },
  });
  await db.absenceRecord.create({ data: { pupilId, date: day("2020-10-05"), lessonHour: 1, kind: "UNAUTHORISED", minutes: 50, reportedBy: "SCHOOL" } });
  await db.auditLog.create({ data: { action: "pupil:view", outcome: "ALLOWED", pupilId, targetId: pupilId, schoolId: world.school.id, role: "MENTOR", category: "record", route: "/mentor/pupils/[pupilId]", at: day("2020-10-06") } });
  await db.auditLog.create({ data: { action: "pupil:view", outcome: "ALLOWED", pupilId, targetId: pupilId, schoolId: world.school.id, role: "MENTOR", category: "record", route: "/mentor/pupils/[pupilId]", at: day("2026-10-06") } });
}

beforeAll(async () => {
  world = await createFamilies();
  const { staff } = await createMentor(world.school.id, []);
  round = await db.conferenceRound.create({
    data: { schoolId: world.school.id, title: "Tienminutengesprekken", slotMinutes: 10, bookingOpensAt: day("2020-10-01"), bookingClosesAt: day("2020-10-30"), idempotencyKey: `${world.school.id}-round` },
  });
  event = await db.schoolEvent.create({
    data: {
      schoolId: world.school.id, schoolYearId: world.schoolYear.id, kind: "INFORMATION_EVENING", title: "Informatieavond", startsAt: new Date("2020-10-08T17:00:00Z"), endsAt: new Date("2020-10-08T19:00:00Z"),
      audience: "SCHOOL", asksReply: true, createdById: world.mentorA.user.id, idempotencyKey: `${world.school.id}-event`,
    },
  });
  admin = await actorOf((await createUser("ADMIN", { boardId: world.school.boardId })).id);
  longGone = await createPupil(world.school.id, world.classA.id);
  recentlyLeft = await createPupil(world.school.id, world.classA.id);
  stillHere = await createPupil(world.school.id, world.classA.id);
  for (const p of [longGone, recentlyLeft, stillHere]) await recordsOf(p.id, staff.id, world.periods[0].id);
  await db.pupil.update({ where: { id: longGone.id }, data: { leftOn: day("2021-07-15") } });
  await db.pupil.update({ where: { id: recentlyLeft.id }, data: { leftOn: day("2025-07-15") } });
});

const countsFor = async (pupilId: string) => ({
  results: await db.result.count({ where: { pupilId } }),
  contacts: await db.contactMoment.count({ where: { pupilId } }),
  absences: await db.absenceRecord.count({ where: { pupilId } }),
  audit: await db.auditLog.count({ where: { pupilId } }),
});
/** The contact-term rows of a pupil: questions, bookings (and their guardian rows), event replies, messages other than absence alerts (also those naming only the booking). */
const conversationsOf = async (pupilId: string) => ({
  questions: await db.mentorQuestion.count({ where: { pupilId } }),
  bookings: await db.conferenceBooking.count({ where: { pupilId } }),
  bookingGuardians: await db.conferenceBookingGuardian.count({ where: { booking: { pupilId } } }),
  eventReplies: await db.schoolEventReply.count({ where: { pupilId } }),
  correspondence: await db.notification.count({ where: { kind: { not: "ABSENCE_ALERT" }, OR: [{ pupilId }, { conferenceBooking: { pupilId } }, { mentorQuestion: { pupilId } }] } }),
  absenceAlerts: await db.notification.count({ where: { kind: "ABSENCE_ALERT", pupilId } }),
});
const ALL_CONVERSATIONS = { questions: 1, bookings: 1, bookingGuardians: 1, eventReplies: 1, correspondence: 2, absenceAlerts: 1 };

describe("retention", () => {
  it("previews for the board administrator what the nightly job would remove, and removes nothing", async () => {
    const overview = await getRetention(admin, world.school.id, NOW);
    expect(overview.settings).toEqual({ results: 2, contacts: 2, absences: 5, audit: 5 });
    expect(overview.cutoffs).toEqual({ results: day("2024-12-07"), contacts: day("2024-12-07"), absences: day("2021-12-07"), audit: day("2021-12-07") });
    // Only the pupil who left in 2021: results, contacts and absence; audit rows of 2020 of all three pupils.
    // Only the pupil who left in 2021: results, contacts (and all contact with parents) and absence; audit rows of 2020 of all three pupils.
    expect(overview.preview).toEqual({
      pupils: 1, results: 1, contacts: 1, questions: 1, bookings: 1, eventReplies: 1, correspondence: 2, absences: 1, sickReports: 0, thresholdCases: 0, messages: 1, audit: 3,
    });
    expect(await countsFor(longGone.id)).toEqual({ results: 1, contacts: 1, absences: 1, audit: 2 });
    expect(await conversationsOf(longGone.id)).toEqual(ALL_CONVERSATIONS);
  });

  it("the nightly job removes exactly that, records the counts, and removes nothing more the second time", async () => {
    const [run] = (await unsafeApplyRetention(NOW)).filter((r) => r.schoolId === world.school.id);
    expect(run.removed).toEqual({ results: 1, contacts: 1, questions: 1, bookings: 1, eventReplies: 1, correspondence: 2, absences: 1, sickReports: 0, thresholdCases: 0, messages: 1, audit: 3 });
    expect(await countsFor(longGone.id)).toEqual({ results: 0, contacts: 0, absences: 0, audit: 1 });
    expect(await conversationsOf(longGone.id)).toEqual({ questions: 0, bookings: 0, bookingGuardians: 0, eventReplies: 0, correspondence: 0, absenceAlerts: 0 });
    // The guardian's own notification about the booking did not stay behind without its booking.
    expect(await db.notification.count({ where: { kind: "CONFERENCE_REMINDER", conferenceBookingId: null, schoolId: world.school.id } })).toBe(0);
    // Left 17 months ago: kept. Still at school: kept (only the old audit row went).
    expect(await countsFor(recentlyLeft.id)).toEqual({ results: 1, contacts: 1, absences: 1, audit: 1 });
    expect(await countsFor(stillHere.id)).toEqual({ results: 1, contacts: 1, absences: 1, audit: 1 });
    expect(await conversationsOf(recentlyLeft.id)).toEqual(ALL_CONVERSATIONS);
    expect(await conversationsOf(stillHere.id)).toEqual(ALL_CONVERSATIONS);
    const [again] = (await unsafeApplyRetention(NOW)).filter((r) => r.schoolId === world.school.id);
    expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
    const runs = await db.retentionRun.findMany({ where: { schoolId: world.school.id }, orderBy: { ranAt: "asc" } });
    expect(runs).toHaveLength(2);
    expect(JSON.stringify(runs)).not.toMatch(/Sanne|Jansen|wiskunde/);
  });

  it("follows the school's own terms: a shorter term for results removes the recent leaver's results at the next run", async () => {
    expect(await updateRetention(admin, { schoolId: world.school.id, results: 1, contacts: 2, absences: 5, audit: 5 })).toBe(true);
    expect(await updateRetention(admin, { schoolId: world.school.id, results: 1, contacts: 2, absences: 5, audit: 5 })).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorUserId: admin.userId, action: "school:update" }, orderBy: { at: "desc" } });
    expect(audit.details).toEqual({ "retention.results": { old: 2, new: 1 } });
    expect((await getRetention(admin, world.school.id, NOW)).preview).toMatchObject({ pupils: 1, results: 1, contacts: 0 });
    await unsafeApplyRetention(NOW);
    expect(await countsFor(recentlyLeft.id)).toEqual({ results: 0, contacts: 1, absences: 1, audit: 1 });
  });

  it("is another board's business elsewhere: 404 and an audit row; other roles are refused", async () => {
    const other = await actorOf((await createUser("ADMIN")).id);
    await expectNotFound(getRetention(other, world.school.id, NOW));
    await expectNotFound(updateRetention(other, { schoolId: world.school.id, results: 3, contacts: 3, absences: 5, audit: 5 }));
    const denied = await db.auditLog.findMany({ where: { actorUserId: other.userId, outcome: "DENIED" } });
    expect(denied.map((r) => r.targetId)).toEqual([world.school.id, world.school.id]);
    const mentor = await actorOf(world.mentorA.user.id);
    await expect(getRetention(mentor, world.school.id, NOW)).rejects.toEqual(new AppError("forbidden"));
    expect((await db.school.findUniqueOrThrow({ where: { id: world.school.id } })).retentionResultsYears).toBe(1);
  });
});
