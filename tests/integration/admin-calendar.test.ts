import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addSchoolYear, deleteHoliday, deletePeriod, saveHoliday, savePeriod } from "@/lib/domain/admin/calendar-commands";
import { getSchoolCalendar } from "@/lib/domain/admin/calendar-queries";
import { HolidayInput } from "@/lib/domain/admin/calendar-schemas";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { assessPupil } from "@/lib/domain/attendance/threshold";
import { schoolWeeks } from "@/lib/domain/attendance/school-weeks";
import { createClass, createGuardianOf, createPupil, createResult } from "@/tests/factories";
import { createBoardWorld, deniedAudits, lastAudit } from "@/tests/factories/admin";
import { day, isoDays, recordsOf } from "@/tests/factories/sick-reports";
import { expectNotFound } from "@/tests/support/next-errors";

// A fixed school year in the future, so "today" can be injected freely.
let year: { id: string };
beforeAll(async () => {
  year = await db.schoolYear.upsert({ where: { name: "2030-2031" }, update: {}, create: { name: "2030-2031", startsOn: day("2030-08-01"), endsOn: day("2031-07-31") } });
});

const holiday = (kind: string, from: string, to: string, customName = "") => HolidayInput.parse({ kind, customName, startsOn: from, endsOn: to });
const period = (from: string, to: string, periodId?: string) => ({ schoolYearId: year.id, periodId, startsOn: day(from), endsOn: day(to) });
/** Wednesday 6 November 2030, 10:00 Dutch time. */
const NOW = new Date("2030-11-06T10:00:00+01:00");

describe("terms", () => {
  it("are numbered by date, may not overlap or leave the year, and a double submit adds one", async () => {
    const w = await createBoardWorld();
    const second = await savePeriod(w.admin, w.school.id, period("2031-01-01", "2031-07-31"));
    const first = await savePeriod(w.admin, w.school.id, period("2030-08-01", "2030-12-31"));
    expect(await savePeriod(w.admin, w.school.id, period("2030-08-01", "2030-12-31"))).toBe(first);
    const numbers = async () => (await db.period.findMany({ where: { schoolId: w.school.id, schoolYearId: year.id }, orderBy: { number: "asc" } })).map((p) => [p.id, p.number]);
    expect(await numbers()).toEqual([[first, 1], [second, 2]]);
    await expect(savePeriod(w.admin, w.school.id, period("2030-12-01", "2031-01-15"))).rejects.toEqual(new AdminValidationError({ startsOn: "calendarErrors.periodOverlap" }));
    await expect(savePeriod(w.admin, w.school.id, period("2031-07-01", "2031-08-15"))).rejects.toEqual(new AdminValidationError({ startsOn: "calendarErrors.periodOutsideYear" }));
    await expect(savePeriod(w.admin, w.school.id, period("2030-10-01", "2030-09-01"))).rejects.toEqual(new AdminValidationError({ endsOn: "calendarErrors.endBeforeStart" }));
    // Moving the first term after the second swaps their numbers.
    await savePeriod(w.admin, w.school.id, period("2030-08-01", "2030-09-30", first));
    await deletePeriod(w.admin, w.school.id, first);
    expect(await numbers()).toEqual([[second, 1]]);
    await deletePeriod(w.admin, w.school.id, first); // twice: nothing happens
    const audits = await db.auditLog.findMany({ where: { actorUserId: w.admin.userId, action: "calendar:update" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => (a.details as { change: string }).change)).toEqual(["period:create", "period:create", "period:update", "period:delete"]);
    expect(audits[2].details).toMatchObject({ old: { startsOn: "2030-08-01", endsOn: "2030-12-31" }, new: { startsOn: "2030-08-01", endsOn: "2030-09-30" } });
  });

  it("with assessments cannot be removed, nor shrunk past an assessment", async () => {
    const w = await createBoardWorld();
    const klas = await createClass(w.school.id, w.schoolYear.id);
    const pupil = await createPupil(w.school.id, klas.id);
    const [p1] = w.periods;
    await createResult(pupil, p1.id, { grade: 7, heldOn: new Date(p1.startsOn.getTime() + 20 * 86_400_000) });
    await expect(deletePeriod(w.admin, w.school.id, p1.id)).rejects.toEqual(new AdminValidationError({ _form: "calendarErrors.periodInUse" }));
    const shrunk = { schoolYearId: w.schoolYear.id, periodId: p1.id, startsOn: new Date(p1.startsOn.getTime() + 30 * 86_400_000), endsOn: p1.endsOn };
    await expect(savePeriod(w.admin, w.school.id, shrunk)).rejects.toEqual(new AdminValidationError({ startsOn: "calendarErrors.assessmentsOutside" }));
    expect(await db.period.count({ where: { id: p1.id, startsOn: p1.startsOn } })).toBe(1);
  });
});

describe("school years", () => {
  it("adds the next national school year once, never one further", async () => {
    const w = await createBoardWorld();
    const latest = await db.schoolYear.findFirstOrThrow({ orderBy: { startsOn: "desc" } });
    const next = latest.startsOn.getUTCFullYear() + 1;
    const id = await addSchoolYear(w.admin, w.school.id, next);
    expect(await addSchoolYear(w.admin, w.school.id, next)).toBe(id);
    expect(await db.schoolYear.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: `${next}-${next + 1}`, startsOn: day(`${next}-08-01`), endsOn: day(`${next + 1}-07-31`) });
    await expect(addSchoolYear(w.admin, w.school.id, next + 2)).rejects.toEqual(new AdminValidationError({ _form: "calendarErrors.yearNotNext" }));
    await db.schoolYear.delete({ where: { id } });
  });
});

