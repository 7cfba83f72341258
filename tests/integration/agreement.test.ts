import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AcknowledgeInput, AgreementQuestionInput, DraftInput, PublishInput } from "@/lib/domain/agreement/schemas";
import { acknowledgeAgreement, askAboutAgreement, discardDraft, publishDraft, saveDraft, stableUuid } from "@/lib/domain/agreement/commands";
import { acknowledgementsPerClass, guardianAgreements, leaderAgreementPage, mentorAgreementGaps, pendingAgreements } from "@/lib/domain/agreement/queries";
import { loadSchoolProfile } from "@/lib/domain/schools/queries";
import { actorOf, createClass, createFamilies, createGuardianOf, createPupil, createSchool, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";
import { ensurePermission } from "@/lib/auth/guard";

// The school–parent agreement (issue 19 part 2): versions and drafts, who is
// asked, idempotent answers, the question path, counts per class, isolation.

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
let leader: { id: string };
const NOW = new Date("2026-12-07T10:00:00Z");

async function leaderOf(schoolId: string) {
  const user = await createUser("LEADER", { schoolId });
  await db.staff.create({ data: { userId: user.id, schoolId } });
  return user;
}
const draft = (nl: string, extra: Record<string, string> = {}, kind = "AGREEMENT") => DraftInput.parse({ kind, texts: { nl, ...extra } });
const issues = (value: unknown) => DraftInput.safeParse(value).error?.issues.map((i) => [i.path.join("."), i.message]);
const denied = (userId: string, action: string) => db.auditLog.findMany({ where: { actorUserId: userId, action, outcome: "DENIED" }, select: { targetId: true, route: true } });

/** Saves and publishes an agreement at the leader's school; returns the version id. */
async function publish(userId: string, nl: string, kind: "AGREEMENT" | "POLICY" = "AGREEMENT", extra: Record<string, string> = {}) {
  const actor = await actorOf(userId);
  const { versionId } = await saveDraft(actor, draft(nl, extra, kind), { now: NOW });
  await publishDraft(actor, PublishInput.parse({ kind, versionId }), { now: NOW });
  return versionId;
}

beforeAll(async () => {
  w = await createFamilies();
  leader = await leaderOf(w.school.id);
});

describe("writing and publishing", () => {
  it("keeps one draft per kind (saving twice edits it), numbers versions on publication, and publishing twice is once", async () => {
    const actor = await actorOf(leader.id);
    const first = await saveDraft(actor, draft("Versie een"), { now: NOW });
    const again = await saveDraft(actor, draft("Versie een, beter", { en: "Version one" }), { now: NOW });
    expect(again.versionId).toBe(first.versionId);
    const texts = await db.schoolTextTranslation.findMany({ where: { versionId: first.versionId }, orderBy: { locale: "asc" }, select: { locale: true, body: true } });
    expect(texts).toEqual([{ locale: "nl", body: "Versie een, beter" }, { locale: "en", body: "Version one" }]);
    // Two saves at once still give one draft.
    await Promise.all([saveDraft(actor, draft("a"), { now: NOW }), saveDraft(actor, draft("b"), { now: NOW })]);
    expect(await db.schoolTextVersion.count({ where: { schoolId: w.school.id, kind: "AGREEMENT", publishedAt: null } })).toBe(1);
    await saveDraft(actor, draft("Versie een, beter", { en: "Version one" }), { now: NOW });

    const input = PublishInput.parse({ kind: "AGREEMENT", versionId: first.versionId });
    const [a, b] = await Promise.all([publishDraft(actor, input, { now: NOW }), publishDraft(actor, input, { now: NOW })]);
    expect([a.number, b.number]).toEqual([1, 1]);
    expect([a.published, b.published].sort()).toEqual([false, true]);
    expect(await db.auditLog.count({ where: { actorUserId: leader.id, action: "agreement:publish", outcome: "ALLOWED" } })).toBe(1);
    // The next save starts a new draft; it becomes version 2.
    const second = await saveDraft(actor, draft("Versie twee"), { now: NOW });
    expect(second.versionId).not.toBe(first.versionId);
    expect((await publishDraft(actor, PublishInput.parse({ kind: "AGREEMENT", versionId: second.versionId }), { now: NOW })).number).toBe(2);
    const page = await leaderAgreementPage(actor, NOW);
    expect(page.kinds[0].published.map((v) => v.number)).toEqual([2, 1]);
    expect(page.kinds[0].draft).toBeNull();
    expect(page.current?.number).toBe(2);
  });

  it("refuses bad input with a translated key: empty, too long, NUL and control characters, unknown language, bad ids", () => {
    expect(issues({ kind: "AGREEMENT", texts: { nl: "   " } })).toEqual([["texts.nl", "agreement.errors.dutchRequired"]]);
    expect(issues({ kind: "AGREEMENT", texts: { en: "only English" } })?.[0][1]).toBe("agreement.errors.invalid");
    expect(issues({ kind: "AGREEMENT", texts: { nl: "x".repeat(20_001) } })).toEqual([["texts.nl", "agreement.errors.tooLong"]]);
    expect(issues({ kind: "AGREEMENT", texts: { nl: "x".repeat(20_000) } })).toBeUndefined();
    expect(issues({ kind: "AGREEMENT", texts: { nl: "a\u0000b" } })).toEqual([["texts.nl", "agreement.errors.invalid"]]);
    expect(issues({ kind: "AGREEMENT", texts: { nl: "ok", ar: "\u001b[31m" } })).toEqual([["texts.ar", "agreement.errors.invalid"]]);
    expect(issues({ kind: "AGREEMENT", texts: { nl: "ok", fr: "Bonjour" } })).toEqual([["texts", "agreement.errors.unknownLocale"]]);
    expect(issues({ kind: "LETTER", texts: { nl: "ok" } })).toEqual([["kind", "agreement.errors.invalid"]]);
    expect(issues({ kind: "AGREEMENT", texts: "nl" })?.[0][1]).toBe("agreement.errors.unknownLocale");
    expect(PublishInput.safeParse({ kind: "AGREEMENT", versionId: "x'; DROP TABLE" }).success).toBe(false);
    expect(PublishInput.safeParse({ kind: "AGREEMENT", versionId: "a".repeat(65) }).success).toBe(false);
    expect(AcknowledgeInput.safeParse({ versionId: "" }).success).toBe(false);
    expect(AgreementQuestionInput.safeParse({ versionId: "v1", note: "x".repeat(1501) }).error?.issues[0].message).toBe("agreement.errors.noteTooLong");
    // Line breaks and tabs are text, not control characters.
    expect(issues({ kind: "AGREEMENT", texts: { nl: "# Kop\n\n- een\r\n- twee\tdrie" } })).toBeUndefined();
  });

  it("stores markup as typed: it is text, never HTML", async () => {
    const other = await createSchool();
    const l = await leaderOf(other.school.id);
    const evil = `<script>alert(1)</script> **<img src=x onerror=alert(1)>** [x](javascript:alert(1))`;
    const id = await publish(l.id, evil, "POLICY");
    expect((await db.schoolTextTranslation.findFirstOrThrow({ where: { versionId: id } })).body).toBe(evil);
    expect((await loadSchoolProfile(other.school.id))?.parentPolicy?.nl).toBe(evil);
  });

  it("discards a draft with its texts, twice is once, a published version cannot be discarded; another school's draft is 404", async () => {
    const school = await createSchool();
    const own = await actorOf((await leaderOf(school.school.id)).id);
    const first = await publish(own.userId, "Versie 1", "POLICY");
    const { versionId } = await saveDraft(own, draft("Een concept dat weg moet", { en: "A draft to discard" }, "POLICY"), { now: NOW });
    expect(await db.schoolTextTranslation.count({ where: { versionId } })).toBe(2);
    expect(await discardDraft(own, PublishInput.parse({ kind: "POLICY", versionId }))).toEqual({ discarded: true });
    expect(await db.schoolTextVersion.findUnique({ where: { id: versionId } })).toBeNull();
    expect(await db.schoolTextTranslation.count({ where: { versionId } })).toBe(0);
    // Pressed again (a double click, or the page of before): the same answer, nothing else happens.
    expect(await discardDraft(own, PublishInput.parse({ kind: "POLICY", versionId }))).toEqual({ discarded: false });
    const page = await leaderAgreementPage(own, NOW);
    const policy = page.kinds.find((k) => k.kind === "POLICY")!;
    expect([policy.draft, policy.published.map((v) => v.id)]).toEqual([null, [first]]);
    // A published version is not a draft.
    await expect(discardDraft(own, PublishInput.parse({ kind: "POLICY", versionId: first }))).rejects.toMatchObject({ code: "conflict" });
    expect((await db.schoolTextVersion.findUniqueOrThrow({ where: { id: first } })).number).toBe(1);
    expect(await db.auditLog.count({ where: { action: "agreement:discard", outcome: "ALLOWED", targetId: versionId } })).toBe(1);
    // Another school's leader, and a made-up id: 404 with an audit row naming the id; the draft stays.
    const { versionId: kept } = await saveDraft(own, draft("Blijft staan", {}, "POLICY"), { now: NOW });
    for (const id of [kept, "c".repeat(25)]) {
      await expectNotFound(discardDraft(await actorOf(leader.id), PublishInput.parse({ kind: "POLICY", versionId: id })));
    }
    expect((await denied(leader.id, "agreement:discard")).map((r) => r.targetId)).toEqual([kept, "c".repeat(25)]);
    expect(await db.schoolTextVersion.findUnique({ where: { id: kept } })).not.toBeNull();
    // A mentor or a parent may not.
    const mentor = await actorOf(w.mentorA.user.id);
    await expect(discardDraft(mentor, PublishInput.parse({ kind: "POLICY", versionId: kept }))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("another school's draft, a mentor and a parent: 404 / forbidden and an audit row, nothing published", async () => {
    const other = await createSchool();
    const otherLeader = await leaderOf(other.school.id);
    const { versionId } = await saveDraft(await actorOf(otherLeader.id), draft("Andere school"), { now: NOW });
    await expectNotFound(publishDraft(await actorOf(leader.id), PublishInput.parse({ kind: "AGREEMENT", versionId }), { now: NOW }));
    expect(await denied(leader.id, "agreement:publish")).toEqual([{ targetId: versionId, route: "/leader/agreement" }]);
    expect((await db.schoolTextVersion.findUniqueOrThrow({ where: { id: versionId } })).number).toBeNull();
    // The right id with the wrong kind is not found either.
    await expectNotFound(publishDraft(await actorOf(otherLeader.id), PublishInput.parse({ kind: "POLICY", versionId }), { now: NOW }));
    for (const userId of [w.mentorA.user.id, w.parentA.user.id]) {
      const actor = await actorOf(userId);
      await expect(saveDraft(actor, draft("x"), { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
      await expect(publishDraft(actor, PublishInput.parse({ kind: "AGREEMENT", versionId }), { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
      expect((await denied(userId, "agreement:save")).length).toBe(1);
      expect((await denied(userId, "agreement:publish")).length).toBe(1);
    }
  });
});

describe("the pages", () => {
  it("/leader/agreement: a mentor and a parent get 404 and a DENIED row; /parent/agreement: staff get 404", async () => {
    for (const userId of [w.mentorA.user.id, w.parentA.user.id]) {
      await expectNotFound(ensurePermission(await actorOf(userId), "agreement:edit", { route: "/leader/agreement", category: "school" }));
      expect(await db.auditLog.count({ where: { actorUserId: userId, action: "route:view", outcome: "DENIED", route: "/leader/agreement" } })).toBe(1);
    }
    for (const userId of [w.mentorA.user.id, leader.id]) {
      await expectNotFound(ensurePermission(await actorOf(userId), "agreement:acknowledge", { route: "/parent/agreement", category: "school" }));
      expect(await db.auditLog.count({ where: { actorUserId: userId, action: "route:view", outcome: "DENIED", route: "/parent/agreement" } })).toBe(1);
    }
    expect(await ensurePermission(await actorOf(leader.id), "agreement:edit", { route: "/leader/agreement", category: "school" })).toBeTruthy();
  });
});

describe("guardians answering", () => {
  it("asks every guardian who may see a child; an answer is idempotent; a new version asks everyone again", async () => {
    const { school, schoolYear } = await createSchool();
    const l = await leaderOf(school.id);
    const cls = await createClass(school.id, schoolYear.id, "1A");
    const pupil = await createPupil(school.id, cls.id);
    const mother = await createGuardianOf([pupil.id]);
    const restricted = await createGuardianOf([pupil.id], { accessRestricted: true });
    const v1 = await publish(l.id, "# Afspraken\nEen", "AGREEMENT", { ar: "اتفاق" });
    const parent = await actorOf(mother.user.id);
    expect(await pendingAgreements(parent, NOW)).toEqual([{ versionId: v1, schoolName: school.name }]);
    // A restricted guardian is asked nothing and cannot answer (404 + audit).
    const blocked = await actorOf(restricted.user.id);
    expect(await pendingAgreements(blocked, NOW)).toEqual([]);
    expect(await guardianAgreements(blocked, "nl", NOW)).toEqual([]);
    await expectNotFound(acknowledgeAgreement(blocked, { versionId: v1 }, { now: NOW }));
    expect(await denied(restricted.user.id, "agreement:acknowledge")).toEqual([{ targetId: v1, route: "/parent/agreement" }]);

    const twice = await Promise.all([acknowledgeAgreement(parent, { versionId: v1 }, { now: NOW }), acknowledgeAgreement(parent, { versionId: v1 }, { now: NOW })]);
    expect(twice.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await db.agreementAcknowledgement.count({ where: { versionId: v1 } })).toBe(1);
    expect(await pendingAgreements(parent, NOW)).toEqual([]);
    const [read] = await guardianAgreements(parent, "nl", NOW);
    expect(read).toMatchObject({ versionId: v1, response: "AGREED", textLocale: "nl", text: "# Afspraken\nEen" });
    // In Arabic the school's Arabic text; in Polish (not written) the Dutch one.
    expect((await guardianAgreements(parent, "ar", NOW))[0]).toMatchObject({ textLocale: "ar", text: "اتفاق" });
    expect((await guardianAgreements(parent, "pl", NOW))[0]).toMatchObject({ textLocale: "nl" });

    const v2 = await publish(l.id, "Nieuwe afspraken");
    expect(await pendingAgreements(parent, NOW)).toEqual([{ versionId: v2, schoolName: school.name }]);
    // The old version can no longer be answered: the guardian should read the new one.
    await expect(acknowledgeAgreement(await actorOf(mother.user.id), { versionId: v1 }, { now: NOW })).rejects.toMatchObject({ code: "conflict" });
    expect((await guardianAgreements(parent, "nl", NOW))[0]).toMatchObject({ versionId: v2, response: null });
  });

  it("a guardian with children at two schools answers each school's agreement; another school's version id is 404", async () => {
    const one = await createSchool();
    const two = await createSchool();
    const c1 = await createClass(one.school.id, one.schoolYear.id);
    const c2 = await createClass(two.school.id, two.schoolYear.id);
    const p1 = await createPupil(one.school.id, c1.id);
    const p2 = await createPupil(two.school.id, c2.id);
    const both = await createGuardianOf([p1.id, p2.id]);
    const stranger = await createGuardianOf([w.pupilB.id]);
    const v1 = await publish((await leaderOf(one.school.id)).id, "Eén");
    const v2 = await publish((await leaderOf(two.school.id)).id, "Twee");
    const parent = await actorOf(both.user.id);
    expect((await pendingAgreements(parent, NOW)).map((p) => p.versionId).sort()).toEqual([v1, v2].sort());
    await acknowledgeAgreement(parent, { versionId: v1 }, { now: NOW });
    expect((await pendingAgreements(parent, NOW)).map((p) => p.versionId)).toEqual([v2]);

    const other = await actorOf(stranger.user.id);
    await expectNotFound(acknowledgeAgreement(other, { versionId: v1 }, { now: NOW }));
    await expectNotFound(askAboutAgreement(other, { versionId: v2, note: null }, { now: NOW }));
    await expectNotFound(acknowledgeAgreement(other, { versionId: "does-not-exist" }, { now: NOW }));
    expect((await denied(stranger.user.id, "agreement:acknowledge")).map((r) => r.targetId)).toEqual([v1, "does-not-exist"]);
    expect(await denied(stranger.user.id, "agreement:question")).toEqual([{ targetId: v2, route: "/parent/agreement" }]);
    expect(await db.agreementAcknowledgement.count({ where: { guardianId: stranger.guardian.id } })).toBe(0);
    // Staff cannot answer for a parent.
    await expect(acknowledgeAgreement(await actorOf(w.mentorA.user.id), { versionId: v1 }, { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("\"I have a question\" becomes exactly one question to the mentor naming the version, even when sent twice", async () => {
    const { school, schoolYear } = await createSchool();
    const l = await leaderOf(school.id);
    const cls = await createClass(school.id, schoolYear.id);
    const pupil = await createPupil(school.id, cls.id);
    const mother = await createGuardianOf([pupil.id]);
    const v = await publish(l.id, "Afspraken");
    const parent = await actorOf(mother.user.id);
    const input = AgreementQuestionInput.parse({ versionId: v, note: "Wat bedoelen jullie met <b>dezelfde dag</b>?" });
    const [a, b] = await Promise.all([askAboutAgreement(parent, input, { now: NOW }), askAboutAgreement(parent, input, { now: NOW })]);
    expect(a.questionId).toBeTruthy();
    expect(b.questionId).toBe(a.questionId);
    expect(await askAboutAgreement(parent, input, { now: NOW })).toEqual(a);
    const questions = await db.mentorQuestion.findMany({ where: { guardianId: mother.guardian.id } });
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ pupilId: pupil.id, kind: "QUESTION", idempotencyKey: stableUuid(`agreement:${v}:${mother.guardian.id}`) });
    expect(questions[0].body).toContain("versie 1");
    expect(questions[0].body).toContain("<b>dezelfde dag</b>");
    const ack = await db.agreementAcknowledgement.findMany({ where: { guardianId: mother.guardian.id } });
    expect(ack).toMatchObject([{ versionId: v, response: "QUESTION", mentorQuestionId: a.questionId }]);
    // After the question, "read and agreed" changes nothing: one answer per version.
    expect(await acknowledgeAgreement(parent, { versionId: v }, { now: NOW })).toEqual({ created: false });

    // A guardian who may see the child but not talk with the mentor (information only) cannot ask.
    const informed = await createGuardianOf([pupil.id], { hasParentalAuthority: false, informationGrantedAt: NOW, informationCategories: ["RESULTS"] });
    const informedActor = await actorOf(informed.user.id);
    expect((await guardianAgreements(informedActor, "nl", NOW))[0]).toMatchObject({ mayAsk: false });
    await expect(askAboutAgreement(informedActor, { versionId: v, note: null }, { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("counts per class and the mentor's list", () => {
  it("counts each guardian once per class (two households, children in two classes) from one aggregate", async () => {
    const { school, schoolYear } = await createSchool();
    const l = await leaderOf(school.id);
    const a = await createClass(school.id, schoolYear.id, "1A");
    const b = await createClass(school.id, schoolYear.id, "1B");
    const pa1 = await createPupil(school.id, a.id);
    const pa2 = await createPupil(school.id, a.id);
    const pb1 = await createPupil(school.id, b.id);
    const twoClasses = await createGuardianOf([pa1.id, pb1.id]); // counted in 1A and in 1B
    const otherHousehold = await createGuardianOf([pa1.id]); // the other parent of pa1
    const siblings = await createGuardianOf([pa2.id]);
    await createGuardianOf([pa2.id], { accessRestricted: true }); // not counted
    const v = await publish(l.id, "Afspraken");
    await acknowledgeAgreement(await actorOf(twoClasses.user.id), { versionId: v }, { now: NOW });
    await askAboutAgreement(await actorOf(otherHousehold.user.id), { versionId: v, note: null }, { now: NOW });
    const rows = await acknowledgementsPerClass(await actorOf(l.id), v, NOW);
    // Only the school's leader: another school's leader gets their own classes (none here), a mentor is refused.
    expect(await acknowledgementsPerClass(await actorOf(leader.id), v, NOW)).not.toEqual(expect.arrayContaining([expect.objectContaining({ classId: a.id })]));
    expect(rows.map(({ className, families, agreed, questions, notYet }) => ({ className, families, agreed, questions, notYet }))).toEqual([
      { className: "1A", families: 3, agreed: 1, questions: 1, notYet: 1 },
      { className: "1B", families: 1, agreed: 1, questions: 0, notYet: 0 },
    ]);
    // The mentor of 1A sees who has not answered: only `siblings`.
    const mentor = await createUser("MENTOR", { schoolId: school.id });
    const staff = await db.staff.create({ data: { userId: mentor.id, schoolId: school.id } });
    await db.mentorship.create({ data: { staffId: staff.id, classGroupId: a.id } });
    const gaps = await mentorAgreementGaps(await actorOf(mentor.id), NOW);
    expect(gaps.number).toBe(1);
    expect(gaps.rows.map((r) => [r.pupilId, r.guardianName])).toEqual([[pa2.id, siblings.user.name]]);
    expect(await db.auditLog.count({ where: { actorUserId: mentor.id, action: "pupil:list", pupilId: pa2.id, route: "/mentor" } })).toBe(1);
    // Another school's mentor sees nothing of it.
    expect((await mentorAgreementGaps(await actorOf(w.mentorA.user.id), NOW)).rows.map((r) => r.pupilId)).not.toContain(pa2.id);
  });
});

describe("the public profile", () => {
  it("shows the newest published policy version, not a draft", async () => {
    const { school } = await createSchool();
    const l = await leaderOf(school.id);
    await publish(l.id, "Beleid 1", "POLICY", { en: "Policy 1" });
    await saveDraft(await actorOf(l.id), draft("Concept", {}, "POLICY"), { now: NOW });
    expect((await loadSchoolProfile(school.id))?.parentPolicy).toEqual({ nl: "Beleid 1", en: "Policy 1" });
    await publish(l.id, "Beleid 2", "POLICY");
    expect((await loadSchoolProfile(school.id))?.parentPolicy).toEqual({ nl: "Beleid 2" });
  });
});
