import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryStats } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createSeedClient, seedDemo } from "@/prisma/seed";
import { ChangeSickReportInput, SickReportInput } from "@/lib/domain/sick-reports/schemas";
import { SickReportValidationError, changeSickReport, extendOpenSickReports, reportBetter, reportSick } from "@/lib/domain/sick-reports/commands";
import { activeSickReportsForMentor, getSickReportPanel } from "@/lib/domain/sick-reports/queries";
import { listChildrenOverview } from "@/lib/domain/pupils/queries";
import { FULL_SCHOOL_DAY_MINUTES } from "@/lib/domain/sick-reports/rules";
import { actorOf, createFamilies, createGuardianOf } from "@/tests/factories";
import { amsterdam, createChildOf, createHoliday, day, isoDays, recordsOf, setSickReportRules, sickReportInput } from "@/tests/factories/sick-reports";
import { expectNotFound } from "@/tests/support/next-errors";

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;

// Monday 30 November 2026, before the 08:30 deadline; Saturday 28 November.
const MONDAY_MORNING = amsterdam("2026-11-30", "07:45");
const MONDAY_LATE = amsterdam("2026-11-30", "09:00");
const SATURDAY = amsterdam("2026-11-28", "10:00");

const parentA = () => actorOf(world.parentA.user.id);
const childOfA = () => createChildOf(world.parentA.guardian.id, world.classA);
const reportCount = (pupilId: string) => db.sickReport.count({ where: { pupilId } });
const recordCount = (pupilId: string) => db.absenceRecord.count({ where: { pupilId } });

async function validationErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SickReportValidationError);
  return (error as SickReportValidationError).fieldErrors;
}

beforeAll(async () => {
  // The demo data (ouder@demo.test, mentor@demo.test) plus a small world of our own.
  const seeder = createSeedClient(process.env.DATABASE_URL!);
  await seedDemo(seeder);
  await seeder.$disconnect();
  world = await createFamilies();
  await setSickReportRules(world.school.id, { sickReportDeadline: "08:30", sickReportMaxDaysAhead: 60, phone: "030 765 43 21" });
}, 180_000);

