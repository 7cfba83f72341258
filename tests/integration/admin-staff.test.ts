import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { createStaffAccount, setAccountBlocked, updateStaffRoles } from "@/lib/domain/admin/staff-commands";
import { getNewStaffForm, getStaffMember, listSchoolStaff } from "@/lib/domain/admin/staff-queries";
import { NewStaffInput } from "@/lib/domain/admin/staff-schemas";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createUser } from "@/tests/factories";
import { createBoardWorld, deniedAudits, lastAudit } from "@/tests/factories/admin";
import { expectNotFound } from "@/tests/support/next-errors";

const input = (overrides: Record<string, unknown> = {}) =>
  NewStaffInput.parse({ name: "Fatima Bakker", email: `f.bakker.${crypto.randomUUID().slice(0, 6)}@school.example`, phone: "", roles: ["MENTOR"], classIds: [], confirmExisting: false, ...overrides });

async function created(result: Awaited<ReturnType<typeof createStaffAccount>>) {
  if (result.status !== "created") throw new Error(`expected created, got ${result.status}`);
  return result.staffId;
}

describe("creating a staff account", () => {
  it("creates user (no password), staff profile, a membership per role and the mentor's classes in one go; twice gives the same one", async () => {
    const w = await createBoardWorld();
    const klas = await createClass(w.school.id, w.schoolYear.id);
    const data = input({ roles: ["MENTOR", "ATTENDANCE_OFFICER"], classIds: [klas.id], phone: "06-12345678" });
    const staffId = await created(await createStaffAccount(w.admin, w.school.id, data));
    expect(await createStaffAccount(w.admin, w.school.id, data)).toEqual({ status: "created", staffId });
    const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId }, include: { user: { include: { memberships: true } }, mentorships: true } });
    expect(staff).toMatchObject({ schoolId: w.school.id, phone: "06 12345678", user: { email: data.email, passwordHash: null, disabledAt: null } });
    expect(staff.user.memberships.map((m) => [m.role, m.schoolId]).sort()).toEqual([["ATTENDANCE_OFFICER", w.school.id], ["MENTOR", w.school.id]]);
    expect(staff.mentorships.map((m) => m.classGroupId)).toEqual([klas.id]);
    expect(await db.auditLog.count({ where: { actorUserId: w.admin.userId, action: "staff:create" } })).toBe(1);
    const list = await listSchoolStaff(w.admin, w.school.id);
    expect(list.staff).toEqual([expect.objectContaining({ id: staffId, roles: ["MENTOR", "ATTENDANCE_OFFICER"], classes: [klas.name], state: "noPassword", twoFactor: false })]);
  });

  it("two submits at once make one account", async () => {
    const w = await createBoardWorld();
    const data = input();
    const results = await Promise.all([createStaffAccount(w.admin, w.school.id, data), createStaffAccount(w.admin, w.school.id, data)]);
    expect(new Set(results.map((r) => (r.status === "created" ? r.staffId : null))).size).toBe(1);
    expect(await db.user.count({ where: { email: data.email } })).toBe(1);
  });

  it("adds a parent who teaches here to their own account after confirmation, and they then act in both roles", async () => {
    const w = await createBoardWorld();
    const klas = await createClass(w.school.id, w.schoolYear.id);
    const child = await createPupil(w.school.id, klas.id);
    const parent = await createGuardianOf([child.id]);
    const data = input({ name: `  ${parent.user.name.toUpperCase()} `, email: parent.user.email, roles: ["MENTOR", "LEADER"] });
    expect(await createStaffAccount(w.admin, w.school.id, data)).toEqual({ status: "confirm", name: parent.user.name, roles: ["PARENT"] });
    expect(await db.staff.count({ where: { userId: parent.user.id } })).toBe(0);
    const staffId = await created(await createStaffAccount(w.admin, w.school.id, { ...data, confirmExisting: true }));
    expect((await db.staff.findUniqueOrThrow({ where: { id: staffId } })).userId).toBe(parent.user.id);
    const actor = await actorOf(parent.user.id);
    expect(actor.memberships.map((m) => m.role)).toEqual(["LEADER", "MENTOR", "PARENT"]);
    expect((await lastAudit(w.admin.userId, "staff:create"))?.details).toEqual({ roles: "MENTOR,LEADER", classes: 0, existingAccount: true });
  });

  it("refuses an address of someone with another name, of staff at another school, and classes without the mentor role", async () => {
    const w = await createBoardWorld();
    const parent = await createGuardianOf([]);
    await expect(createStaffAccount(w.admin, w.school.id, input({ email: parent.user.email, confirmExisting: true }))).rejects.toEqual(new AdminValidationError({ email: "staffErrors.emailOtherName" }));
    const elsewhere = await createMentor(w.theirs.school.id, []);
    await expect(createStaffAccount(w.admin, w.school.id, input({ name: elsewhere.user.name, email: elsewhere.user.email, confirmExisting: true }))).rejects.toEqual(new AdminValidationError({ email: "staffErrors.otherSchool" }));
    const theirClass = await createClass(w.theirs.school.id, w.theirs.schoolYear.id);
    const wrongClass = input({ classIds: [theirClass.id] });
    await expect(createStaffAccount(w.admin, w.school.id, wrongClass)).rejects.toEqual(new AdminValidationError({ classIds: "staffErrors.classIds" }));
    const raw = { name: "Fatima Bakker", email: "f@school.example", phone: "", roles: ["LEADER"], classIds: [theirClass.id], confirmExisting: false };
    expect(NewStaffInput.safeParse(raw).error?.issues.map((i) => i.message)).toEqual(["staffErrors.classesNeedMentor"]);
    expect(await db.staff.count({ where: { schoolId: w.school.id } })).toBe(0);
    // The refused class rolled the whole account back: no user without a staff profile is left behind.
    expect(await db.user.count({ where: { email: wrongClass.email } })).toBe(0);
  });
});

