import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createSchool as createSchoolCommand, updateSchool } from "@/lib/domain/admin/school-commands";
import { getBoardOverview, getSchoolForm } from "@/lib/domain/admin/school-queries";
import { setStaffTwoFactorRequired } from "@/lib/domain/admin/board-commands";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { queueAbsenceAlerts } from "@/lib/notifications/alerts";
import { actorOf, createClass, createGuardianOf, createPupil, createUser } from "@/tests/factories";
import { createBoardWorld, deniedAudits, lastAudit, schoolInput } from "@/tests/factories/admin";
import { expectNotFound } from "@/tests/support/next-errors";

describe("the board's overview", () => {
  it("lists only the administrator's own schools, with pupils who have not left and staff accounts", async () => {
    const world = await createBoardWorld();
    const klas = await createClass(world.school.id, world.schoolYear.id);
    await createPupil(world.school.id, klas.id);
    const left = await createPupil(world.school.id, klas.id);
    await db.pupil.update({ where: { id: left.id }, data: { leftOn: new Date(dutchToday().getTime() - 86_400_000) } });
    const overview = await getBoardOverview(world.admin);
    expect(overview.name).toBe(world.board.name);
    expect(overview.schools).toEqual([expect.objectContaining({ id: world.school.id, pupils: 1, staff: 0 })]);
  });

  it("is refused to other roles", async () => {
    const world = await createBoardWorld();
    const leader = await createUser("LEADER", { schoolId: world.school.id });
    await db.staff.create({ data: { userId: leader.id, schoolId: world.school.id } });
    await expect(getBoardOverview(await actorOf(leader.id))).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("creating a school", () => {
  it("adds it to the administrator's board with a slug from its name, audited", async () => {
    const world = await createBoardWorld();
    const input = schoolInput({ name: "Het Nieuwe Lyceum", city: "Zeist" });
    const id = await createSchoolCommand(world.admin, input);
    const school = await db.school.findUniqueOrThrow({ where: { id } });
    expect(school).toMatchObject({ boardId: world.board.id, slug: "het-nieuwe-lyceum", brin: input.brin, quietHoursStart: "21:00" });
    expect((await lastAudit(world.admin.userId, "school:create"))?.details).toEqual({ brin: input.brin, locationCode: "00", kind: "HAVO_VWO" });
  });

  it("is safe to submit twice: one school, the same id", async () => {
    const world = await createBoardWorld();
    const input = schoolInput();
    const [a, b] = await Promise.all([createSchoolCommand(world.admin, input), createSchoolCommand(world.admin, input)]);
    expect(a).toBe(b);
    expect(await db.school.count({ where: { brin: input.brin, locationCode: "00" } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorUserId: world.admin.userId, action: "school:create" } })).toBe(1);
  });

  it("refuses a BRIN and location that another school has, and picks another slug for a taken name", async () => {
    const world = await createBoardWorld();
    const first = schoolInput({ name: "Dubbel College", city: "Ede" });
    await createSchoolCommand(world.admin, first);
    await expect(createSchoolCommand(world.admin, { ...first, name: "Ander College" })).rejects.toEqual(new AdminValidationError({ brin: "schoolErrors.brinTaken" }));
    const second = await createSchoolCommand(world.admin, schoolInput({ name: "Dubbel College", city: "Ede" }));
    expect((await db.school.findUniqueOrThrow({ where: { id: second } })).slug).toBe("dubbel-college-ede");
  });
});

describe("editing a school", () => {
  it("audits every changed detail and setting with its old and new value, and keeps the slug", async () => {
    const world = await createBoardWorld();
    const id = await createSchoolCommand(world.admin, schoolInput({ name: "Oud College" }));
    const before = await db.school.findUniqueOrThrow({ where: { id } });
    expect((await getSchoolForm(world.admin, id)).values).toMatchObject({ name: "Oud College", levels: ["HAVO", "VWO"], contactThresholdWeeks: "6", phone: "030 123 4567" });
    const next = schoolInput({
      brin: before.brin, street: before.street, postalCode: before.postalCode, city: before.city, email: before.email, websiteUrl: before.websiteUrl,
      name: "Nieuw College", levels: ["VWO", "HAVO", "VMBO_GT"], phone: "010 456 7890",
      sickReportMaxDaysAhead: 30, contactThresholdWeeks: 8, quietHoursStart: "20:00", gradeReleaseMode: "FIXED_TIME", gradeReleaseTime: "16:30",
      sickReportDeadline: "08:30", quietHoursEnd: "07:30",
    });
    const changed = await updateSchool(world.admin, id, next);
    expect(changed.sort()).toEqual(["contactThresholdWeeks", "gradeReleaseMode", "gradeReleaseTime", "levels", "name", "phone", "quietHoursStart", "sickReportMaxDaysAhead"]);
    const audit = await lastAudit(world.admin.userId, "school:update");
    expect(audit?.targetId).toBe(id);
    expect(audit?.details).toEqual({
      name: { old: "Oud College", new: "Nieuw College" },
      levels: { old: "HAVO,VWO", new: "VMBO_GT,HAVO,VWO" },
      phone: { old: "030 123 4567", new: "010 456 7890" },
      gradeReleaseMode: { old: "IMMEDIATE", new: "FIXED_TIME" },
      gradeReleaseTime: { old: "17:00", new: "16:30" },
      sickReportMaxDaysAhead: { old: 60, new: 30 },
      contactThresholdWeeks: { old: 6, new: 8 },
      quietHoursStart: { old: "21:00", new: "20:00" },
    });
    expect((await db.school.findUniqueOrThrow({ where: { id } })).slug).toBe("oud-college");
    // Saving the same values again changes nothing and writes no audit row.
    expect(await updateSchool(world.admin, id, next)).toEqual([]);
    expect(await db.auditLog.count({ where: { actorUserId: world.admin.userId, action: "school:update" } })).toBe(1);
  });

  it("refuses to take another school's BRIN and location, writing nothing", async () => {
    const world = await createBoardWorld();
    const a = schoolInput();
    await createSchoolCommand(world.admin, a);
    const bId = await createSchoolCommand(world.admin, schoolInput());
    await expect(updateSchool(world.admin, bId, schoolInput({ brin: a.brin, name: "B" }))).rejects.toEqual(new AdminValidationError({ brin: "schoolErrors.brinTaken" }));
    expect((await db.school.findUniqueOrThrow({ where: { id: bId } })).name).not.toBe("B");
  });

  it("answers 404 with an audit row for another board's school, for the page and the command", async () => {
    const world = await createBoardWorld();
    await expectNotFound(getSchoolForm(world.admin, world.theirs.school.id));
    await expectNotFound(updateSchool(world.admin, world.theirs.school.id, schoolInput()));
    expect(await deniedAudits(world.admin.userId)).toEqual([["school:view", world.theirs.school.id], ["school:view", world.theirs.school.id]]);
    expect((await db.school.findUniqueOrThrow({ where: { id: world.theirs.school.id } })).name).toBe(world.theirs.school.name);
  });
});

describe("the board's two-step rule for staff", () => {
  it("is audited old → new, reaches the staff's actor, and saving it again writes nothing", async () => {
    const world = await createBoardWorld();
    const mentor = await createUser("MENTOR", { schoolId: world.school.id });
    await db.staff.create({ data: { userId: mentor.id, schoolId: world.school.id } });
    expect((await actorOf(mentor.id)).twoFactor.required).toBe(false);
    expect(await setStaffTwoFactorRequired(world.admin, true)).toBe(true);
    expect(await setStaffTwoFactorRequired(world.admin, true)).toBe(false);
    expect((await actorOf(mentor.id)).twoFactor.required).toBe(true);
    const rows = await db.auditLog.findMany({ where: { actorUserId: world.admin.userId, action: "board:update" } });
    expect(rows.map((r) => [r.targetId, r.details])).toEqual([[world.board.id, { requireStaffTwoFactor: { old: false, new: true } }]]);
    // Another board is untouched.
    expect((await db.board.findUniqueOrThrow({ where: { id: world.theirs.board.id } })).requireStaffTwoFactor).toBe(false);
  });
});

describe("quiet hours come from the pupil's school", () => {
  it("holds a text message until the school's own end of quiet hours", async () => {
    const world = await createBoardWorld();
    await db.school.update({ where: { id: world.school.id }, data: { quietHoursStart: "19:00", quietHoursEnd: "08:15" } });
    const klas = await createClass(world.school.id, world.schoolYear.id);
    const pupil = await createPupil(world.school.id, klas.id);
    const { guardian } = await createGuardianOf([pupil.id]);
    await db.guardian.update({ where: { id: guardian.id }, data: { alertChannel: "SMS", phone: "+31612345678" } });
    const today = dutchToday();
    const evening = new Date(today.getTime() + 18 * 3_600_000 + 30 * 60_000); // 19:30 (winter) or 20:30 (summer) Dutch time
    await db.absenceRecord.create({ data: { pupilId: pupil.id, date: today, lessonHour: 1, kind: "UNAUTHORISED", minutes: 50, reportedBy: "SCHOOL" } });
    await db.$transaction((tx) => queueAbsenceAlerts(tx, { pupilId: pupil.id, date: today, now: evening }));
    const sms = await db.notification.findFirstOrThrow({ where: { pupilId: pupil.id, channel: "SMS" } });
    const local = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", ...options }).format(sms.sendAfter);
    expect(local({ hour: "2-digit", minute: "2-digit" })).toBe("08:15");
    expect(local({ day: "numeric" })).toBe(String(new Date(today.getTime() + 86_400_000).getUTCDate()));
  });
});