describe("a guardian reports a child", () => {
  it("for today: one full-day record, reported by the guardian, linked to the report", async () => {
    const child = await childOfA();
    const report = await reportSick(await parentA(), sickReportInput(child.id, { mode: "TODAY", note: "Koorts sinds vannacht" }), { now: MONDAY_MORNING });
    expect(report).toMatchObject({ startsOn: day("2026-11-30"), endsOn: day("2026-11-30"), created: true });
    const stored = await db.sickReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored).toMatchObject({ guardianId: world.parentA.guardian.id, reason: "SICK", note: "Koorts sinds vannacht", endedAt: null });
    const records = await recordsOf(report.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      pupilId: child.id, date: day("2026-11-30"), lessonHour: null, kind: "SICK", minutes: FULL_SCHOOL_DAY_MINUTES,
      reportedBy: "PARENT", sickReportId: report.id, reason: null, recordedById: null,
    });
  });

  it("for a range: every school day, weekends and holidays skipped; not sick means authorised", async () => {
    const child = await childOfA();
    const other = await createFamilies();
    await createHoliday(other.school.id, "2026-12-21", "2027-01-01", "christmas");
    const pupil = await createChildOf(world.parentA.guardian.id, other.classA);
    const report = await reportSick(await parentA(), sickReportInput(pupil.id, { mode: "RANGE", reason: "FAMILY", from: "2026-12-18", to: "2027-01-04" }), { now: MONDAY_MORNING });
    const records = await recordsOf(report.id);
    expect(isoDays(records)).toEqual(["2026-12-18", "2027-01-04"]);
    expect(records.every((r) => r.kind === "AUTHORISED" && r.reportedBy === "PARENT")).toBe(true);

    // The same range at a school without holidays: the weekdays of the holiday count.
    const plain = await reportSick(await parentA(), sickReportInput(child.id, { mode: "RANGE", reason: "DOCTOR", from: "2026-12-04", to: "2026-12-08" }), { now: MONDAY_MORNING });
    expect(isoDays(await recordsOf(plain.id))).toEqual(["2026-12-04", "2026-12-07", "2026-12-08"]);
  });

  it("until better: the first school day at once, then one record each school day from the morning job", async () => {
    const child = await childOfA();
    const report = await reportSick(await parentA(), sickReportInput(child.id, { mode: "UNTIL_BETTER", from: "2026-12-03" }), { now: MONDAY_MORNING });
    expect(report.endsOn).toBeNull();
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-12-03"]);

    await extendOpenSickReports(amsterdam("2026-12-01", "06:00")); // before it starts: nothing
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-12-03"]);
    await extendOpenSickReports(amsterdam("2026-12-03", "06:00")); // already there
    const friday = amsterdam("2026-12-04", "06:00");
    expect(await extendOpenSickReports(friday)).toBeGreaterThanOrEqual(1);
    expect(await extendOpenSickReports(friday)).toBe(0);
    await extendOpenSickReports(amsterdam("2026-12-05", "06:00")); // Saturday
    await extendOpenSickReports(amsterdam("2026-12-07", "06:00"));
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-12-03", "2026-12-04", "2026-12-07"]);
  });

  it("twice with the same form (double submit) makes one report", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const input = sickReportInput(child.id, { mode: "UNTIL_BETTER" });
    const [a, b] = await Promise.all([reportSick(actor, input, { now: MONDAY_MORNING }), reportSick(actor, input, { now: MONDAY_MORNING })]);
    const again = await reportSick(actor, input, { now: MONDAY_LATE }); // a retry after the deadline is still the same report
    expect(new Set([a.id, b.id, again.id]).size).toBe(1);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(again.created).toBe(false);
    expect(await reportCount(child.id)).toBe(1);
    expect(await recordCount(child.id)).toBe(1);
  });

  it("refuses a report that overlaps one of the other guardian; after 'better' a new one is fine", async () => {
    const child = await childOfA();
    const second = await createGuardianOf([child.id]);
    await reportSick(await parentA(), sickReportInput(child.id, { mode: "UNTIL_BETTER" }), { now: MONDAY_MORNING });
    const other = await actorOf(second.user.id);
    const overlapping = sickReportInput(child.id, { mode: "RANGE", from: "2026-12-10", to: "2026-12-11" });
    expect(await validationErrors(reportSick(other, overlapping, { now: MONDAY_MORNING }))).toEqual({ _form: "sickReportErrors.overlap" });
    expect(await reportCount(child.id)).toBe(1);

    const [open] = (await getSickReportPanel(other, child.id, MONDAY_MORNING)).reports;
    await reportBetter(other, open.id, { now: amsterdam("2026-12-02", "18:00") });
    await reportSick(other, sickReportInput(child.id, { mode: "RANGE", from: "2026-12-10", to: "2026-12-11" }), { now: amsterdam("2026-12-02", "18:05") });
    expect(await reportCount(child.id)).toBe(2);
  });
});

