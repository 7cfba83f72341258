import { beforeAll, describe, expect, it } from "vitest";
import { db, queryStats } from "@/lib/db/client";
import { getChildDetail, listChildrenOverview } from "@/lib/domain/pupils/queries";
import { ensurePermission } from "@/lib/auth/guard";
import { loadActor } from "@/lib/auth/actor";
import { actorOf, createFamilies, createGuardianOf, createPupil, createResult, createAbsence } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;

const auditRows = (actorUserId: string) => db.auditLog.findMany({ where: { actorUserId }, orderBy: { at: "asc" } });

beforeAll(async () => {
  world = await createFamilies();
  await createResult(world.pupilA, world.periods[0].id, { grade: 6.8 });
  await createAbsence(world.pupilA.id, "SICK");
});

describe("a parent and their own child", () => {
  it("sees the child, with results and absences, and the view is audit-logged", async () => {
    const actor = await actorOf(world.parentA.user.id);
    const child = await getChildDetail(actor, world.pupilA.id);
    expect(child.id).toBe(world.pupilA.id);
    expect(child.subjects).toHaveLength(1);
    expect(child.subjects[0].averageTenths).toBe(68);
    expect(child.totals.year.SICK.count).toBe(1);
    const rows = await auditRows(actor.userId);
    expect(rows.at(-1)).toMatchObject({ action: "pupil:view", outcome: "ALLOWED", pupilId: world.pupilA.id });
  });

  it("lists only their own children on the overview, in two round trips, audit-logged", async () => {
    const actor = await actorOf(world.parentA.user.id);
    const before = queryStats.count;
    const children = await listChildrenOverview(actor);
    expect(queryStats.count - before).toBe(2);
    expect(children.map((c) => c.id)).toEqual([world.pupilA.id]);
    const rows = await db.auditLog.findMany({ where: { actorUserId: actor.userId, action: "pupil:list" } });
    expect(rows.map((r) => r.pupilId)).toEqual([world.pupilA.id]);
  });

  it("loads the actor and the whole child page in at most 3 round trips", async () => {
    const { user } = world.parentA;
    const before = queryStats.count;
    const actor = await loadActor(user.id, user.sessionVersion);
    const detail = await getChildDetail(actor!, world.pupilA.id);
    // Actor, the page's data (including the sick-report panel's rules and reports), the audit row.
    expect(queryStats.count - before).toBe(3);
    expect(detail.sickReportPanel?.rules.deadline).toBe("08:30");
    expect(detail.sickReportPanel?.reports).toEqual([]);
  });
});

describe("what a parent may not see answers 404 and leaves an audit row", () => {
  it("another family's child", async () => {
    const actor = await actorOf(world.parentA.user.id);
    await expectNotFound(getChildDetail(actor, world.pupilB.id));
    const denied = (await auditRows(actor.userId)).filter((r) => r.outcome === "DENIED");
    expect(denied.at(-1)).toMatchObject({ action: "pupil:view", pupilId: world.pupilB.id, targetId: world.pupilB.id });
  });

  it("an id that does not exist, without revealing that", async () => {
    const actor = await actorOf(world.parentA.user.id);
    await expectNotFound(getChildDetail(actor, "does-not-exist"));
    const denied = (await auditRows(actor.userId)).filter((r) => r.outcome === "DENIED");
    expect(denied.at(-1)).toMatchObject({ pupilId: null, targetId: "does-not-exist" });
  });

  it("a restricted link", async () => {
    const { user } = await createGuardianOf([world.pupilA.id], { accessRestricted: true });
    const actor = await actorOf(user.id);
    await expectNotFound(getChildDetail(actor, world.pupilA.id));
    expect(await listChildrenOverview(actor)).toEqual([]);
    expect((await auditRows(user.id)).map((r) => r.outcome)).toEqual(["DENIED"]);
  });

  it("a guardian without parental authority, until the school grants information", async () => {
    const { user } = await createGuardianOf([world.pupilA.id], { hasParentalAuthority: false });
    const actor = await actorOf(user.id);
    await expectNotFound(getChildDetail(actor, world.pupilA.id));
    await db.guardianLink.updateMany({ where: { guardian: { userId: user.id } }, data: { informationGrantedAt: new Date(), informationCategories: ["RESULTS", "ABSENCES"] } });
    const child = await getChildDetail(actor, world.pupilA.id);
    expect(child.id).toBe(world.pupilA.id);
  });

  it("a guardian whose access the 18+ pupil withdrew", async () => {
    const adult = await createPupil(world.school.id, world.classA.id, { birthDate: new Date("2000-03-01") });
    const { user } = await createGuardianOf([adult.id], { consentWithdrawnAt: new Date() });
    await expectNotFound(getChildDetail(await actorOf(user.id), adult.id));
  });

  it("a mentor asking for a parent route", async () => {
    const actor = await actorOf(world.mentorA.user.id);
    await expectNotFound(ensurePermission(actor, "parent:view", { route: "/parent", category: "record" }));
    const rows = await auditRows(actor.userId);
    expect(rows.at(-1)).toMatchObject({ action: "route:view", outcome: "DENIED", role: "MENTOR", category: "record", route: "/parent" });
  });
});

describe("sessions", () => {
  it("an old session version or a disabled account no longer loads an actor", async () => {
    const { user } = world.parentB;
    expect(await loadActor(user.id, user.sessionVersion)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(user.id, user.sessionVersion)).toBeNull();
    expect(await loadActor(user.id, user.sessionVersion + 1)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(user.id, user.sessionVersion + 1)).toBeNull();
  });
});
