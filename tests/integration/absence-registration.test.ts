import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { AbsenceInput } from "@/lib/domain/attendance/schemas";
import { AbsenceValidationError, registerAbsence, unsafeRegisterAbsenceRecords } from "@/lib/domain/attendance/commands";
import { getAbsenceDay, getAttendancePupil, listClassPupils, listRegistrationClasses } from "@/lib/domain/attendance/queries";
import { actorOf, createClass, createFamilies, createPupil, createSchool } from "@/tests/factories";
import {
  createAttendanceOfficer, createGuardianFor, createHoliday, createLeader, createParentReportedAbsence, isoDay, nextWeekday, recentWeekday,
} from "@/tests/factories/absence";
import { expectNotFound } from "@/tests/support/next-errors";

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
let officer: Awaited<ReturnType<typeof createAttendanceOfficer>>;
let otherSchoolOfficer: Awaited<ReturnType<typeof createAttendanceOfficer>>;
const DAY = 86_400_000;
const day = recentWeekday(0);

function input(overrides: Record<string, unknown> = {}): AbsenceInput {
  return AbsenceInput.parse({ pupilId: world.pupilA.id, date: isoDay(day), fromLesson: "3", toLesson: "5", kind: "UNAUTHORISED", minutes: "", reason: "", ...overrides });
}

const recordsOf = (pupilId: string, date: Date = day) => db.absenceRecord.findMany({ where: { pupilId, date }, orderBy: { lessonHour: "asc" } });
const countWritten = async (pupilId: string) => ({
  records: await db.absenceRecord.count({ where: { pupilId } }),
  notifications: await db.notification.count({ where: { pupilId } }),
});

/** The job queue's jobs for these notifications (job key = notification id). */
async function jobsFor(notificationIds: string[]): Promise<number> {
  const [{ table }] = await db.$queryRaw<{ table: string | null }[]>`SELECT to_regclass('graphile_worker._private_jobs')::text AS "table"`;
  const rows = table
    ? await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ANY(${notificationIds}::text[])`
    : await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${notificationIds}::text[])`;
  return rows[0].n;
}

beforeAll(async () => {
  world = await createFamilies();
  officer = await createAttendanceOfficer(world.school.id);
  const other = await createSchool();
  otherSchoolOfficer = await createAttendanceOfficer(other.school.id);
});

describe("a mentor registers absence for lesson hours", () => {
  it("writes one record per lesson, by the school; the same again updates them", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const first = await registerAbsence(mentor, input({ reason: "Niet op komen dagen" }));
    expect(first.written).toBe(3);
    const records = await recordsOf(world.pupilA.id);
    expect(records.map((r) => r.lessonHour)).toEqual([3, 4, 5]);
    for (const r of records) expect(r).toMatchObject({ kind: "UNAUTHORISED", minutes: 50, reportedBy: "SCHOOL", recordedById: world.mentorA.staff.id, reason: "Niet op komen dagen" });

    const again = await registerAbsence(mentor, input({ kind: "AUTHORISED", reason: "Toch afgemeld" }));
    expect(again.written).toBe(3);
    const updated = await recordsOf(world.pupilA.id);
    expect(updated.map((r) => r.id)).toEqual(records.map((r) => r.id));
    for (const r of updated) expect(r).toMatchObject({ kind: "AUTHORISED", reason: "Toch afgemeld" });
  });

  it("a double submit writes the records once and queues one message per guardian", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const pupil = await createPupil(world.school.id, world.classA.id);
    const parent = await createGuardianFor(pupil.id);
    const data = input({ pupilId: pupil.id, fromLesson: "1", toLesson: "2" });
    await Promise.all([registerAbsence(mentor, data), registerAbsence(mentor, data)]);
    expect(await db.absenceRecord.count({ where: { pupilId: pupil.id } })).toBe(2);
    expect(await db.notification.count({ where: { pupilId: pupil.id, guardianId: parent.guardian.id } })).toBe(1);
  });

  it("saving the same alert again sends nothing new, also after the first message went out", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const pupil = await createPupil(world.school.id, world.classA.id);
    await createGuardianFor(pupil.id);
    expect((await registerAbsence(mentor, input({ pupilId: pupil.id }))).alertsQueued).toBe(1);
    await db.notification.updateMany({ where: { pupilId: pupil.id }, data: { status: "DELIVERED", deliveredAt: new Date() } });
    expect((await registerAbsence(mentor, input({ pupilId: pupil.id, reason: "Alleen de reden aangevuld" }))).alertsQueued).toBe(0);
    expect(await db.notification.count({ where: { pupilId: pupil.id } })).toBe(1);
  });

  it("is refused for a pupil outside the mentor's classes: 404, an audit row, nothing written", async () => {
    const otherMentor = await actorOf(world.mentorB.user.id);
    const before = await countWritten(world.pupilA.id);
    await expectNotFound(registerAbsence(otherMentor, input({ fromLesson: "7", toLesson: "8" })));
    expect(await countWritten(world.pupilA.id)).toEqual(before);
    const audit = await db.auditLog.findFirst({ where: { actorUserId: otherMentor.userId, action: "absence:record", targetId: world.pupilA.id } });
    expect(audit).toMatchObject({ outcome: "DENIED", pupilId: world.pupilA.id });
  });

  it("is refused for parents and school leaders", async () => {
    const parent = await actorOf(world.parentA.user.id);
    const leader = await actorOf((await createLeader(world.school.id)).user.id);
    const before = await countWritten(world.pupilA.id);
    for (const actor of [parent, leader]) {
      await expect(registerAbsence(actor, input({ fromLesson: "9", toLesson: "9" }))).rejects.toEqual(new AppError("forbidden"));
    }
    expect(await countWritten(world.pupilA.id)).toEqual(before);
  });
});