describe("refusals", () => {
  it("a child that is not theirs: 404, an audit row, nothing written", async () => {
    const stranger = await actorOf(world.parentB.user.id);
    const reports = await reportCount(world.pupilA.id);
    const records = await recordCount(world.pupilA.id);
    await expectNotFound(reportSick(stranger, sickReportInput(world.pupilA.id, { mode: "TODAY" }), { now: MONDAY_MORNING }));
    expect(await reportCount(world.pupilA.id)).toBe(reports);
    expect(await recordCount(world.pupilA.id)).toBe(records);
    const audit = await db.auditLog.findFirst({ where: { actorUserId: stranger.userId, action: "sickReport:create" } });
    expect(audit).toMatchObject({ outcome: "DENIED", pupilId: world.pupilA.id, targetId: world.pupilA.id });
  });

  it("a guardian whose link is restricted, or who has no parental authority (with or without information granted): 404", async () => {
    for (const link of [{ accessRestricted: true }, { hasParentalAuthority: false, informationGrantedAt: null }]) {
      const guardian = await createGuardianOf([world.pupilA.id], link);
      await expectNotFound(reportSick(await actorOf(guardian.user.id), sickReportInput(world.pupilA.id, { mode: "TODAY" }), { now: MONDAY_MORNING }));
    }
    // Information granted on request (art. 1:377c BW) is information only: reporting sick is for authority (decision 0023).
    const informed = await createGuardianOf([], {});
    const child = await createChildOf(informed.guardian.id, world.classA, { hasParentalAuthority: false, informationGrantedAt: new Date(), informationCategories: ["RESULTS", "ABSENCES"] });
    await expectNotFound(reportSick(await actorOf(informed.user.id), sickReportInput(child.id, { mode: "TODAY" }), { now: MONDAY_MORNING }));
    expect(await reportCount(child.id)).toBe(0);
  });

  it("staff cannot report as a guardian", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    await expect(reportSick(mentor, sickReportInput(world.pupilA.id), { now: MONDAY_MORNING })).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("bad input gets a translated message key and nothing is written", () => {
  const parse = (overrides: Record<string, unknown>) =>
    SickReportInput.safeParse({ pupilId: "p", idempotencyKey: randomUUID(), mode: "RANGE", reason: "SICK", from: "2026-12-01", to: "2026-12-02", ...overrides });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an end before the start", { from: "2026-12-03", to: "2026-12-02" }, "to", "sickReportErrors.endBeforeStart"],
    ["an unknown reason", { reason: "HOLIDAY" }, "reason", "sickReportErrors.unknownReason"],
    ["an unknown mode", { mode: "FOREVER" }, "mode", "sickReportErrors.mode"],
    ["a malformed date", { from: "1-12-2026" }, "from", "sickReportErrors.invalidDate"],
    ["an impossible date", { to: "2026-02-30" }, "to", "sickReportErrors.invalidDate"],
    ["a range without an end", { to: "" }, "to", "sickReportErrors.toRequired"],
    ["an oversized note", { note: "x".repeat(301) }, "note", "sickReportErrors.noteTooLong"],
  ])("%s", (_, overrides, field, key) => {
    const result = parse(overrides);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(key);
  });

  it("ignores the date fields a mode does not use, and trims the note", () => {
    const result = parse({ mode: "TODAY", from: "rubbish", to: "also rubbish", note: "  afspraak 10 uur  " });
    expect(result.data).toMatchObject({ mode: "TODAY", from: null, to: null, note: "afspraak 10 uur" });
  });

  it.each<[string, Record<string, unknown>, Date, Record<string, string>]>([
    ["a start in the past", { mode: "RANGE", from: "2026-11-27", to: "2026-12-01" }, MONDAY_MORNING, { from: "sickReportErrors.inPast" }],
    ["dates too far ahead", { mode: "RANGE", from: "2027-01-20", to: "2027-02-01" }, MONDAY_MORNING, { to: "sickReportErrors.tooFarAhead" }],
    ["today after the deadline", { mode: "TODAY" }, MONDAY_LATE, { mode: "sickReportErrors.todayClosed" }],
    ["until better from today after the deadline", { mode: "UNTIL_BETTER" }, MONDAY_LATE, { from: "sickReportErrors.todayClosed" }],
    ["a Sunday only", { mode: "RANGE", from: "2026-11-29", to: "2026-11-29" }, SATURDAY, { _form: "sickReportErrors.noSchoolDays" }],
  ])("the command refuses %s", async (_, overrides, now, errors) => {
    const child = await childOfA();
    expect(await validationErrors(reportSick(await parentA(), sickReportInput(child.id, overrides), { now }))).toEqual(errors);
    expect(await reportCount(child.id)).toBe(0);
    expect(await recordCount(child.id)).toBe(0);
  });

  it("follows the school's own rules", async () => {
    const other = await createFamilies();
    await setSickReportRules(other.school.id, { sickReportDeadline: "07:30", sickReportMaxDaysAhead: 5 });
    const child = await createChildOf(world.parentA.guardian.id, other.classA);
    const actor = await parentA();
    expect(await validationErrors(reportSick(actor, sickReportInput(child.id, { mode: "TODAY" }), { now: MONDAY_MORNING }))).toEqual({ mode: "sickReportErrors.todayClosed" });
    expect(await validationErrors(reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-12-01", to: "2026-12-07" }), { now: MONDAY_MORNING }))).toEqual({ to: "sickReportErrors.tooFarAhead" });
    const panel = await getSickReportPanel(actor, child.id, MONDAY_MORNING);
    expect(panel.rules).toMatchObject({ todayAllowed: false, deadline: "07:30", maxDaysAhead: 5, firstDay: "2026-12-01", latestDay: "2026-12-05" });
  });
});

describe("reporting better", () => {
  it("ends the report today and removes the records after today; twice changes nothing", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-11-30", to: "2026-12-04" }), { now: MONDAY_MORNING });
    const wednesday = amsterdam("2026-12-02", "17:00");
    await reportBetter(actor, report.id, { now: wednesday });
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    const ended = await db.sickReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(ended).toMatchObject({ endsOn: day("2026-12-02"), endedAt: wednesday });

    await reportBetter(actor, report.id, { now: amsterdam("2026-12-03", "08:00") });
    expect(await db.sickReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ endsOn: day("2026-12-02"), endedAt: wednesday });
    expect(await recordCount(child.id)).toBe(3);
  });

  it("an open report ends, and the morning job adds nothing more", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "UNTIL_BETTER" }), { now: MONDAY_MORNING });
    await extendOpenSickReports(amsterdam("2026-12-01", "06:00"));
    await reportBetter(actor, report.id, { now: amsterdam("2026-12-01", "19:00") });
    await extendOpenSickReports(amsterdam("2026-12-02", "06:00"));
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-11-30", "2026-12-01"]);
  });

  it("a report that has not started yet is withdrawn with all its records", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "UNTIL_BETTER", from: "2026-12-09" }), { now: MONDAY_MORNING });
    expect(await recordCount(child.id)).toBe(1);
    await reportBetter(actor, report.id, { now: amsterdam("2026-12-01", "20:00") });
    expect(await recordCount(child.id)).toBe(0);
    expect((await getSickReportPanel(actor, child.id, amsterdam("2026-12-01", "20:00"))).reports).toEqual([]);
    const mentor = await actorOf(world.mentorA.user.id);
    const listed = (await activeSickReportsForMentor(mentor, amsterdam("2026-12-02", "08:00"))).find((r) => r.id === report.id);
    expect(listed?.status).toBe("CANCELLED");
    // The withdrawn days are free again.
    await expect(reportSick(actor, sickReportInput(child.id, { mode: "TODAY" }), { now: amsterdam("2026-12-09", "07:00") })).resolves.toMatchObject({ created: true });
  });

  it("someone else's report: 404, an audit row, nothing changed", async () => {
    const child = await childOfA();
    const report = await reportSick(await parentA(), sickReportInput(child.id, { mode: "UNTIL_BETTER" }), { now: MONDAY_MORNING });
    const stranger = await actorOf(world.parentB.user.id);
    await expectNotFound(reportBetter(stranger, report.id, { now: MONDAY_LATE }));
    expect(await db.sickReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ endedAt: null, endsOn: null });
    expect(await db.auditLog.findFirst({ where: { actorUserId: stranger.userId, action: "sickReport:create", targetId: report.id } })).toMatchObject({ outcome: "DENIED" });
  });
});

