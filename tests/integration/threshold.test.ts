import { beforeAll, describe, expect, it } from "vitest";
import { db, queryStats } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/types";
import { getThresholdList } from "@/lib/domain/attendance/threshold-queries";
import { THRESHOLD_AUDIT_ACTION, ThresholdValidationError, updateThresholdCase } from "@/lib/domain/attendance/threshold-commands";
import { getDeliveryLog, shortError } from "@/lib/domain/attendance/delivery-queries";
import { actorOf, createGuardianOf, createMentor } from "@/tests/factories";
import {
  addDays, createAttendanceSchool, createClassPupil, createHoliday, createLessonAbsences, createNotification, day, type LessonAbsence,
} from "@/tests/factories/threshold";
import { expectNotFound } from "@/tests/support/next-errors";

// "Today" is Friday 21 March 2031, in a school year of its own: the same school weeks on every run.
const NOW = new Date("2031-03-21T12:00:00Z");
// School weeks around the spring holiday (17–23 February): 3 Feb, 10 Feb, [holiday], 24 Feb, 3 Mar.
const AROUND_HOLIDAY = ["2031-02-03", "2031-02-10", "2031-02-24", "2031-03-03"].map(day);
const EIGHT_WEEKS = ["2031-01-06", "2031-01-13", "2031-01-20", "2031-01-27", "2031-02-03", "2031-02-10", "2031-02-24", "2031-03-03"].map(day);

type World = Awaited<ReturnType<typeof createAttendanceSchool>>;
let world: World;
let other: World;
let officer: Actor;
let leader: Actor;
const pupils: Record<"anouk" | "bram" | "cas" | "daan" | "eva" | "foreign", { id: string; schoolId: string }> = {} as never;

/** `minutes` of unauthorised absence in each week (on Tuesday, in lessons of 60 or fewer minutes). */
const weekly = (mondays: Date[], minutes: number): LessonAbsence[] =>
  mondays.map((monday) => ({ date: addDays(monday, 1), kind: "UNAUTHORISED", minutes: Math.min(60, minutes), lessons: Math.ceil(minutes / 60) }));

beforeAll(async () => {
  world = await createAttendanceSchool();
  other = await createAttendanceSchool();
  await createHoliday(world.school.id, "christmas", day("2030-12-21"), day("2031-01-05"));
  await createHoliday(world.school.id, "spring", day("2031-02-17"), day("2031-02-23"));
  await createMentor(world.school.id, [world.classGroup.id]);
  [officer, leader] = await Promise.all([actorOf(world.officer.user.id), actorOf(world.leader.user.id)]);

  const make = (firstName: string, w = world) => createClassPupil(w.school.id, w.classGroup.id, firstName);
  pupils.anouk = await make("Anouk");
  pupils.bram = await make("Bram");
  pupils.cas = await make("Cas");
  pupils.daan = await make("Daan");
  pupils.eva = await make("Eva");
  pupils.foreign = await make("Fenna", other);

  // Anouk: 3 h unauthorised + 1 h late in each of the 4 school weeks around the holiday = 16 h.
  // Absence registered on a holiday day, sickness and removal from class do not count.
  await createLessonAbsences(pupils.anouk.id, [
    ...AROUND_HOLIDAY.flatMap((monday): LessonAbsence[] => [
      { date: addDays(monday, 1), kind: "UNAUTHORISED", minutes: 60, lessons: 3 },
      { date: addDays(monday, 2), kind: "LATE", minutes: 20, lessons: 3 },
    ]),
    { date: day("2031-02-18"), kind: "UNAUTHORISED", minutes: 60, lessons: 2 },
    { date: day("2031-03-11"), kind: "SICK", minutes: 60, lessons: 8 },
    { date: day("2031-03-12"), kind: "REMOVED", minutes: 60, lessons: 1 },
  ]);
  // Bram: 11 h unauthorised + 1.5 h late in two weeks = 12.5 h.
  await createLessonAbsences(pupils.bram.id, [
    { date: day("2031-03-10"), kind: "UNAUTHORISED", minutes: 60, lessons: 6 },
    { date: day("2031-03-18"), kind: "UNAUTHORISED", minutes: 60, lessons: 5 },
    { date: day("2031-03-19"), kind: "LATE", minutes: 30, lessons: 3 },
  ]);
  // Cas: 20 h spread evenly over 8 school weeks = 10 h in any 4: near, never over.
  await createLessonAbsences(pupils.cas.id, weekly(EIGHT_WEEKS, 150).map((a) => ({ ...a, minutes: 50, lessons: 3 })));
  // Daan: 9 h 40 min unauthorised; the 20 minutes late make it 10 h.
  await createLessonAbsences(pupils.daan.id, [
    { date: day("2031-03-10"), kind: "UNAUTHORISED", minutes: 50, lessons: 6 },
    { date: day("2031-03-11"), kind: "UNAUTHORISED", minutes: 50, lessons: 5 },
    { date: day("2031-03-12"), kind: "UNAUTHORISED", minutes: 30, lessons: 1 },
    { date: day("2031-03-13"), kind: "LATE", minutes: 20, lessons: 1 },
  ]);
  // Eva: 16 h spread over 8 school weeks = 8 h in any 4: not listed.
  await createLessonAbsences(pupils.eva.id, weekly(EIGHT_WEEKS, 120));
  // Another school's pupil far over the threshold.
  await createLessonAbsences(pupils.foreign.id, [{ date: day("2031-03-17"), kind: "UNAUTHORISED", minutes: 60, lessons: 8 }, ...weekly([day("2031-03-10")], 720)]);
});

