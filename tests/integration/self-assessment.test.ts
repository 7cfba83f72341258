import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ensurePermission } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { AdminValidationError } from "@/lib/domain/admin/form-state";
import { schoolYearOf } from "@/lib/domain/calendar/dates";
import { schoolReachEvidence } from "@/lib/domain/self-assessment/evidence";
import { getSelfAssessmentPage } from "@/lib/domain/self-assessment/queries";
import { publishSelfAssessment, saveSelfAssessment } from "@/lib/domain/self-assessment/commands";
import { SelfAssessmentInput } from "@/lib/domain/self-assessment/schemas";
import { loadSchoolProfile } from "@/lib/domain/schools/queries";
import { submittedForm } from "@/lib/forms/form-data";
import { actorOf, createGuardianOf, createMentor, createPupil, createSchool } from "@/tests/factories";
import { createLeader } from "@/tests/factories/absence";
import { expectNotFound } from "@/tests/support/next-errors";

// The involvement self-assessment (issue 19 part 4, decision 0038): saved per
// school year (history with change per domain), idempotent, bad input refused
// with catalogue keys, published to the public profile from the published
// columns only, reach evidence on hand-built data, and refusals for every
// other role. The clock is pinned (NOW), independent of the time of day.

const NOW = new Date("2026-12-07T23:30:00Z"); // 00:30 on 8 December in Amsterdam
const LAST_YEAR_NOW = new Date("2026-03-10T10:00:00Z");
const DAY = 86_400_000;
const dayBefore = (days: number) => new Date(Date.UTC(2026, 11, 8) - days * DAY);

type Scores = Record<"bestaansrecht" | "leefbaarheid" | "inrichting" | "management", { level: string; note: string; sentence: string }>;
const input = (overrides: Partial<Scores> = {}) => SelfAssessmentInput.parse({
  bestaansrecht: { level: "2", note: "Enquête in oktober.", sentence: "We vragen ouders wat ze nodig hebben." },
  leefbaarheid: { level: "3", note: "", sentence: "Mentoren hebben tijd voor ouders." },
  inrichting: { level: "3", note: "Huisbezoeken leerjaar 1.", sentence: "Mentoren gaan op huisbezoek." },
  management: { level: "", note: "", sentence: "" },
  ...overrides,
});

let schoolA: { id: string };
let schoolB: { id: string };
let leaderA: Awaited<ReturnType<typeof actorOf>>;
let leaderB: Awaited<ReturnType<typeof actorOf>>;
let mentor: Awaited<ReturnType<typeof actorOf>>;
let parent: Awaited<ReturnType<typeof actorOf>>;
let mentorStaffId: string;
let fam: { id: string }[];
let guardianId: string;

beforeAll(async () => {
  const years = [schoolYearOf(new Date(Date.UTC(2026, 11, 8))), schoolYearOf(new Date(Date.UTC(2026, 2, 10)))];
  const [thisYear, lastYear] = await Promise.all(years.map((y) => db.schoolYear.upsert({ where: { name: y.name }, update: {}, create: y })));
  const a = await createSchool();
  const b = await createSchool();
  schoolA = a.school;
  schoolB = b.school;
  const class1 = await db.classGroup.create({ data: { schoolId: schoolA.id, schoolYearId: thisYear.id, name: "1A", year: 1, track: "HAVO" } });
  const class2 = await db.classGroup.create({ data: { schoolId: schoolA.id, schoolYearId: thisYear.id, name: "1B", year: 1, track: "HAVO" } });
  const oldClass = await db.classGroup.create({ data: { schoolId: schoolA.id, schoolYearId: lastYear.id, name: "6V", year: 6, track: "VWO" } });
  const classB = await db.classGroup.create({ data: { schoolId: schoolB.id, schoolYearId: thisYear.id, name: "1A", year: 1, track: "HAVO" } });
  // Four families this year (p1–p4); p5 left; p6 sat in last year's class only; p7 is school B's.
  fam = [];
  for (const c of [class1, class1, class2, class2]) fam.push(await createPupil(schoolA.id, c.id));
  const left = await createPupil(schoolA.id, class1.id);
  await db.pupil.update({ where: { id: left.id }, data: { leftOn: dayBefore(20) } });
  const old = await createPupil(schoolA.id, oldClass.id);
  const other = await createPupil(schoolB.id, classB.id);
  const m = await createMentor(schoolA.id, [class1.id]);
  mentorStaffId = m.staff.id;
  const mB = await createMentor(schoolB.id, [classB.id]);
  // Guardians: fam[1] has two households (one family), fam[2] and fam[3] are
  // siblings with one guardian (one family at school level) — three families.
  const g = await createGuardianOf([fam[0].id]);
  await createGuardianOf([fam[1].id]); // the first household
  const g1b = await createGuardianOf([fam[1].id]);
  const siblings = await createGuardianOf([fam[2].id, fam[3].id]);
  const gLeft = await createGuardianOf([left.id]);
  const gOld = await createGuardianOf([old.id]);
  const gOther = await createGuardianOf([other.id]);
  const contact = (pupilId: string, guardian: { id: string }, staffId: string, occurredOn: Date, tone: "POSITIVE" | "NEUTRAL" | "CONCERN") =>
    db.contactMoment.create({
      data: {
        pupilId, staffId, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone, summary: "Gesprek", occurredOn, idempotencyKey: randomUUID(),
        guardians: { create: [{ guardianId: guardian.id }] },
      },
    });
  await contact(fam[0].id, g.guardian, mentorStaffId, dayBefore(10), "POSITIVE"); // within 6 weeks
  await contact(fam[1].id, g1b.guardian, mentorStaffId, dayBefore(60), "CONCERN"); // this year, not within 6 weeks; the second household
  await contact(fam[2].id, siblings.guardian, mentorStaffId, new Date(Date.UTC(2026, 5, 1)), "POSITIVE"); // last school year only
  await contact(left.id, gLeft.guardian, mentorStaffId, dayBefore(3), "POSITIVE"); // left: not counted
  await contact(old.id, gOld.guardian, mentorStaffId, dayBefore(3), "POSITIVE"); // not in this year's classes
  await contact(other.id, gOther.guardian, mB.staff.id, dayBefore(3), "POSITIVE"); // another school
  guardianId = g.guardian.id;
  leaderA = await actorOf((await createLeader(schoolA.id)).user.id);
  leaderB = await actorOf((await createLeader(schoolB.id)).user.id);
  mentor = await actorOf(m.user.id);
  parent = await actorOf(g.user.id);
}, 60_000);