describe("withdrawing or shortening a report with an end (the guardian who made it)", () => {
  const change = (reportId: string, pupilId: string, fields: Record<string, string>) => ChangeSickReportInput.parse({ reportId, pupilId, ...fields });
  const withdraw = (reportId: string, pupilId: string) => change(reportId, pupilId, { change: "WITHDRAW" });
  const shorten = (reportId: string, pupilId: string, to: string, from = "") => change(reportId, pupilId, { change: "SHORTEN", from, to });
  const TUESDAY_EVENING = amsterdam("2026-12-01", "19:00");

  it("withdraws a coming range with all its records in one step; the other parent can then report those days", async () => {
    const child = await childOfA();
    const second = await createGuardianOf([child.id]);
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-12-07", to: "2026-12-11" }), { now: MONDAY_MORNING });
    expect(await recordCount(child.id)).toBe(5);
    // Until then the other parent is refused for those days.
    const other = await actorOf(second.user.id);
    const theirs = sickReportInput(child.id, { mode: "RANGE", from: "2026-12-08", to: "2026-12-09" });
    expect(await validationErrors(reportSick(other, theirs, { now: TUESDAY_EVENING }))).toEqual({ _form: "sickReportErrors.overlap" });

    const result = await changeSickReport(actor, withdraw(report.id, child.id), { now: TUESDAY_EVENING });
    expect(result).toMatchObject({ changed: true, withdrawn: true });
    expect(await recordCount(child.id)).toBe(0);
    expect(await db.sickReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ startsOn: day("2026-12-07"), endsOn: day("2026-12-06"), endedAt: TUESDAY_EVENING });
    expect(await db.auditLog.findFirst({ where: { actorUserId: actor.userId, action: "sickReport:change", targetId: report.id } })).toMatchObject({
      outcome: "ALLOWED", pupilId: child.id, details: { change: "withdraw", daysRemoved: 5 },
    });
    // The box is gone for both parents; the mentor sees it as withdrawn.
    expect((await getSickReportPanel(actor, child.id, TUESDAY_EVENING)).reports).toEqual([]);
    expect((await getSickReportPanel(other, child.id, TUESDAY_EVENING)).reports).toEqual([]);
    const mentorView = await activeSickReportsForMentor(await actorOf(world.mentorA.user.id), TUESDAY_EVENING);
    expect(mentorView.find((r) => r.id === report.id)?.status).toBe("CANCELLED");

    // Twice (a double submit) changes nothing and writes no second row.
    expect(await changeSickReport(actor, withdraw(report.id, child.id), { now: TUESDAY_EVENING })).toMatchObject({ changed: false, withdrawn: true });
    expect(await db.auditLog.count({ where: { action: "sickReport:change", targetId: report.id } })).toBe(1);

    await expect(reportSick(other, theirs, { now: TUESDAY_EVENING })).resolves.toMatchObject({ created: true });
  });

  it("two withdrawals at the same moment: one change, one audit row", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-12-07", to: "2026-12-08" }), { now: MONDAY_MORNING });
    const results = await Promise.all([1, 2].map(() => changeSickReport(actor, withdraw(report.id, child.id), { now: TUESDAY_EVENING })));
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    expect(await db.auditLog.count({ where: { action: "sickReport:change", targetId: report.id } })).toBe(1);
  });

  it("shortens a coming range: a later start and an earlier end remove those days' records only", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-12-07", to: "2026-12-11" }), { now: MONDAY_MORNING });
    // A record the school registered itself that day stays whatever the parent changes.
    await db.absenceRecord.create({ data: { pupilId: child.id, date: day("2026-12-11"), lessonHour: 3, kind: "SICK", minutes: 50, reportedBy: "SCHOOL" } });

    await changeSickReport(actor, shorten(report.id, child.id, "2026-12-10"), { now: TUESDAY_EVENING });
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"]);
    await changeSickReport(actor, shorten(report.id, child.id, "2026-12-10", "2026-12-09"), { now: TUESDAY_EVENING });
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-12-09", "2026-12-10"]);
    expect(await db.sickReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ startsOn: day("2026-12-09"), endsOn: day("2026-12-10"), endedAt: null });
    expect(await db.absenceRecord.count({ where: { pupilId: child.id, sickReportId: null } })).toBe(1);
    // The same change again: nothing happens.
    expect(await changeSickReport(actor, shorten(report.id, child.id, "2026-12-10", "2026-12-09"), { now: TUESDAY_EVENING })).toMatchObject({ changed: false });
    const panel = await getSickReportPanel(actor, child.id, TUESDAY_EVENING);
    expect(panel.reports).toEqual([expect.objectContaining({ id: report.id, status: "UPCOMING", mine: true, change: expect.objectContaining({ withdraw: true, shorten: true }) })]);
  });

  it("a running range: the end moves to today at the earliest, past days stay; it can no longer be withdrawn", async () => {
    const child = await childOfA();
    const actor = await parentA();
    const report = await reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-11-30", to: "2026-12-04" }), { now: MONDAY_MORNING });
    const wednesday = amsterdam("2026-12-02", "07:00");
    expect(await validationErrors(changeSickReport(actor, withdraw(report.id, child.id), { now: wednesday }))).toEqual({ _form: "sickReportErrors.alreadyStarted" });
    expect(await validationErrors(changeSickReport(actor, shorten(report.id, child.id, "2026-12-01"), { now: wednesday }))).toEqual({ to: "sickReportErrors.inPast" });
    expect(await validationErrors(changeSickReport(actor, shorten(report.id, child.id, "2026-12-03", "2026-12-02"), { now: wednesday }))).toEqual({ from: "sickReportErrors.startAlreadyBegun" });
    expect(await validationErrors(changeSickReport(actor, shorten(report.id, child.id, "2026-12-07"), { now: wednesday }))).toEqual({ to: "sickReportErrors.onlyShorter" });
    expect(await recordCount(child.id)).toBe(5);
    await changeSickReport(actor, shorten(report.id, child.id, "2026-12-02"), { now: wednesday });
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    // Ended (the last day is over): nothing to change any more.
    expect(await validationErrors(changeSickReport(actor, shorten(report.id, child.id, "2026-12-02"), { now: amsterdam("2026-12-03", "07:00") }))).toEqual({ _form: "sickReportErrors.notChangeable" });
  });

  it("the other parent, a stranger or a restricted guardian: 404 and an audit row naming the pupil; nothing changes", async () => {
    const child = await childOfA();
    const second = await createGuardianOf([child.id]);
    const restricted = await createGuardianOf([child.id], { accessRestricted: true });
    const report = await reportSick(await parentA(), sickReportInput(child.id, { mode: "RANGE", from: "2026-12-07", to: "2026-12-08" }), { now: MONDAY_MORNING });
    for (const userId of [second.user.id, world.parentB.user.id, restricted.user.id]) {
      const actor = await actorOf(userId);
      await expectNotFound(changeSickReport(actor, withdraw(report.id, child.id), { now: TUESDAY_EVENING }));
      await expectNotFound(changeSickReport(actor, shorten(report.id, child.id, "2026-12-07"), { now: TUESDAY_EVENING }));
      expect(await db.auditLog.findFirst({ where: { actorUserId: userId, action: "sickReport:change", targetId: report.id } })).toMatchObject({ outcome: "DENIED", pupilId: child.id });
    }
    // The report's own pupil id must match too: the maker cannot point the form at another child.
    await expectNotFound(changeSickReport(await parentA(), withdraw(report.id, world.pupilA.id), { now: TUESDAY_EVENING }));
    expect(await db.sickReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ endsOn: day("2026-12-08"), endedAt: null });
    expect(await recordCount(child.id)).toBe(2);
    // The other parent sees who can change it.
    const [seen] = (await getSickReportPanel(await actorOf(second.user.id), child.id, TUESDAY_EVENING)).reports;
    expect(seen).toMatchObject({ id: report.id, mine: false, reportedBy: world.parentA.user.name });
    // Staff: refused by role, with a row.
    const mentor = await actorOf(world.mentorA.user.id);
    await expect(changeSickReport(mentor, withdraw(report.id, child.id), { now: TUESDAY_EVENING })).rejects.toEqual(new AppError("forbidden"));
    expect(await db.auditLog.findFirst({ where: { actorUserId: mentor.userId, action: "sickReport:change" } })).toMatchObject({ outcome: "DENIED", pupilId: child.id });
  });

  it("bad input gets a translated message key", () => {
    const parse = (fields: Record<string, unknown>) => ChangeSickReportInput.safeParse({ reportId: "r", pupilId: "p", ...fields });
    const messages = (fields: Record<string, unknown>) => parse(fields).error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages({ change: "EXTEND" })).toEqual(["change: sickReportErrors.invalid"]);
    expect(messages({ change: "SHORTEN", to: "" })).toEqual(["to: sickReportErrors.toRequired"]);
    expect(messages({ change: "SHORTEN", to: "2026-02-30" })).toEqual(["to: sickReportErrors.invalidDate"]);
    expect(messages({ change: "SHORTEN", from: "morgen", to: "2026-12-01" })).toEqual(["from: sickReportErrors.invalidDate"]);
    expect(messages({ change: "SHORTEN", to: "2026-12-01\u0000" })).toEqual(["to: sickReportErrors.invalidDate"]);
    expect(messages({ change: "WITHDRAW", reportId: "" })).toEqual(["reportId: sickReportErrors.invalid"]);
    // Withdrawing ignores the date fields, whatever they hold.
    expect(parse({ change: "WITHDRAW", from: "rubbish", to: "rubbish" }).data).toEqual({ reportId: "r", pupilId: "p", change: "WITHDRAW" });
  });
});