describe("the threshold list", () => {
  it("lists pupils over 16 hours in 4 school weeks, skipping the holiday and counting late arrivals", async () => {
    const list = await getThresholdList(officer, { now: NOW });
    expect(list.year?.name).toBe("2030-2031");
    expect(list.over).toEqual([
      expect.objectContaining({
        pupilId: pupils.anouk.id, name: expect.stringMatching(/^Anouk /), className: "3C", state: "over", minutes: 960, hours: 16,
        windowStart: day("2031-02-03"), windowEnd: day("2031-03-07"), case: null,
      }),
    ]);
    expect(list.over[0].mentors).toHaveLength(1);
    expect(list.holidays.map((h) => h.name)).toEqual(["christmas", "spring"]);
  });

  it("lists pupils from 10 hours as near, worst first; 20 hours over 8 weeks is never over", async () => {
    const { near } = await getThresholdList(officer, { now: NOW });
    expect(near[0]).toMatchObject({ pupilId: pupils.bram.id, minutes: 750, hours: 12.5 });
    expect(near.slice(1).map((r) => r.pupilId).sort()).toEqual([pupils.cas.id, pupils.daan.id].sort());
    expect(near.slice(1).every((r) => r.minutes === 600)).toBe(true);
  });

  it("leaves out pupils below 10 hours and every other school's pupils", async () => {
    const list = await getThresholdList(officer, { now: NOW });
    const listed = [...list.over, ...list.near].map((r) => r.pupilId);
    expect(listed).not.toContain(pupils.eva.id);
    expect(listed).not.toContain(pupils.foreign.id);
    const theirs = await getThresholdList(await actorOf(other.officer.user.id), { now: NOW });
    expect(theirs.over.map((r) => r.pupilId)).toEqual([pupils.foreign.id]);
    expect(theirs.near).toEqual([]);
  });

  it("is read by the school leader too, and by no mentor", async () => {
    const list = await getThresholdList(leader, { now: NOW });
    expect(list.over.map((r) => r.pupilId)).toEqual([pupils.anouk.id]);
    const mentor = await db.mentorship.findFirstOrThrow({ where: { classGroupId: world.classGroup.id }, select: { staff: { select: { userId: true } } } });
    await expect(getThresholdList(await actorOf(mentor.staff.userId), { now: NOW })).rejects.toEqual(new AppError("forbidden"));
  });

  it("makes 4 queries (5 with the page's actor), however many pupils are listed, and audits every pupil listed", async () => {
    const school = await createAttendanceSchool();
    await createHoliday(school.school.id, "spring", day("2031-02-17"), day("2031-02-23"));
    const actor = await actorOf(school.officer.user.id);
    const measure = async () => {
      const before = queryStats.count;
      const list = await getThresholdList(actor, { now: NOW });
      return { queries: queryStats.count - before, listed: list.over.length + list.near.length };
    };
    const add = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const pupil = await createClassPupil(school.school.id, school.classGroup.id);
        await createLessonAbsences(pupil.id, weekly(AROUND_HOLIDAY, i % 2 ? 180 : 240));
      }
    };
    await add(2);
    const small = await measure();
    await add(30);
    const large = await measure();
    expect(small.listed).toBe(2);
    expect(large.listed).toBe(32);
    expect(large.queries).toBe(small.queries);
    // The calendar, the per-day sums, the listed pupils and their audit rows (one statement).
    expect(small.queries).toBeLessThanOrEqual(4);
    const audited = await db.auditLog.findMany({ where: { actorUserId: actor.userId, action: "attendance:view" } });
    expect(audited).toHaveLength(2 + 32);
    expect(audited.every((r) => r.pupilId && r.role === "ATTENDANCE_OFFICER" && r.category === "attendance" && r.route === "/attendance")).toBe(true);
  });
});

