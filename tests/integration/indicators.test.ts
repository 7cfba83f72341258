import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { INDICATORS } from "@/lib/domain/indicators/catalogue";
import { IndicatorValidationError, publishIndicators, saveIndicatorDrafts } from "@/lib/domain/indicators/commands";
import { getIndicatorEditor } from "@/lib/domain/indicators/queries";
import { getBenchmarkEditor, saveBenchmarks } from "@/lib/domain/indicators/benchmarks";
import { actorOf, createSchool, createUser, createMentor } from "@/tests/factories";

let school: { id: string };
let otherSchool: { id: string };
let yearId: string;
let leaderId: string;
let otherLeaderId: string;
let mentorId: string;

async function leaderOf(schoolId: string) {
  const user = await createUser("LEADER", { schoolId });
  await db.staff.create({ data: { userId: user.id, schoolId } });
  return user.id;
}

const entry = (indicatorCode: string, value: string, schoolType = "ALL", explanation = "") => ({ indicatorCode, schoolType: schoolType as "ALL", value, explanation });
const valuesOf = (schoolId: string) => db.indicatorValue.findMany({ where: { schoolId }, include: { indicator: true } });

beforeAll(async () => {
  const created = await createSchool();
  school = created.school;
  yearId = created.schoolYear.id;
  otherSchool = (await createSchool()).school;
  await db.qualityIndicator.createMany({
    data: INDICATORS.map((d, i) => ({ code: d.code, group: d.group, unit: d.unit, direction: d.direction, perSchoolType: d.perSchoolType, sortOrder: i })),
    skipDuplicates: true,
  });
  leaderId = await leaderOf(school.id);
  otherLeaderId = await leaderOf(otherSchool.id);
  mentorId = (await createMentor(school.id, [])).user.id;
});