describe("the attendance officer", () => {
  it("registers for any pupil of their own school", async () => {
    const actor = await actorOf(officer.user.id);
    const result = await registerAbsence(actor, input({ pupilId: world.pupilB.id, kind: "REMOVED", fromLesson: "2", toLesson: "2" }));
    expect(result.written).toBe(1);
    expect(await recordsOf(world.pupilB.id)).toEqual([expect.objectContaining({ kind: "REMOVED", recordedById: officer.staff.id, lessonHour: 2 })]);
  });

  it("not for a pupil of another school: 404, an audit row, nothing written", async () => {
    const actor = await actorOf(otherSchoolOfficer.user.id);
    const before = await countWritten(world.pupilB.id);
    await expectNotFound(registerAbsence(actor, input({ pupilId: world.pupilB.id, fromLesson: "6", toLesson: "6" })));
    expect(await countWritten(world.pupilB.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { actorUserId: actor.userId, action: "absence:record", outcome: "DENIED", pupilId: world.pupilB.id } })).toBe(1);
  });

  it("picks a class of the school, then its pupils; another school's class lists nobody", async () => {
    const actor = await actorOf(officer.user.id);
    const classes = await listRegistrationClasses(actor);
    expect(classes.map((c) => c.name)).toEqual(expect.arrayContaining(["2A", "2B"]));
    expect((await listClassPupils(actor, world.classB.id)).map((p) => p.id)).toContain(world.pupilB.id);
    const foreign = await actorOf(otherSchoolOfficer.user.id);
    expect(await listRegistrationClasses(foreign)).toEqual([]);
    expect(await listClassPupils(foreign, world.classB.id)).toEqual([]);
  });

  it("a mentor's class list is their own class only, also when asking for another class", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    expect((await listRegistrationClasses(mentor)).map((c) => c.id)).toEqual([world.classA.id]);
    expect(await listClassPupils(mentor, world.classB.id)).toEqual([]);
  });

  it("sees the pupil's day, and 404 for another school's pupil", async () => {
    const actor = await actorOf(officer.user.id);
    const pupil = await getAttendancePupil(actor, world.pupilB.id, day);
    expect(pupil.classGroup.name).toBe("2B");
    expect(pupil.day.records.map((r) => r.lessonHour)).toContain(2);
    await expectNotFound(getAttendancePupil(await actorOf(otherSchoolOfficer.user.id), world.pupilB.id, day));
  });
});