describe("what the child page and the mentor see", () => {
  it("the panel shows the school's rules and current reports in one query; another parent gets 404", async () => {
    const child = await childOfA();
    const actor = await parentA();
    await reportSick(actor, sickReportInput(child.id, { mode: "RANGE", from: "2026-12-14", to: "2026-12-15", reason: "DOCTOR" }), { now: MONDAY_MORNING });
    const before = queryStats.count;
    const panel = await getSickReportPanel(actor, child.id, MONDAY_MORNING);
    expect(queryStats.count - before).toBeLessThanOrEqual(2);
    expect(panel.school.phone).toBe("030 765 43 21");
    expect(panel.rules).toEqual({
      today: "2026-11-30", todayIsSchoolDay: true, todayAllowed: true, firstDay: "2026-11-30", latestDay: "2027-01-29", deadline: "08:30", maxDaysAhead: 60,
    });
    expect(panel.reports).toEqual([expect.objectContaining({ reason: "DOCTOR", status: "UPCOMING", startsOn: day("2026-12-14"), endsOn: day("2026-12-15"), reportedBy: world.parentA.user.name })]);
    await expectNotFound(getSickReportPanel(await actorOf(world.parentB.user.id), child.id, MONDAY_MORNING));
  });

  it("another class's mentor does not see the report", async () => {
    const child = await childOfA();
    const report = await reportSick(await parentA(), sickReportInput(child.id, { mode: "TODAY" }), { now: MONDAY_MORNING });
    const own = await activeSickReportsForMentor(await actorOf(world.mentorA.user.id), MONDAY_MORNING);
    const other = await activeSickReportsForMentor(await actorOf(world.mentorB.user.id), MONDAY_MORNING);
    expect(own.map((r) => r.id)).toContain(report.id);
    expect(other.map((r) => r.id)).not.toContain(report.id);
  });
});

