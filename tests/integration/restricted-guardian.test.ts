import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parentOverview } from "@/lib/domain/pupils/queries";
import { restrictedSchools } from "@/lib/domain/pupils/restricted";
import { actorOf, createFamilies, createGuardianOf } from "@/tests/factories";

// Issue 18: a guardian whose access the school restricted is told so and whom
// to contact (the school's name and phone), and sees nothing about the child.

describe("restricted guardian", () => {
  it("gets the school's name and phone, once per school, and nothing about the child", async () => {
    const w = await createFamilies();
    await db.school.update({ where: { id: w.school.id }, data: { phone: "055-958 26 73" } });
    const restricted = await createGuardianOf([w.pupilA.id, w.pupilB.id], { accessRestricted: true });
    const actor = await actorOf(restricted.user.id);
    const overview = await parentOverview(actor);
    expect(overview.children).toEqual([]);
    expect(overview.askable).toEqual([]);
    const schools = await restrictedSchools(actor);
    expect(schools).toEqual([{ name: w.school.name, phone: "055-958 26 73" }]);
    const text = JSON.stringify(schools);
    for (const secret of [w.pupilA.firstName, w.pupilA.lastName, w.pupilA.id, w.classA.name]) expect(text).not.toContain(secret);
  });

  it("is empty for a guardian whose access is not restricted, and refused to staff", async () => {
    const w = await createFamilies();
    expect(await restrictedSchools(await actorOf(w.parentA.user.id))).toEqual([]);
    await expect(restrictedSchools(await actorOf(w.mentorA.user.id))).rejects.toThrow();
  });

  it("counts only the guardian's own restricted links, not another guardian's", async () => {
    const w = await createFamilies();
    await createGuardianOf([w.pupilA.id], { accessRestricted: true });
    expect(await restrictedSchools(await actorOf(w.parentB.user.id))).toEqual([]);
  });
});