describe("alerts to guardians", () => {
  it("late arrival and unauthorised lessons on one day: one waiting message per guardian who may receive it", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const pupil = await createPupil(world.school.id, world.classA.id);
    const mother = await createGuardianFor(pupil.id);
    const father = await createGuardianFor(pupil.id);
    const granted = await createGuardianFor(pupil.id, { hasParentalAuthority: false, informationGrantedAt: new Date(), informationCategories: ["ABSENCES"] });
    // Information granted about results only (art. 1:377c BW): no absence alerts (decision 0023).
    const resultsOnly = await createGuardianFor(pupil.id, { hasParentalAuthority: false, informationGrantedAt: new Date(), informationCategories: ["RESULTS"] });
    const restricted = await createGuardianFor(pupil.id, { accessRestricted: true });
    const noAuthority = await createGuardianFor(pupil.id, { hasParentalAuthority: false });

    const late = await registerAbsence(mentor, input({ pupilId: pupil.id, kind: "LATE", fromLesson: "1", toLesson: "1", minutes: "10" }));
    const unauthorised = await registerAbsence(mentor, input({ pupilId: pupil.id }));
    expect(late.alertsQueued).toBe(3);
    expect(unauthorised.alertsQueued).toBe(0);
    expect(await db.absenceRecord.findFirst({ where: { pupilId: pupil.id, lessonHour: 1 } })).toMatchObject({ kind: "LATE", minutes: 10 });

    const notifications = await db.notification.findMany({ where: { pupilId: pupil.id } });
    expect(notifications.map((n) => n.guardianId).sort()).toEqual([mother.guardian.id, father.guardian.id, granted.guardian.id].sort());
    for (const n of notifications) expect(n).toMatchObject({ status: "PENDING", kind: "ABSENCE_ALERT", aboutDate: day });
    expect(notifications.map((n) => n.guardianId)).not.toContain(restricted.guardian.id);
    expect(notifications.map((n) => n.guardianId)).not.toContain(noAuthority.guardian.id);
    expect(notifications.map((n) => n.guardianId)).not.toContain(resultsOnly.guardian.id);
    expect(await jobsFor(notifications.map((n) => n.id))).toBe(notifications.length);
  });

  it("a pupil of 18+: only guardians the pupil agreed to hear about them", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const birthDate = new Date(Date.UTC(day.getUTCFullYear() - 19, 0, 15));
    const pupil = await createPupil(world.school.id, world.classA.id, { birthDate });
    const withoutConsent = await createGuardianFor(pupil.id);
    const withConsent = await createGuardianFor(pupil.id, { consentGrantedAt: new Date() });
    await registerAbsence(mentor, input({ pupilId: pupil.id }));
    const notifications = await db.notification.findMany({ where: { pupilId: pupil.id } });
    expect(notifications.map((n) => n.guardianId)).toEqual([withConsent.guardian.id]);
    expect(notifications.map((n) => n.guardianId)).not.toContain(withoutConsent.guardian.id);
  });

  it("sick, authorised and removed from class send nothing", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const pupil = await createPupil(world.school.id, world.classA.id);
    await createGuardianFor(pupil.id);
    for (const [kind, lesson] of [["SICK", "1"], ["AUTHORISED", "2"], ["REMOVED", "3"]]) {
      expect((await registerAbsence(mentor, input({ pupilId: pupil.id, kind, fromLesson: lesson, toLesson: lesson }))).alertsQueued).toBe(0);
    }
    expect(await db.notification.count({ where: { pupilId: pupil.id } })).toBe(0);
  });
});

describe("bad input gets a translated message key and is never written", () => {
  const raw = (overrides: Record<string, unknown>) => ({
    pupilId: world.pupilA.id, date: isoDay(recentWeekday(1)), fromLesson: "6", toLesson: "6", kind: "UNAUTHORISED", minutes: "", reason: "", ...overrides,
  });

  /** Parses like the action, then registers; returns the field and key of the first problem. */
  async function attempt(overrides: Record<string, unknown>): Promise<[string, string]> {
    const mentor = await actorOf(world.mentorA.user.id);
    const parsed = AbsenceInput.safeParse(raw(overrides));
    if (!parsed.success) return [String(parsed.error.issues[0].path[0]), parsed.error.issues[0].message];
    const error = await registerAbsence(mentor, parsed.data).catch((e: unknown) => e);
    if (!(error instanceof AbsenceValidationError)) throw new Error(`expected a validation error, got ${String(error)}`);
    return Object.entries(error.fieldErrors)[0];
  }

  const saturday = () => {
    const d = recentWeekday(7);
    return new Date(d.getTime() + ((6 - d.getUTCDay() + 7) % 7) * DAY);
  };
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ["an unknown kind", () => ({ kind: "ABSENT" }), "kind", "absenceErrors.kind"],
    ["a reversed lesson range", () => ({ fromLesson: "5", toLesson: "3" }), "toLesson", "absenceErrors.lessonRange"],
    ["a date in the future", () => ({ date: isoDay(nextWeekday()) }), "date", "absenceErrors.dateInFuture"],
    ["a date more than 30 days ago", () => ({ date: isoDay(recentWeekday(35)) }), "date", "absenceErrors.dateTooLongAgo"],
    ["a Saturday", () => ({ date: isoDay(saturday()) }), "date", "absenceErrors.weekend"],
    ["late by 0 minutes", () => ({ kind: "LATE", minutes: "0" }), "minutes", "absenceErrors.minutes"],
    ["late by 51 minutes", () => ({ kind: "LATE", minutes: "51" }), "minutes", "absenceErrors.minutes"],
    ["late without minutes", () => ({ kind: "LATE" }), "minutes", "absenceErrors.minutesRequired"],
    ["a reason over 200 characters", () => ({ reason: "x".repeat(201) }), "reason", "absenceErrors.reasonTooLong"],
  ];
  for (const [name, overrides, field, key] of cases) {
    it(name, async () => {
      const before = await countWritten(world.pupilA.id);
      expect(await attempt(overrides())).toEqual([field, key]);
      expect(await countWritten(world.pupilA.id)).toEqual(before);
    });
  }

  it("a day in a school holiday", async () => {
    const holiday = recentWeekday(10);
    await createHoliday(world.school.id, new Date(holiday.getTime() - DAY), holiday);
    const before = await countWritten(world.pupilA.id);
    expect(await attempt({ date: isoDay(holiday) })).toEqual(["date", "absenceErrors.holiday"]);
    expect(await countWritten(world.pupilA.id)).toEqual(before);
  });
});