describe("ouder@demo.test on a Saturday", () => {
  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

  it("reports the first child sick for tomorrow; Monday is marked and mentor@ sees it", async () => {
    const ouder = await actorOf(await userId("ouder@demo.test"));
    const [child] = await listChildrenOverview(ouder);
    const panel = await getSickReportPanel(ouder, child.id, SATURDAY);
    expect(panel.rules).toMatchObject({ today: "2026-11-28", todayIsSchoolDay: false, todayAllowed: true });

    // Sunday alone has no school: nothing to report, nothing written.
    const sundayOnly = sickReportInput(child.id, { mode: "RANGE", from: "2026-11-29", to: "2026-11-29" });
    expect(await validationErrors(reportSick(ouder, sundayOnly, { now: SATURDAY }))).toEqual({ _form: "sickReportErrors.noSchoolDays" });
    expect(await reportCount(child.id)).toBe(0);

    // From tomorrow until better: Monday gets its record straight away.
    const report = await reportSick(ouder, sickReportInput(child.id, { mode: "UNTIL_BETTER", from: "2026-11-29" }), { now: SATURDAY });
    const records = await recordsOf(report.id);
    expect(isoDays(records)).toEqual(["2026-11-30"]);
    expect(records[0]).toMatchObject({ reportedBy: "PARENT", kind: "SICK", sickReportId: report.id });

    const mentor = await actorOf(await userId("mentor@demo.test"));
    const listed = await activeSickReportsForMentor(mentor, SATURDAY);
    expect(listed).toContainEqual(
      expect.objectContaining({ id: report.id, pupilId: child.id, reason: "SICK", startsOn: day("2026-11-29"), endsOn: null, reportedBy: "Sanne Visser", status: "UPCOMING" }),
    );
    // …and on Monday it is a current report.
    expect((await activeSickReportsForMentor(mentor, amsterdam("2026-11-30", "08:00"))).find((r) => r.id === report.id)?.status).toBe("ACTIVE");

    // A range on Monday for the same child overlaps: refused, not doubled.
    const monday = sickReportInput(child.id, { mode: "RANGE", from: "2026-11-30", to: "2026-11-30" });
    expect(await validationErrors(reportSick(ouder, monday, { now: SATURDAY }))).toEqual({ _form: "sickReportErrors.overlap" });
  });

  it("a range from Sunday to Monday marks Monday only (second child)", async () => {
    const ouder = await actorOf(await userId("ouder@demo.test"));
    const [, second] = await listChildrenOverview(ouder);
    const report = await reportSick(ouder, sickReportInput(second.id, { mode: "RANGE", reason: "DOCTOR", from: "2026-11-29", to: "2026-11-30" }), { now: SATURDAY });
    expect(isoDays(await recordsOf(report.id))).toEqual(["2026-11-30"]);
  });
});