describe("updating a pupil's status", () => {
  const caseOf = (pupilId: string) => db.thresholdCase.findMany({ where: { pupilId } });

  it("the command checks the same rules: a catalogue key per field, nothing written", async () => {
    for (const [input, errors] of [
      [{ status: "REPORTED", reportedOn: null, note: null }, { reportedOn: "thresholdErrors.reportedOnRequired" }],
      [{ status: "REPORTED", reportedOn: day("2031-03-22"), note: null }, { reportedOn: "thresholdErrors.reportedOnInFuture" }],
      [{ status: "NOT_REQUIRED", reportedOn: null, note: null }, { note: "thresholdErrors.reasonRequired" }],
    ] as const) {
      const error = await updateThresholdCase(officer, { pupilId: pupils.bram.id, ...input }, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThresholdValidationError);
      expect((error as ThresholdValidationError).fieldErrors).toEqual(errors);
    }
    expect(await caseOf(pupils.bram.id)).toEqual([]);
  });

  it("saves a report once, even when the form is submitted twice, and the list shows it", async () => {
    const input = { pupilId: pupils.anouk.id, status: "REPORTED", reportedOn: day("2031-03-19"), note: "Gemeld via het verzuimloket" } as const;
    await Promise.all([updateThresholdCase(officer, input, NOW), updateThresholdCase(officer, input, NOW)]);
    await updateThresholdCase(officer, input, NOW);
    const rows = await caseOf(pupils.anouk.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "REPORTED", reportedOn: day("2031-03-19"), note: "Gemeld via het verzuimloket", schoolYearId: world.schoolYear.id, updatedById: world.officer.staff.id });

    const list = await getThresholdList(officer, { now: NOW });
    expect(list.over[0].case).toMatchObject({ status: "REPORTED", reportedOn: day("2031-03-19"), updatedBy: world.officer.user.name });
  });

  it("changing to 'not required' clears the date and keeps the reason", async () => {
    await updateThresholdCase(officer, { pupilId: pupils.cas.id, status: "REPORTED", reportedOn: day("2031-03-20"), note: null }, NOW);
    await updateThresholdCase(officer, { pupilId: pupils.cas.id, status: "NOT_REQUIRED", reportedOn: day("2031-03-20"), note: "Langdurig ziek, geregeld met de GGD" }, NOW);
    expect(await caseOf(pupils.cas.id)).toEqual([expect.objectContaining({ status: "NOT_REQUIRED", reportedOn: null, note: "Langdurig ziek, geregeld met de GGD" })]);
  });

  it("an officer of another school gets 404, an audit row, and writes nothing", async () => {
    const foreignOfficer = await actorOf(other.officer.user.id);
    await expectNotFound(updateThresholdCase(foreignOfficer, { pupilId: pupils.daan.id, status: "TO_REPORT", reportedOn: null, note: null }, NOW));
    expect(await caseOf(pupils.daan.id)).toEqual([]);
    const audit = await db.auditLog.findFirst({ where: { actorUserId: foreignOfficer.userId, outcome: "DENIED" } });
    expect(audit).toMatchObject({ action: THRESHOLD_AUDIT_ACTION, pupilId: pupils.daan.id, targetId: pupils.daan.id });
  });

  it("the school leader may read the list but not change it", async () => {
    await expect(updateThresholdCase(leader, { pupilId: pupils.daan.id, status: "TO_REPORT", reportedOn: null, note: null }, NOW)).rejects.toEqual(new AppError("forbidden"));
    expect(await caseOf(pupils.daan.id)).toEqual([]);
  });
});