describe("what the form shows about a day", () => {
  it("the registered lessons and whether a guardian reported the child sick", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const pupil = await createPupil(world.school.id, world.classA.id);
    await createParentReportedAbsence(pupil.id, day);
    await registerAbsence(mentor, input({ pupilId: pupil.id, kind: "LATE", fromLesson: "2", toLesson: "2", minutes: "5" }));
    const shown = await getAbsenceDay(mentor, pupil.id, day);
    expect(shown.reportedByGuardian).toBe(true);
    expect(shown.records.map((r) => [r.lessonHour, r.kind, r.reportedBy])).toEqual([[2, "LATE", "SCHOOL"], [null, "SICK", "PARENT"]]);
    expect(shown.records[0].recordedBy).toBe(mentor.name);
    await expectNotFound(getAbsenceDay(await actorOf(world.mentorB.user.id), pupil.id, day));
  });
});

describe("the day the form starts on (no day asked for): the last school day", () => {
  const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const amsterdam = (iso: string, time: string) => new Date(`${iso}T${time}:00+01:00`);

  it("on a Saturday, a Sunday and a holiday Monday the mentor and the officer see the Friday; on a Tuesday that day", async () => {
    const w = await createFamilies();
    const mentor = await actorOf(w.mentorA.user.id);
    const schoolOfficer = await actorOf((await createAttendanceOfficer(w.school.id)).user.id);
    await db.absenceRecord.create({ data: { pupilId: w.pupilA.id, date: utcDay("2026-11-27"), lessonHour: 2, kind: "UNAUTHORISED", minutes: 50, reportedBy: "SCHOOL" } });
    await createHoliday(w.school.id, utcDay("2026-11-30"));

    const saturday = await getAbsenceDay(mentor, w.pupilA.id, null, amsterdam("2026-11-28", "10:00"));
    expect(saturday.date).toEqual(utcDay("2026-11-27"));
    expect(saturday.records.map((r) => [r.lessonHour, r.kind])).toEqual([[2, "UNAUTHORISED"]]);
    expect((await getAttendancePupil(schoolOfficer, w.pupilA.id, null, amsterdam("2026-11-29", "20:00"))).day.date).toEqual(utcDay("2026-11-27"));
    expect((await getAbsenceDay(mentor, w.pupilA.id, null, amsterdam("2026-11-30", "08:15"))).date).toEqual(utcDay("2026-11-27"));
    const tuesday = await getAbsenceDay(mentor, w.pupilA.id, null, amsterdam("2026-12-01", "08:15"));
    expect(tuesday).toMatchObject({ date: utcDay("2026-12-01"), records: [] });
    // A day asked for is shown as asked, also on a weekend.
    expect((await getAbsenceDay(mentor, w.pupilA.id, utcDay("2026-11-26"), amsterdam("2026-11-28", "10:00"))).date).toEqual(utcDay("2026-11-26"));
    // Out of scope is still 404.
    await expectNotFound(getAbsenceDay(await actorOf(world.mentorA.user.id), w.pupilA.id, null, amsterdam("2026-11-28", "10:00")));
  });
});

describe("the core an import calls, without an actor", () => {
  it("writes records with no staff member and refuses non-school days", async () => {
    const { school, schoolYear } = await createSchool();
    const classGroup = await createClass(school.id, schoolYear.id);
    const pupil = await createPupil(school.id, classGroup.id);
    const date = recentWeekday(2);
    const result = await db.$transaction((tx) =>
      unsafeRegisterAbsenceRecords(tx, {
        pupilId: pupil.id, schoolId: school.id, date, lessons: [1, 2], kind: "AUTHORISED", minutes: 50, reason: null, recordedById: null, reportedBy: "SCHOOL",
      }),
    );
    expect(result).toEqual({ written: 2, alertsQueued: 0 });
    expect(await db.absenceRecord.count({ where: { pupilId: pupil.id, recordedById: null, date } })).toBe(2);

    await createHoliday(school.id, date);
    await expect(
      db.$transaction((tx) =>
        unsafeRegisterAbsenceRecords(tx, {
          pupilId: pupil.id, schoolId: school.id, date, lessons: [3], kind: "UNAUTHORISED", minutes: 50, reason: null, recordedById: null, reportedBy: "SCHOOL",
        }),
      ),
    ).rejects.toBeInstanceOf(AbsenceValidationError);
    expect(await db.absenceRecord.count({ where: { pupilId: pupil.id } })).toBe(2);
  });
});
