import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db, queryStats } from "@/lib/db/client";
import { childSchoolSystem, schoolPromotionRules } from "@/lib/domain/school-system/queries";
import { setPromotionRules } from "@/lib/domain/school-system/commands";
import { PromotionRulesInput } from "@/lib/domain/school-system/schemas";
import { savePromotionRulesAction } from "@/lib/domain/school-system/actions";
import { actorOf, createFamilies, createGuardianOf, createPupil, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

// The school-system page (issue 18, item 5): who may see a child's place, what
// it shows for vmbo, havo and mbo classes, and the school leader's own
// promotion rules (validated, idempotent, audited without the text).

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
const NOW = new Date("2026-12-07T10:00:00Z");
const form = (text: string) => {
  const data = new FormData();
  data.append("text", text);
  return data;
};

beforeAll(async () => {
  w = await createFamilies();
});
async function leaderOf(schoolId: string): Promise<Actor> {
  const user = await createUser("LEADER", { schoolId });
  await db.staff.create({ data: { userId: user.id, schoolId } });
  return actorOf(user.id);
}

describe("a child's place", () => {
  it("shows the guardian the child's track and year, the mentor and the school's phone in one statement, and audits the view", async () => {
    await db.school.update({ where: { id: w.school.id }, data: { phone: "030 123 45 67" } });
    const parent = await actorOf(w.parentA.user.id);
    const before = queryStats.count;
    const page = await childSchoolSystem(parent, w.pupilA.id, NOW);
    // The pupil with link, school, class and mentors in one statement, then the audit row.
    expect(queryStats.count - before).toBe(2);
    expect(page.place).toMatchObject({ node: "HAVO", year: 2, years: 5, nextYear: "lowerYears" });
    expect(page.classGroup).toEqual({ name: "2A", year: 2, track: "HAVO" });
    expect(page.school).toMatchObject({ phone: "030 123 45 67", promotionRules: null });
    expect(page.mayAskMentor).toBe(true);
    expect(page.mentors).toEqual([{ name: w.mentorA.user.name, email: w.mentorA.user.email, phone: "030 123 45 67", contactHours: "Di 8.00–8.20" }]);
    const audit = await db.auditLog.findFirst({ where: { actorUserId: w.parentA.user.id, action: "pupil:view", route: "/parent/children/[pupilId]/school-system" } });
    expect(audit).toMatchObject({ outcome: "ALLOWED", pupilId: w.pupilA.id, category: "record" });
  });

  it("works for a vmbo-k pupil and an mbo pupil", async () => {
    const vmbo = await db.classGroup.create({ data: { schoolId: w.school.id, schoolYearId: w.schoolYear.id, name: "4K", year: 4, track: "VMBO_K" } });
    const mbo = await db.classGroup.create({ data: { schoolId: w.school.id, schoolYearId: w.schoolYear.id, name: "N3-1A", year: 1, track: "MBO_3" } });
    const [p1, p2] = [await createPupil(w.school.id, vmbo.id), await createPupil(w.school.id, mbo.id)];
    const guardian = await createGuardianOf([p1.id, p2.id]);
    const parent = await actorOf(guardian.user.id);
    const first = await childSchoolSystem(parent, p1.id, NOW);
    expect(first.place).toMatchObject({ node: "VMBO_K", examYear: true, nextYear: "vmboExam" });
    expect(first.place.next.map((n) => n.node)).toEqual(["MBO_3", "MBO_4", "VMBO_GT"]);
    expect(first.mentors).toEqual([]);
    expect((await childSchoolSystem(parent, p2.id, NOW)).place).toMatchObject({ node: "MBO_3", year: 1, years: 3, nextYear: "mboYear" });
  });

  it("without the right \"mentor\" (no authority, with an information grant) shows no mentor; restricted, another family's child or a mentor: 404 + audit naming the pupil", async () => {
    const granted = await createGuardianOf([w.pupilA.id], { hasParentalAuthority: false, informationGrantedAt: NOW, informationCategories: ["RESULTS"] });
    const page = await childSchoolSystem(await actorOf(granted.user.id), w.pupilA.id, NOW);
    expect(page).toMatchObject({ mayAskMentor: false, mentors: [] });

    const restricted = await createGuardianOf([w.pupilA.id], { accessRestricted: true });
    for (const userId of [restricted.user.id, w.parentB.user.id]) {
      await expectNotFound(childSchoolSystem(await actorOf(userId), w.pupilA.id, NOW));
      const denied = await db.auditLog.findMany({ where: { actorUserId: userId, outcome: "DENIED" }, select: { action: true, pupilId: true, route: true } });
      expect(denied).toEqual([{ action: "pupil:view", pupilId: w.pupilA.id, route: "/parent/children/[pupilId]/school-system" }]);
    }
    await expect(childSchoolSystem(await actorOf(w.mentorA.user.id), w.pupilA.id, NOW)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.auditLog.count({ where: { actorUserId: w.mentorA.user.id, outcome: "DENIED", pupilId: w.pupilA.id } })).toBe(1);
    await expectNotFound(childSchoolSystem(await actorOf(w.parentA.user.id), "no-such-pupil", NOW));
  });
});

describe("the school's promotion rules", () => {
  it("are set by the school leader, shown to parents as written, and saving the same text twice is one change", async () => {
    const leader = await leaderOf(w.school.id);
    const text = "Je gaat over met hoogstens 2 onvoldoendes.\r\nEen 4 telt als twee onvoldoendes.";
    expect(await setPromotionRules(leader, PromotionRulesInput.parse({ text: `  ${text}  ` }))).toBe(true);
    expect(await setPromotionRules(leader, PromotionRulesInput.parse({ text }))).toBe(false);
    const stored = "Je gaat over met hoogstens 2 onvoldoendes.\nEen 4 telt als twee onvoldoendes.";
    expect(await schoolPromotionRules(leader)).toBe(stored);
    expect((await childSchoolSystem(await actorOf(w.parentA.user.id), w.pupilA.id, NOW)).school.promotionRules).toBe(stored);
    const audits = await db.auditLog.findMany({ where: { actorUserId: leader.userId, action: "school:update" }, select: { details: true, targetId: true, route: true } });
    expect(audits).toEqual([{ details: { promotionRules: { old: 0, new: stored.length } }, targetId: w.school.id, route: "/leader" }]);
    // Empty removes the text.
    expect(await setPromotionRules(leader, PromotionRulesInput.parse({ text: " \n " }))).toBe(true);
    expect(await schoolPromotionRules(leader)).toBe("");
  });

  it("refuses a text over 4,000 characters with a translated message, echoing it; a parent or mentor may not set them", async () => {
    const leader = await leaderOf(w.school.id);
    session.actor = leader;
    const long = "x".repeat(4001);
    expect(await savePromotionRulesAction({}, form(long))).toEqual({ errors: { text: "schoolSystem.errors.tooLong" }, values: { text: long }, attempt: 1 });
    expect(await savePromotionRulesAction({ attempt: 1 }, form("x".repeat(4000)))).toMatchObject({ saved: true, attempt: 2 });
    expect(await savePromotionRulesAction({}, "not a form" as unknown as FormData)).toEqual({ errors: { _form: "errors.invalidInput" } });
    session.actor = await actorOf(w.parentA.user.id);
    expect(await savePromotionRulesAction({}, form("Nee"))).toMatchObject({ errors: { _form: "errors.forbidden" } });
    session.actor = await actorOf(w.mentorA.user.id);
    expect(await savePromotionRulesAction({}, form("Nee"))).toMatchObject({ errors: { _form: "errors.forbidden" } });
    expect(await schoolPromotionRules(leader)).toBe("x".repeat(4000));
    expect(await db.auditLog.count({ where: { actorUserId: w.mentorA.user.id, action: "school:update", outcome: "DENIED" } })).toBe(1);
  });
});
