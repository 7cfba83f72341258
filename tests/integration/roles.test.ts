import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { pupilScope } from "@/lib/auth/scope";
import { can } from "@/lib/auth/permissions";
import { getChildDetail, listChildrenOverview } from "@/lib/domain/pupils/queries";
import { getMentorPupil, listMentorOverview } from "@/lib/domain/contacts/queries";
import { AppError } from "@/lib/errors";
import { createFamilies, createPupil } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

// A person can hold several roles: here a teacher who mentors class 2B and
// whose own child sits in class 2A of the same school (one account, one e-mail).

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
let teacher: { userId: string; version: number; mentor: string; parent: string; officer: string };
let ownChild: { id: string };

beforeAll(async () => {
  world = await createFamilies();
  ownChild = await createPupil(world.school.id, world.classA.id);
  const user = world.mentorB.user;
  const guardian = await db.guardian.create({ data: { userId: user.id } });
  await db.guardianLink.create({ data: { guardianId: guardian.id, pupilId: ownChild.id, relationship: "FATHER", hasParentalAuthority: true } });
  const parent = await db.roleMembership.create({ data: { userId: user.id, role: "PARENT" } });
  const officer = await db.roleMembership.create({ data: { userId: user.id, role: "ATTENDANCE_OFFICER", schoolId: world.school.id } });
  const mentor = await db.roleMembership.findFirstOrThrow({ where: { userId: user.id, role: "MENTOR" } });
  teacher = { userId: user.id, version: user.sessionVersion, mentor: mentor.id, parent: parent.id, officer: officer.id };
});

const as = async (membershipId: string | null) => (await loadActor(teacher.userId, teacher.version, membershipId))!;

describe("a teacher whose own child attends the school", () => {
  it("holds three roles, listed staff first, and acts in the chosen one", async () => {
    const actor = await as(null);
    expect(actor.memberships.map((m) => m.role)).toEqual(["ATTENDANCE_OFFICER", "MENTOR", "PARENT"]);
    expect(actor.memberships.find((m) => m.role === "MENTOR")?.schoolName).toBe(world.school.name);
    expect(actor.role).toBe("ATTENDANCE_OFFICER");
    expect((await as(teacher.mentor)).role).toBe("MENTOR");
    expect((await as(teacher.parent)).role).toBe("PARENT");
  });

  it("as mentor sees the mentor class, never their own child as a parent would", async () => {
    const mentor = await as(teacher.mentor);
    expect(mentor).toMatchObject({ guardianId: null, pupilId: null, boardId: null, schoolId: world.school.id, mentorOf: [world.classB.id] });
    const list = await listMentorOverview(mentor, { show: "all", sort: "name" });
    expect(list.rows.map((r) => r.id)).toEqual([world.pupilB.id]);
    expect(can(mentor, "parent:view")).toBe(false);
    await expect(listChildrenOverview(mentor)).rejects.toEqual(new AppError("forbidden"));
    // The own child is in another class: out of the mentor's scope.
    await expectNotFound(getMentorPupil(mentor, ownChild.id));
  });

  it("as parent sees their own child, never the mentor class", async () => {
    const parent = await as(teacher.parent);
    expect(parent).toMatchObject({ staffId: null, schoolId: null, mentorOf: [] });
    expect((await listChildrenOverview(parent)).map((c) => c.id)).toEqual([ownChild.id]);
    expect((await getChildDetail(parent, ownChild.id)).id).toBe(ownChild.id);
    await expectNotFound(getChildDetail(parent, world.pupilB.id));
    await expect(listMentorOverview(parent, { show: "all", sort: "name" })).rejects.toEqual(new AppError("forbidden"));
    const visible = await db.pupil.findMany({ where: { schoolId: world.school.id, ...pupilScope(parent) }, select: { id: true } });
    expect(visible.map((p) => p.id)).toEqual([ownChild.id]);
  });

  it("as attendance officer sees the whole school, with no mentor classes and no children", async () => {
    const officer = await as(teacher.officer);
    expect(officer).toMatchObject({ role: "ATTENDANCE_OFFICER", guardianId: null, mentorOf: [], schoolId: world.school.id });
    const visible = await db.pupil.count({ where: pupilScope(officer) });
    expect(visible).toBe(await db.pupil.count({ where: { schoolId: world.school.id } }));
  });

  it("cannot act in a role of someone else, nor in a staff role at a school without a staff profile", async () => {
    const other = await db.roleMembership.findFirstOrThrow({ where: { userId: world.mentorA.user.id } });
    expect((await as(other.id)).membershipId).not.toBe(other.id);
    const otherSchool = await db.school.create({
      data: { boardId: world.school.boardId, brin: "ZZ99", locationCode: "01", name: "Elders", slug: `elders-${teacher.userId}`, city: "Zwolle", kind: "VMBO", levels: [] },
    });
    const stray = await db.roleMembership.create({ data: { userId: teacher.userId, role: "LEADER", schoolId: otherSchool.id } });
    const actor = await as(stray.id);
    expect(actor.memberships.map((m) => m.id)).not.toContain(stray.id);
    expect(actor.role).toBe("ATTENDANCE_OFFICER");
  });

  it("an account that holds no role loads no actor (cannot use the portal)", async () => {
    const lonely = await db.user.create({ data: { email: `lonely-${teacher.userId}@test.test`, name: "Zonder rol" } });
    expect(await loadActor(lonely.id, lonely.sessionVersion)).toBeNull();
  });
});
