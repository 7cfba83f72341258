import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPersonalData } from "@/lib/domain/data-access/queries";
import { AppError } from "@/lib/errors";
import { actorOf, createAbsence, createFamilies, createGuardianOf, createPupil, createResult, createUser } from "@/tests/factories";

// The right of access (AVG art. 15): a guardian gets everything the school keeps
// about them and the children they may see — and nothing about anyone else, nor
// the school's internal notes.

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
const INTERNAL = "Interne notitie die ouders nooit zien";

beforeAll(async () => {
  world = await createFamilies();
  await createResult(world.pupilA, world.periods[0].id, { grade: 6.8, subject: "Wiskunde" });
  await createResult(world.pupilB, world.periods[0].id, { grade: 4.1, subject: "Engels" });
  await createAbsence(world.pupilA.id, "UNAUTHORISED");
  const both = await db.contactMoment.create({
    data: {
      pupilId: world.pupilA.id, staffId: world.mentorA.staff.id, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "POSITIVE",
      summary: "Compliment over de presentatie", internalNote: INTERNAL, occurredOn: new Date("2026-11-02"), idempotencyKey: `da-${world.pupilA.id}`,
      guardians: { create: { guardianId: world.parentA.guardian.id } },
    },
  });
  await db.contactMoment.create({
    data: {
      pupilId: world.pupilA.id, staffId: world.mentorA.staff.id, kind: "CONFERENCE", initiatedBy: "SCHOOL", tone: "NEUTRAL",
      summary: "Gesprek met de andere ouder", occurredOn: new Date("2026-11-03"), idempotencyKey: `da2-${world.pupilA.id}`,
    },
  });
  expect(both.id).toBeTruthy();
  await db.notification.create({
    data: {
      kind: "ABSENCE_ALERT", guardianId: world.parentA.guardian.id, pupilId: world.pupilA.id, schoolId: world.school.id, aboutDate: new Date("2026-11-04"),
      channel: "EMAIL", locale: "nl", address: world.parentA.user.email, status: "DELIVERED", sendAfter: new Date(), subject: "Afwezig vandaag", body: "Uw kind was afwezig.",
    },
  });
});