describe("editing roles", () => {
  it("adds and removes memberships and this year's mentor classes, audited old → new", async () => {
    const w = await createBoardWorld();
    const [a, b] = [await createClass(w.school.id, w.schoolYear.id, "1A"), await createClass(w.school.id, w.schoolYear.id, "1B")];
    const mentor = await createMentor(w.school.id, [a.id]);
    await updateStaffRoles(w.admin, w.school.id, mentor.staff.id, { roles: ["MENTOR", "ATTENDANCE_OFFICER"], classIds: [b.id], phone: null });
    const member = (await getStaffMember(w.admin, w.school.id, mentor.staff.id)).member;
    expect(member).toMatchObject({ roles: ["MENTOR", "ATTENDANCE_OFFICER"], classIds: [b.id], phone: "" });
    expect((await actorOf(mentor.user.id)).memberships.map((m) => m.role)).toEqual(["ATTENDANCE_OFFICER", "MENTOR"]);
    expect((await lastAudit(w.admin.userId, "staff:update"))?.details).toEqual({
      roles: { old: "MENTOR", new: "MENTOR,ATTENDANCE_OFFICER" }, classes: { old: "1A", new: "1B" }, phoneChanged: true,
    });
    await updateStaffRoles(w.admin, w.school.id, mentor.staff.id, { roles: ["LEADER"], classIds: [], phone: null });
    expect((await actorOf(mentor.user.id)).memberships.map((m) => m.role)).toEqual(["LEADER"]);
    expect(await db.mentorship.count({ where: { staffId: mentor.staff.id } })).toBe(0);
  });
});

describe("blocking", () => {
  it("ends every session at once, is audited, and unblocking lets the person in again", async () => {
    const w = await createBoardWorld();
    const mentor = await createMentor(w.school.id, []);
    const before = await db.user.findUniqueOrThrow({ where: { id: mentor.user.id } });
    expect(await loadActor(mentor.user.id, before.sessionVersion)).not.toBeNull();
    await setAccountBlocked(w.admin, w.school.id, mentor.staff.id, true);
    await setAccountBlocked(w.admin, w.school.id, mentor.staff.id, true);
    const after = await db.user.findUniqueOrThrow({ where: { id: mentor.user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.disabledAt).not.toBeNull();
    // A token issued before the block no longer works, nor would a new one.
    expect(await loadActor(mentor.user.id, before.sessionVersion)).toBeNull();
    expect(await loadActor(mentor.user.id, after.sessionVersion)).toBeNull();
    expect((await listSchoolStaff(w.admin, w.school.id)).staff[0].state).toBe("blocked");
    await setAccountBlocked(w.admin, w.school.id, mentor.staff.id, false);
    expect(await loadActor(mentor.user.id, after.sessionVersion)).not.toBeNull();
    const audits = await db.auditLog.findMany({ where: { actorUserId: w.admin.userId, action: { in: ["account:blocked", "account:unblocked"] } }, orderBy: { at: "asc" } });
    expect(audits.map((a) => [a.action, a.targetId])).toEqual([["account:blocked", mentor.user.id], ["account:unblocked", mentor.user.id]]);
  });

  it("an administrator cannot block themselves", async () => {
    const w = await createBoardWorld();
    const staff = await db.staff.create({ data: { userId: w.adminUser.id, schoolId: w.school.id } });
    await expect(setAccountBlocked(w.admin, w.school.id, staff.id, true)).rejects.toEqual(new AdminValidationError({ _form: "staffErrors.blockSelf" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: w.adminUser.id } })).disabledAt).toBeNull();
  });
});

describe("scope", () => {
  it("another board's school or staff member: 404 and an audit row for every page and command, nothing written", async () => {
    const w = await createBoardWorld();
    const theirs = w.theirs.school.id;
    const theirMentor = await createMentor(theirs, []);
    await expectNotFound(listSchoolStaff(w.admin, theirs));
    await expectNotFound(getNewStaffForm(w.admin, theirs));
    await expectNotFound(getStaffMember(w.admin, theirs, theirMentor.staff.id));
    await expectNotFound(createStaffAccount(w.admin, theirs, input()));
    await expectNotFound(updateStaffRoles(w.admin, theirs, theirMentor.staff.id, { roles: ["LEADER"], classIds: [], phone: null }));
    await expectNotFound(setAccountBlocked(w.admin, theirs, theirMentor.staff.id, true));
    // Their staff member asked for through my own school.
    await expectNotFound(getStaffMember(w.admin, w.school.id, theirMentor.staff.id));
    await expectNotFound(setAccountBlocked(w.admin, w.school.id, theirMentor.staff.id, true));
    expect(await deniedAudits(w.admin.userId)).toEqual([
      ...Array.from({ length: 6 }, () => ["school:view", theirs]),
      ["staff:update", theirMentor.staff.id], ["account:blocked", theirMentor.staff.id],
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: theirMentor.user.id } })).disabledAt).toBeNull();
    expect(await db.roleMembership.count({ where: { userId: theirMentor.user.id } })).toBe(1);
  });

  it("is refused to a school leader", async () => {
    const w = await createBoardWorld();
    const leader = await createUser("LEADER", { schoolId: w.school.id });
    await db.staff.create({ data: { userId: leader.id, schoolId: w.school.id } });
    await expect(listSchoolStaff(await actorOf(leader.id), w.school.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