describe("the delivery log", () => {
  let guardianId: string;
  beforeAll(async () => {
    guardianId = (await createGuardianOf([pupils.anouk.id])).guardian.id;
    await createNotification(pupils.anouk, { guardianId, status: "DELIVERED", deliveredAt: new Date("2031-03-20T09:16:00Z"), attempts: 1, body: "GEHEIME-BERICHTTEKST" });
    await createNotification(pupils.anouk, {
      guardianId, status: "FAILED", channel: "SMS", aboutDate: day("2031-03-19"), attempts: 8,
      lastError: "550 mailbox ouder.jansen@example.test unavailable\nstack trace line", body: "GEHEIME-BERICHTTEKST",
    });
    await createNotification(pupils.bram, { status: "PENDING" });
    await createNotification(pupils.foreign, { status: "DELIVERED", subject: "ANDERE-SCHOOL" });
  });

  it("shows the school's own messages, newest first, with counts per status and never the body", async () => {
    const log = await getDeliveryLog(officer);
    expect(log.rows).toHaveLength(3);
    expect(log.rows.map((r) => r.pupilName).every((name) => !name.startsWith("Fenna"))).toBe(true);
    expect(log.counts).toEqual({ PENDING: 1, RETRYING: 0, SENDING: 0, DELIVERED: 1, FAILED: 1, SKIPPED: 0 });
    expect(log.total).toBe(3);
    const delivered = log.rows.find((r) => r.status === "DELIVERED")!;
    expect(delivered).toMatchObject({ channel: "EMAIL", subject: "Afwezig vandaag", deliveredAt: new Date("2031-03-20T09:16:00Z"), attempts: 1 });
    const json = JSON.stringify(log);
    expect(json).not.toContain("GEHEIME-BERICHTTEKST");
    expect(json).not.toContain("ANDERE-SCHOOL");
    expect(json).not.toContain("ouder@example.test");
    expect(log.rows.find((r) => r.status === "FAILED")?.lastError).toBe("550 mailbox …@… unavailable");
  });

  it("filters on status and pages by 50", async () => {
    expect((await getDeliveryLog(leader, { status: "FAILED" })).rows.map((r) => r.channel)).toEqual(["SMS"]);
    for (let i = 0; i < 50; i++) await createNotification(pupils.daan, { status: "SKIPPED", guardianId, aboutDate: addDays(day("2031-01-06"), i) });
    const first = await getDeliveryLog(officer, { page: 1 });
    const second = await getDeliveryLog(officer, { page: 2 });
    expect(first.rows).toHaveLength(50);
    expect(first.hasNext).toBe(true);
    expect(second.rows).toHaveLength(3);
    expect(second.hasNext).toBe(false);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(53);
  });

  it("is closed to parents", async () => {
    const parent = await actorOf((await db.guardian.findUniqueOrThrow({ where: { id: guardianId }, select: { userId: true } })).userId);
    await expect(getDeliveryLog(parent)).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("shortError", () => {
  it("keeps the first line, masks addresses and phone numbers, and stays short", () => {
    expect(shortError(null)).toBeNull();
    expect(shortError("SMS to +31 6 1234 5678 rejected")).toBe("SMS to … rejected");
    expect(shortError(`timeout ${"x".repeat(200)}`)).toHaveLength(120);
  });
});