describe("reach evidence", () => {
  it("counts families (households and siblings once, as the reach dashboard), contact within the threshold, never reached and positive contacts on known data; conferences not in use", async () => {
    const e = await schoolReachEvidence(leaderA, NOW);
    expect(e).toEqual({
      schoolYear: "2026-2027", thresholdWeeks: 6, families: 3,
      contactWithinThreshold: { count: 1, share: 1 / 3 },
      neverReached: 1,
      positiveShare: { positive: 1, total: 2, share: 0.5 },
      conferenceAttendance: null,
    });
  });

  it("follows the school's threshold and counts conference attendance once a round exists", async () => {
    await db.school.update({ where: { id: schoolA.id }, data: { contactThresholdWeeks: 10 } });
    const round = await db.conferenceRound.create({
      data: { schoolId: schoolA.id, title: "Tienminutengesprekken", slotMinutes: 10, bookingOpensAt: new Date(NOW.getTime() - 30 * DAY), bookingClosesAt: new Date(NOW.getTime() - 20 * DAY), idempotencyKey: randomUUID() },
    });
    const booking = (pupilId: string, minutes: number, attendance: "CAME" | "NO_SHOW" | null, cancelled = false) => db.conferenceBooking.create({
      data: {
        roundId: round.id, pupilId, staffId: mentorStaffId, bookedByGuardianId: guardianId, householdKey: "",
        startsAt: new Date(NOW.getTime() - 18 * DAY + minutes * 60_000), endsAt: new Date(NOW.getTime() - 18 * DAY + (minutes + 10) * 60_000),
        attendance, cancelledAt: cancelled ? new Date(NOW.getTime() - 19 * DAY) : null, idempotencyKey: randomUUID(),
      },
    });
    await booking(fam[0].id, 0, "CAME");
    await booking(fam[1].id, 10, "NO_SHOW");
    await booking(fam[2].id, 20, null, true);
    await booking(fam[3].id, 30, null);
    const e = await schoolReachEvidence(leaderA, NOW);
    expect(e.thresholdWeeks).toBe(10);
    expect(e.contactWithinThreshold).toEqual({ count: 2, share: 2 / 3 });
    expect(e.conferenceAttendance).toEqual({ came: 1, marked: 2, share: 0.5 });
    // School B sees only its own school: one family, its one positive contact.
    const b = await schoolReachEvidence(leaderB, NOW);
    expect(b).toMatchObject({ families: 1, neverReached: 0, positiveShare: { positive: 1, total: 1 }, conferenceAttendance: null });
  });
});