describe("drafts", () => {
  it("are saved all together, and saving twice changes nothing", async () => {
    const leader = await actorOf(leaderId);
    const input = { schoolId: school.id, schoolYearId: yearId, entries: [entry("EXAM_PASS_RATE", "88,5", "HAVO", "Goed jaar"), entry("SOCIAL_SAFETY", "91"), entry("PUPIL_COUNT", "")] };
    expect(await saveIndicatorDrafts(leader, input)).toBe(2);
    expect(await saveIndicatorDrafts(leader, input)).toBe(2);
    const values = await valuesOf(school.id);
    expect(values).toHaveLength(2);
    expect(values.find((v) => v.indicator.code === "EXAM_PASS_RATE")).toMatchObject({ schoolType: "HAVO", draftExplanation: "Goed jaar", publishedAt: null });
  });

  it("with one bad value write nothing, and say which field and why", async () => {
    const leader = await actorOf(leaderId);
    const before = await valuesOf(school.id);
    const error = await saveIndicatorDrafts(leader, {
      schoolId: school.id, schoolYearId: yearId,
      entries: [entry("SOCIAL_SAFETY", "93"), entry("AVG_EXAM_GRADE", "11", "VWO"), entry("PROGRESSION_LOWER", "85", "HAVO"), entry("ANTI_BULLYING_COORDINATOR", "misschien")],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndicatorValidationError);
    expect((error as IndicatorValidationError).entryErrors).toEqual({
      "AVG_EXAM_GRADE:VWO": "indicatorErrors.range.GRADE",
      "PROGRESSION_LOWER:HAVO": "indicatorErrors.notPerSchoolType",
      "ANTI_BULLYING_COORDINATOR:ALL": "indicatorErrors.boolean",
    });
    expect(await valuesOf(school.id)).toEqual(before);
  });
});

describe("publishing", () => {
  it("makes the year's drafts public at once, keeps the history, and a second click does nothing", async () => {
    const leader = await actorOf(leaderId);
    expect(await publishIndicators(leader, { schoolId: school.id, schoolYearId: yearId })).toBe(2);
    expect(await publishIndicators(leader, { schoolId: school.id, schoolYearId: yearId })).toBe(0);
    const values = await valuesOf(school.id);
    for (const v of values) {
      expect(v.publishedAt).not.toBeNull();
      expect(v.publishedValue?.toString()).toBe(v.draftValue?.toString());
    }
    const publications = await db.indicatorPublication.findMany({ where: { schoolId: school.id }, include: { changes: true } });
    expect(publications).toHaveLength(1);
    expect(publications[0]).toMatchObject({ publishedById: leaderId });
    expect(publications[0].changes.every((c) => c.oldValue === null)).toBe(true);
  });

  it("corrects a published value with a new publication that records old and new", async () => {
    const leader = await actorOf(leaderId);
    await saveIndicatorDrafts(leader, { schoolId: school.id, schoolYearId: yearId, entries: [entry("SOCIAL_SAFETY", "89,5", "ALL", "Gecorrigeerd na telling")] });
    const safety = (await valuesOf(school.id)).find((v) => v.indicator.code === "SOCIAL_SAFETY")!;
    expect(safety.publishedValue?.toString()).toBe("91");
    expect(await publishIndicators(leader, { schoolId: school.id, schoolYearId: yearId })).toBe(1);
    const change = await db.indicatorValueChange.findFirstOrThrow({ where: { indicatorValueId: safety.id, oldValue: { not: null } } });
    expect([change.oldValue?.toString(), change.newValue?.toString(), change.newExplanation]).toEqual(["91", "89.5", "Gecorrigeerd na telling"]);
    const editor = await getIndicatorEditor(leader, yearId);
    expect(editor.pendingCount).toBe(0);
    expect(editor.history).toHaveLength(2);
  });

  it("is refused for another school (crafted request): audited, nothing written", async () => {
    const otherLeader = await actorOf(otherLeaderId);
    const before = await db.indicatorPublication.count();
    await expect(
      saveIndicatorDrafts(otherLeader, { schoolId: school.id, schoolYearId: yearId, entries: [entry("SOCIAL_SAFETY", "10")] }),
    ).rejects.toEqual(new AppError("notFound"));
    await expect(publishIndicators(otherLeader, { schoolId: school.id, schoolYearId: yearId })).rejects.toEqual(new AppError("notFound"));
    expect(await db.indicatorPublication.count()).toBe(before);
    expect((await valuesOf(school.id)).find((v) => v.indicator.code === "SOCIAL_SAFETY")?.draftValue?.toString()).toBe("89.5");
    const audits = await db.auditLog.findMany({ where: { actorUserId: otherLeaderId, action: "indicators:edit", outcome: "DENIED" } });
    expect(audits).toHaveLength(2);
  });

  it("is not for mentors", async () => {
    const mentor = await actorOf(mentorId);
    await expect(publishIndicators(mentor, { schoolId: school.id, schoolYearId: yearId })).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("national benchmarks", () => {
  it("are kept by the board administrator, all or nothing; an empty value removes one", async () => {
    const admin = await actorOf((await createUser("ADMIN")).id);
    const bench = (indicatorCode: string, schoolType: string, value: string) => ({ indicatorCode, schoolType: schoolType as "ALL", value });
    expect(await saveBenchmarks(admin, { schoolYearId: yearId, entries: [bench("SOCIAL_SAFETY", "ALL", "90,4"), bench("EXAM_PASS_RATE", "HAVO", "88")] })).toBe(2);
    const error = await saveBenchmarks(admin, {
      schoolYearId: yearId,
      entries: [bench("SOCIAL_SAFETY", "ALL", "91"), bench("EXAM_PASS_RATE", "ALL", "88"), bench("AVG_EXAM_GRADE", "VWO", "12")],
    }).catch((e: unknown) => e);
    expect((error as IndicatorValidationError).entryErrors).toEqual({
      "EXAM_PASS_RATE:ALL": "indicatorErrors.unknownSchoolType",
      "AVG_EXAM_GRADE:VWO": "indicatorErrors.range.GRADE",
    });
    const editor = await getBenchmarkEditor(admin, yearId);
    expect(editor.rows.find((r) => r.code === "SOCIAL_SAFETY")?.value).toBe(90.4);
    await saveBenchmarks(admin, { schoolYearId: yearId, entries: [bench("EXAM_PASS_RATE", "HAVO", "")] });
    expect((await getBenchmarkEditor(admin, yearId)).rows.find((r) => r.code === "EXAM_PASS_RATE" && r.schoolType === "HAVO")?.value).toBeNull();
  });

  it("are not for school leaders", async () => {
    const leader = await actorOf(leaderId);
    await expect(saveBenchmarks(leader, { schoolYearId: yearId, entries: [] })).rejects.toEqual(new AppError("forbidden"));
  });
});