describe("the right of access", () => {
  it("gives a guardian their own profile, their child's results, absence, their contact moments and their messages", async () => {
    const actor = await actorOf(world.parentA.user.id);
    const data = await getPersonalData(actor);
    expect(data.as).toBe("PARENT");
    expect(data.you).toMatchObject({ name: world.parentA.user.name, email: world.parentA.user.email, roles: [{ role: "PARENT", school: null }] });
    expect(data.pupils.map((p) => p.id)).toEqual([world.pupilA.id]);
    const [child] = data.pupils;
    expect(child.results).toEqual([expect.objectContaining({ subject: "Wiskunde", grade: "6.8" })]);
    expect(child.absences).toEqual([expect.objectContaining({ kind: "UNAUTHORISED", minutes: 50 })]);
    expect(child.contactMoments.map((c) => c.summary)).toEqual(["Compliment over de presentatie"]);
    expect(child.guardianLinks).toEqual([expect.objectContaining({ guardian: world.parentA.user.name, parentalAuthority: true })]);
    expect(data.messages).toEqual([expect.objectContaining({ subject: "Afwezig vandaag", channel: "EMAIL", status: "DELIVERED" })]);
  });

  it("holds nothing of another family and never the school's internal notes; every child in it is audited", async () => {
    const actor = await actorOf(world.parentA.user.id);
    const text = JSON.stringify(await getPersonalData(actor));
    expect(text).not.toContain(INTERNAL);
    expect(text).not.toContain(world.pupilB.lastName);
    expect(text).not.toContain("Gesprek met de andere ouder");
    const rows = await db.auditLog.findMany({ where: { actorUserId: actor.userId, action: "data:export" } });
    expect(rows.map((r) => r.pupilId)).toContain(world.pupilA.id);
    expect(rows.every((r) => r.pupilId === world.pupilA.id)).toBe(true);
  });

  it("leaves out results the school has not released yet (a fixed release time)", async () => {
    await db.school.update({ where: { id: world.school.id }, data: { gradeReleaseMode: "FIXED_TIME", gradeReleaseTime: "17:00" } });
    try {
      // Tuesday 10:00 Amsterdam: the last release was Monday 17:00; a result entered on Tuesday 09:00 waits.
      const now = new Date("2026-12-08T09:00:00Z");
      await createResult(world.pupilA, world.periods[0].id, { grade: 9.1, subject: "Biologie", heldOn: new Date("2026-12-08"), enteredAt: new Date("2026-12-08T08:00:00Z") });
      const data = await getPersonalData(await actorOf(world.parentA.user.id), now);
      expect(data.pupils[0].results.map((r) => r.subject)).toEqual(["Wiskunde"]);
      const later = await getPersonalData(await actorOf(world.parentA.user.id), new Date("2026-12-08T17:00:00Z"));
      expect(later.pupils[0].results.map((r) => r.subject).sort()).toEqual(["Biologie", "Wiskunde"]);
    } finally {
      await db.school.update({ where: { id: world.school.id }, data: { gradeReleaseMode: "IMMEDIATE" } });
    }
  });

  it("gives a guardian without authority only the categories the school granted, and a 16-year-old's own reasons only when shared", async () => {
    const { user, guardian } = await createGuardianOf([world.pupilA.id], { hasParentalAuthority: false });
    await db.guardianLink.updateMany({ where: { guardianId: guardian.id }, data: { informationGrantedAt: new Date(), informationCategories: ["ABSENCES"] } });
    await db.absenceRecord.updateMany({ where: { pupilId: world.pupilA.id }, data: { pupilReason: "Mijn eigen reden" } });
    const granted = await getPersonalData(await actorOf(user.id));
    expect(granted.pupils[0].results).toEqual([]);
    expect(granted.pupils[0].absences.length).toBeGreaterThan(0);
    // pupilA is 14: a parent with authority sees the pupil's reason; at 16 only when the pupil shares it.
    const parent = await getPersonalData(await actorOf(world.parentA.user.id));
    expect(parent.pupils[0].absences[0]).toMatchObject({ pupilReason: "Mijn eigen reden" });
    await db.pupil.update({ where: { id: world.pupilA.id }, data: { birthDate: new Date("2009-06-01") } });
    try {
      const at16 = await getPersonalData(await actorOf(world.parentA.user.id), new Date("2026-12-08T12:00:00Z"));
      expect(at16.pupils[0].absences[0]).not.toHaveProperty("pupilReason");
      expect(JSON.stringify(at16)).not.toContain("Mijn eigen reden");
    } finally {
      await db.pupil.update({ where: { id: world.pupilA.id }, data: { birthDate: world.pupilA.birthDate } });
    }
  });

  it("gives a guardian whose access is restricted no child at all", async () => {
    const { user } = await createGuardianOf([world.pupilA.id], { accessRestricted: true });
    expect((await getPersonalData(await actorOf(user.id))).pupils).toEqual([]);
  });

  it("gives a pupil of 18+ their own record with every guardian linked to them, and refuses staff", async () => {
    const adultUser = await createUser("PUPIL");
    const adult = await createPupil(world.school.id, world.classA.id, { birthDate: new Date("2007-01-15"), userId: adultUser.id });
    const { user: mother } = await createGuardianOf([adult.id]);
    const data = await getPersonalData(await actorOf(adultUser.id));
    expect(data.as).toBe("PUPIL");
    expect(data.pupils.map((p) => p.id)).toEqual([adult.id]);
    expect(data.pupils[0].guardianLinks.map((l) => l.guardian)).toEqual([mother.name]);
    await expect(getPersonalData(await actorOf(world.mentorA.user.id))).rejects.toEqual(new AppError("forbidden"));
  });
});