describe("holidays", () => {
  it("may not overlap another holiday or leave the school years; a double submit adds one; other names are kept as typed", async () => {
    const w = await createBoardWorld();
    const autumn = await saveHoliday(w.admin, w.school.id, holiday("autumn", "2030-10-14", "2030-10-18"), NOW);
    expect(await saveHoliday(w.admin, w.school.id, holiday("autumn", "2030-10-14", "2030-10-18"), NOW)).toBe(autumn);
    await expect(saveHoliday(w.admin, w.school.id, holiday("other", "2030-10-18", "2030-10-21", "Studiedag"), NOW)).rejects.toEqual(new AdminValidationError({ startsOn: "calendarErrors.holidayOverlap" }));
    await expect(saveHoliday(w.admin, w.school.id, holiday("summer", "2031-07-20", "2031-08-20"), NOW)).rejects.toEqual(new AdminValidationError({ startsOn: "calendarErrors.holidayOutsideYear" }));
    const studyDay = await saveHoliday(w.admin, w.school.id, holiday("other", "2030-10-21", "2030-10-21", "Studiedag"), NOW);
    expect((await db.schoolHoliday.findUniqueOrThrow({ where: { id: studyDay } })).name).toBe("Studiedag");
    const calendar = await getSchoolCalendar(w.admin, w.school.id, year.id);
    expect(calendar.holidays.map((h) => h.name)).toEqual(["autumn", "Studiedag"]);
    expect(await db.schoolHoliday.count({ where: { schoolId: w.school.id } })).toBe(2);
  });

  it("the holiday rule: school records stay (and stop counting for 16 hours); sick-report days go from today on and come back when the holiday goes", async () => {
    const w = await createBoardWorld();
    const klas = await createClass(w.school.id, w.schoolYear.id);
    const pupil = await createPupil(w.school.id, klas.id);
    const { guardian } = await createGuardianOf([pupil.id]);
    // A sick report for Mon 4 – Fri 15 November, with its ten school-day records, made before the holiday existed.
    const range = await db.sickReport.create({ data: { pupilId: pupil.id, guardianId: guardian.id, reason: "SICK", startsOn: day("2030-11-04"), endsOn: day("2030-11-15"), idempotencyKey: crypto.randomUUID() } });
    const weekdays = ["04", "05", "06", "07", "08", "11", "12", "13", "14", "15"].map((d) => day(`2030-11-${d}`));
    await db.absenceRecord.createMany({ data: weekdays.map((date) => ({ pupilId: pupil.id, date, kind: "SICK" as const, minutes: 300, reportedBy: "PARENT" as const, sickReportId: range.id })) });
    // Truancy the school registered on Tuesday 12th, lessons 1–6 (5 hours).
    await db.absenceRecord.createMany({ data: [1, 2, 3, 4, 5, 6].map((lessonHour) => ({ pupilId: pupil.id, date: day("2030-11-12"), lessonHour, kind: "UNAUTHORISED" as const, minutes: 50, reportedBy: "SCHOOL" as const })) });
    const truancyMinutes = async () => {
      const holidays = await db.schoolHoliday.findMany({ where: { schoolId: w.school.id } });
      const records = await db.absenceRecord.findMany({ where: { pupilId: pupil.id, kind: "UNAUTHORISED" } });
      return assessPupil(records, schoolWeeks(day("2030-11-04"), day("2030-11-29"), holidays)).window?.minutes ?? 0;
    };
    expect(await truancyMinutes()).toBe(300);

    // A week off from Tuesday 5 to Tuesday 12 November, added on Wednesday 6th.
    const id = await saveHoliday(w.admin, w.school.id, holiday("other", "2030-11-05", "2030-11-12", "Renovatieweek"), NOW);
    expect(isoDays(await recordsOf(range.id))).toEqual(["2030-11-04", "2030-11-05", "2030-11-13", "2030-11-14", "2030-11-15"]);
    expect(await db.absenceRecord.count({ where: { pupilId: pupil.id, date: day("2030-11-12"), sickReportId: null } })).toBe(6);
    expect(await truancyMinutes()).toBe(0);
    expect((await lastAudit(w.admin.userId, "calendar:update"))?.details).toMatchObject({ change: "holiday:create", name: "Renovatieweek", sickDaysRemoved: 5, sickDaysAdded: 0 });

    // Shortened to Tue 5 – Thu 7: Friday 8, Monday 11 and Tuesday 12 are school days again.
    await saveHoliday(w.admin, w.school.id, { ...holiday("other", "2030-11-05", "2030-11-07", "Renovatieweek"), holidayId: id }, NOW);
    expect(isoDays(await recordsOf(range.id))).toEqual(["2030-11-04", "2030-11-05", "2030-11-08", "2030-11-11", "2030-11-12", "2030-11-13", "2030-11-14", "2030-11-15"]);
    expect(await truancyMinutes()).toBe(300);

    // Removed: from today on every school day of the report has its record again; Tuesday 5th (before today) is as it was.
    await deleteHoliday(w.admin, w.school.id, id, NOW);
    expect(isoDays(await recordsOf(range.id))).toEqual(weekdays.map((d) => d.toISOString().slice(0, 10)));
    expect((await lastAudit(w.admin.userId, "calendar:update"))?.details).toMatchObject({ change: "holiday:delete", sickDaysAdded: 2, sickDaysRemoved: 0 });
  });

  it("an open-ended sick report loses only today's record to a holiday that starts today", async () => {
    const w = await createBoardWorld();
    const klas = await createClass(w.school.id, w.schoolYear.id);
    const pupil = await createPupil(w.school.id, klas.id);
    const { guardian } = await createGuardianOf([pupil.id]);
    const open = await db.sickReport.create({ data: { pupilId: pupil.id, guardianId: guardian.id, reason: "SICK", startsOn: day("2030-11-04"), endsOn: null, idempotencyKey: crypto.randomUUID() } });
    await db.absenceRecord.createMany({ data: ["04", "05", "06"].map((d) => ({ pupilId: pupil.id, date: day(`2030-11-${d}`), kind: "SICK" as const, minutes: 300, reportedBy: "PARENT" as const, sickReportId: open.id })) });
    await saveHoliday(w.admin, w.school.id, holiday("other", "2030-11-06", "2030-11-08", "Studiedagen"), NOW);
    expect(isoDays(await recordsOf(open.id))).toEqual(["2030-11-04", "2030-11-05"]);
  });
});

describe("scope", () => {
  it("another board's school: 404 and an audit row for the page and every command, nothing written", async () => {
    const w = await createBoardWorld();
    const theirs = w.theirs.school.id;
    const [p] = w.theirs.periods;
    await expectNotFound(getSchoolCalendar(w.admin, theirs));
    await expectNotFound(savePeriod(w.admin, theirs, period("2030-08-01", "2030-08-31")));
    await expectNotFound(deletePeriod(w.admin, theirs, p.id));
    await expectNotFound(saveHoliday(w.admin, theirs, holiday("autumn", "2030-10-14", "2030-10-18"), NOW));
    await expectNotFound(deleteHoliday(w.admin, theirs, "x"));
    await expectNotFound(addSchoolYear(w.admin, theirs, 2031));
    expect(await deniedAudits(w.admin.userId)).toEqual(Array.from({ length: 6 }, () => ["school:view", theirs]));
    // Their term, asked for through my own school, is not found either.
    await deletePeriod(w.admin, w.school.id, p.id);
    expect(await db.period.count({ where: { id: p.id } })).toBe(1);
    expect(await db.schoolHoliday.count({ where: { schoolId: theirs } })).toBe(0);
  });
});