describe("saving per school year", () => {
  it("saves last year and this year, shows history with the change per domain, and saving twice is one assessment", async () => {
    await saveSelfAssessment(leaderA, input({ bestaansrecht: { level: "1", note: "Begin.", sentence: "" }, inrichting: { level: "3", note: "", sentence: "" } }), LAST_YEAR_NOW);
    await saveSelfAssessment(leaderA, input(), NOW);
    await saveSelfAssessment(leaderA, input(), NOW);
    expect(await db.selfAssessment.count({ where: { schoolId: schoolA.id } })).toBe(2);
    expect(await db.selfAssessmentScore.count({ where: { assessment: { schoolId: schoolA.id } } })).toBe(8);
    const page = await getSelfAssessmentPage(leaderA, NOW);
    expect(page.current.schoolYear).toBe("2026-2027");
    const current = Object.fromEntries(page.current.scores.map((s) => [s.domain, [s.level, s.change]]));
    expect(current).toEqual({ bestaansrecht: [2, 1], leefbaarheid: [3, 0], inrichting: [3, 0], management: [null, null] });
    expect(page.history.map((h) => h.schoolYear)).toEqual(["2025-2026"]);
    expect(page.history[0].scores.find((s) => s.domain === "bestaansrecht")).toMatchObject({ level: 1, note: "Begin.", change: null });
    expect(page.unpublishedChanges).toBe(true);
    const audit = await db.auditLog.findFirst({ where: { actorUserId: leaderA.userId, action: "selfAssessment:save" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ outcome: "ALLOWED", category: "school", route: "/leader/self-assessment", pupilId: null });
    // Levels only, never the notes.
    expect(JSON.stringify(audit?.details)).not.toContain("Enquête");
  });

  it("an empty year before any save shows four unscored domains", async () => {
    const page = await getSelfAssessmentPage(leaderB, NOW);
    expect(page.current.scores.map((s) => s.level)).toEqual([null, null, null, null]);
    expect(page.history).toEqual([]);
  });

  it("writes nothing for a school year that is not in Schoolkompas (a translated form error)", async () => {
    await expect(saveSelfAssessment(leaderA, input(), new Date("2099-12-01T10:00:00Z"))).rejects.toEqual(
      new AdminValidationError({ _form: "selfAssessment.errors.noSchoolYear" }),
    );
  });
});

describe("bad input", () => {
  const parse = (overrides: Partial<Scores>) => {
    const result = SelfAssessmentInput.safeParse({ ...Object.fromEntries(["bestaansrecht", "leefbaarheid", "inrichting", "management"].map((d) => [d, { level: "", note: "", sentence: "" }])), ...overrides });
    return result.success ? null : result.error.issues.map((i) => [i.path.join("."), i.message]);
  };
  it("refuses levels outside 1–5, over-long notes and sentences, control characters, and missing fields, with catalogue keys", () => {
    expect(parse({ inrichting: { level: "7", note: "", sentence: "" } })).toEqual([["inrichting.level", "selfAssessment.errors.level"]]);
    expect(parse({ inrichting: { level: "2.5", note: "", sentence: "" } })).toEqual([["inrichting.level", "selfAssessment.errors.level"]]);
    expect(parse({ inrichting: { level: "1 OR 1=1", note: "", sentence: "" } })).toEqual([["inrichting.level", "selfAssessment.errors.level"]]);
    expect(parse({ management: { level: "1", note: "x".repeat(2001), sentence: "" } })).toEqual([["management.note", "selfAssessment.errors.noteTooLong"]]);
    expect(parse({ management: { level: "1", note: "", sentence: "x".repeat(201) } })).toEqual([["management.sentence", "selfAssessment.errors.sentenceTooLong"]]);
    expect(parse({ management: { level: "1", note: "a\u0000b", sentence: "" } })).toEqual([["management.note", "selfAssessment.errors.invalid"]]);
    expect(parse({ management: { level: "1", note: "", sentence: "a\u0007b" } })).toEqual([["management.sentence", "selfAssessment.errors.invalid"]]);
    expect(parse({ management: { level: 3 as unknown as string, note: "", sentence: "" } })).toEqual([["management.level", "selfAssessment.errors.level"]]);
    // Exactly at the limits, with Windows line ends made \n: accepted.
    expect(parse({ management: { level: " 5 ", note: `${"x".repeat(1998)}\r\nx`, sentence: "y".repeat(200) } })).toBeNull();
  });

  it("a form with a NUL byte in any field is not a form (the action answers errors.invalidInput before parsing)", () => {
    const form = new FormData();
    form.set("level-management", "1");
    form.set("note-management", "a\u0000");
    expect(submittedForm(form)).toBeNull();
  });

  it("the database refuses what the schema would (a fifth domain, level 6), so no path around the form writes it", async () => {
    const row = await db.selfAssessment.findFirstOrThrow({ where: { schoolId: schoolA.id }, select: { id: true } });
    await expect(db.selfAssessmentScore.create({ data: { assessmentId: row.id, domain: "marketing", level: 1 } })).rejects.toThrow();
    await expect(db.selfAssessmentScore.update({ where: { assessmentId_domain: { assessmentId: row.id, domain: "management" } }, data: { level: 6 } })).rejects.toThrow();
  });
});

describe("publishing", () => {
  it("refuses while a domain lacks a level or sentence, naming each field, and changes nothing", async () => {
    let caught: unknown;
    try {
      await publishSelfAssessment(leaderA, NOW);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AdminValidationError);
    expect((caught as AdminValidationError).fieldErrors).toEqual({
      "level-management": "selfAssessment.errors.levelNeeded", "sentence-management": "selfAssessment.errors.sentenceNeeded",
    });
    expect((await loadSchoolProfile(schoolA.id))?.selfAssessment).toBeNull();
  });

  it("publishes level and sentence per domain to the public profile; a later draft stays private until published again", async () => {
    await saveSelfAssessment(leaderA, input({ management: { level: "2", note: "Intern: evaluatie juni.", sentence: "Onze visie staat in de schoolgids." } }), NOW);
    await publishSelfAssessment(leaderA, NOW);
    await publishSelfAssessment(leaderA, NOW); // twice: the same publication
    const profile = await loadSchoolProfile(schoolA.id);
    expect(profile?.selfAssessment).toEqual({
      schoolYear: "2026-2027", publishedAt: NOW.toISOString(),
      domains: [
        { domain: "bestaansrecht", level: 2, sentence: "We vragen ouders wat ze nodig hebben." },
        { domain: "leefbaarheid", level: 3, sentence: "Mentoren hebben tijd voor ouders." },
        { domain: "inrichting", level: 3, sentence: "Mentoren gaan op huisbezoek." },
        { domain: "management", level: 2, sentence: "Onze visie staat in de schoolgids." },
      ],
    });
    // The team's notes never reach the public profile.
    expect(JSON.stringify(profile)).not.toContain("Intern");
    await saveSelfAssessment(leaderA, input({ management: { level: "4", note: "", sentence: "Nieuwe zin." } }), NOW);
    expect((await loadSchoolProfile(schoolA.id))?.selfAssessment?.domains[3]).toEqual({ domain: "management", level: 2, sentence: "Onze visie staat in de schoolgids." });
    expect((await getSelfAssessmentPage(leaderA, NOW)).unpublishedChanges).toBe(true);
    // Another school's profile shows nothing of school A's.
    expect((await loadSchoolProfile(schoolB.id))?.selfAssessment).toBeNull();
  });
});

describe("who may", () => {
  it("a mentor and a parent: the page answers 404 with an audit row; commands and queries are refused with a DENIED row", async () => {
    for (const actor of [mentor, parent]) {
      await expectNotFound(ensurePermission(actor, "selfAssessment:manage", { route: "/leader/self-assessment", category: "school" }));
      await expect(saveSelfAssessment(actor, input(), NOW)).rejects.toEqual(new AppError("forbidden"));
      await expect(publishSelfAssessment(actor, NOW)).rejects.toEqual(new AppError("forbidden"));
      await expect(getSelfAssessmentPage(actor, NOW)).rejects.toEqual(new AppError("forbidden"));
      await expect(schoolReachEvidence(actor, NOW)).rejects.toEqual(new AppError("forbidden"));
      const rows = await db.auditLog.findMany({ where: { actorUserId: actor.userId, outcome: "DENIED" }, select: { action: true, route: true, details: true } });
      expect(rows).toEqual(expect.arrayContaining([
        { action: "route:view", route: "/leader/self-assessment", details: null },
        { action: "selfAssessment:save", route: "/leader/self-assessment", details: { reason: "role" } },
        { action: "selfAssessment:publish", route: "/leader/self-assessment", details: { reason: "role" } },
      ]));
    }
  });

  it("a leader of another school reaches only their own school: saving writes school B's row, school A's is untouched", async () => {
    const before = await db.selfAssessmentScore.findMany({ where: { assessment: { schoolId: schoolA.id } }, orderBy: [{ assessmentId: "asc" }, { domain: "asc" }] });
    await saveSelfAssessment(leaderB, input({ management: { level: "5", note: "B", sentence: "B" } }), NOW);
    expect(await db.selfAssessmentScore.findMany({ where: { assessment: { schoolId: schoolA.id } }, orderBy: [{ assessmentId: "asc" }, { domain: "asc" }] })).toEqual(before);
    const pageB = await getSelfAssessmentPage(leaderB, NOW);
    expect(pageB.current.scores.find((s) => s.domain === "management")?.level).toBe(5);
    expect(pageB.history).toEqual([]);
    expect(pageB.current.publishedAt).toBeNull();
  });
});
