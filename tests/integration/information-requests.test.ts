import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { InformationDecisionInput, InformationRequestInput } from "@/lib/domain/information/schemas";
import { InformationValidationError, decideInformationRequest, requestInformation } from "@/lib/domain/information/commands";
import { countPendingInformationRequests, informationRequestPage, listInformationRequests } from "@/lib/domain/information/queries";
import { getChildDetail, parentOverview } from "@/lib/domain/pupils/queries";
import { queueAbsenceAlerts } from "@/lib/notifications/alerts";
import { actorOf, createAbsence, createFamilies, createGuardianOf, createPupil, createResult } from "@/tests/factories";
import { createLeader } from "@/tests/factories/absence";
import { expectNotFound } from "@/tests/support/next-errors";

// Art. 1:377c BW end to end: a guardian without parental authority asks; the
// mentor (own classes) or school leader decides; the guardian is told in
// their language; a grant shows exactly what was granted and ends on its date.

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
let leader: string;
let step: { userId: string; guardianId: string };
const NOW = new Date("2026-12-07T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ask = (pupilId: string, overrides: Record<string, unknown> = {}) =>
  InformationRequestInput.parse({ pupilId, idempotencyKey: randomUUID(), categories: ["RESULTS", "ABSENCES"], message: "Ik woon met haar in huis.", ...overrides });
const decide = (input: Record<string, unknown>) => InformationDecisionInput.parse(input);
const fieldErrors = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InformationValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a validation error");
};

beforeAll(async () => {
  world = await createFamilies();
  leader = (await createLeader(world.school.id)).user.id;
  const s = await createGuardianOf([world.pupilA.id], { hasParentalAuthority: false });
  await db.user.update({ where: { id: s.user.id }, data: { locale: "ar" } });
  step = { userId: s.user.id, guardianId: s.guardian.id };
  await createResult(world.pupilA, world.periods[0].id, { grade: 7.2, heldOn: day("2026-11-20") });
  await createAbsence(world.pupilA.id, "UNAUTHORISED", day("2026-12-02"));
});

describe("asking", () => {
  it("a guardian without authority asks once; the same form twice gives the same request; a second while one is open is refused", async () => {
    const actor = await actorOf(step.userId);
    expect((await parentOverview(actor, NOW)).askable.map((c) => c.id)).toEqual([world.pupilA.id]);
    await expectNotFound(getChildDetail(actor, world.pupilA.id, NOW));
    const input = ask(world.pupilA.id);
    const first = await requestInformation(actor, input, NOW);
    expect(await requestInformation(actor, input, NOW)).toEqual({ id: first.id, created: false });
    expect(await fieldErrors(requestInformation(actor, ask(world.pupilA.id), NOW))).toEqual({ _form: "informationErrors.alreadyPending" });
    expect(await db.informationRequest.count({ where: { pupilId: world.pupilA.id } })).toBe(1);
    expect((await informationRequestPage(actor, world.pupilA.id, NOW)).pending).toBe(true);
    expect(await db.auditLog.count({ where: { actorUserId: step.userId, action: "information:requested" } })).toBe(1);
  });

  it("is only for a guardian who may ask: a parent with authority, a restricted one, another family or an adult's parent get 404", async () => {
    const adult = await createPupil(world.school.id, world.classA.id, { birthDate: day("2000-01-01") });
    const adultsParent = await createGuardianOf([adult.id], { hasParentalAuthority: false });
    const restricted = await createGuardianOf([world.pupilA.id], { hasParentalAuthority: false, accessRestricted: true });
    for (const [userId, pupilId] of [[world.parentA.user.id, world.pupilA.id], [restricted.user.id, world.pupilA.id], [step.userId, world.pupilB.id], [adultsParent.user.id, adult.id]]) {
      const actor = await actorOf(userId);
      await expectNotFound(requestInformation(actor, ask(pupilId), NOW));
      await expectNotFound(informationRequestPage(actor, pupilId, NOW));
    }
    expect(await db.informationRequest.count({ where: { pupilId: { in: [world.pupilB.id, adult.id] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorUserId: world.parentA.user.id, outcome: "DENIED", action: "information:requested" } })).toBe(1);
  });

  it("rejects bad input with a translated key per field", () => {
    const errors = (value: Record<string, unknown>) => InformationRequestInput.safeParse(value).error?.issues.map((i) => [i.path[0], i.message]);
    const base = { pupilId: "p", idempotencyKey: randomUUID(), categories: ["RESULTS"] };
    expect(errors({ ...base, categories: [] })).toEqual([["categories", "informationErrors.categories"]]);
    expect(errors({ ...base, categories: ["GRADES"] })).toEqual([["categories", "informationErrors.categories"]]);
    expect(errors({ ...base, message: "x".repeat(501) })).toEqual([["message", "informationErrors.messageTooLong"]]);
    expect(errors({ ...base, idempotencyKey: "again" })).toEqual([["idempotencyKey", "informationErrors.invalid"]]);
    expect(InformationRequestInput.parse({ ...base, categories: ["ABSENCES", "RESULTS", "ABSENCES"], message: "  " })).toMatchObject({ categories: ["RESULTS", "ABSENCES"], message: null });
  });
});

describe("deciding", () => {
  it("reaches the pupil's mentor and the leader, not another class's mentor", async () => {
    const [mine, other, boss] = await Promise.all([actorOf(world.mentorA.user.id), actorOf(world.mentorB.user.id), actorOf(leader)]);
    expect((await listInformationRequests(mine, NOW)).pending.map((r) => r.pupil.id)).toEqual([world.pupilA.id]);
    expect((await listInformationRequests(other, NOW)).pending).toEqual([]);
    expect(await countPendingInformationRequests(boss)).toBe(1);
    const request = (await listInformationRequests(boss, NOW)).pending[0];
    expect(request).toMatchObject({ categories: ["RESULTS", "ABSENCES"], message: "Ik woon met haar in huis.", guardian: { relationship: "MOTHER" } });
    await expectNotFound(decideInformationRequest(other, decide({ outcome: "grant", requestId: request.id, categories: ["RESULTS"], until: "2027-01-31" }), NOW));
    expect(await db.auditLog.count({ where: { actorUserId: world.mentorB.user.id, outcome: "DENIED", targetId: request.id } })).toBe(1);
  });

  it("grants exactly what was chosen, until a day: the child page shows that and nothing more, absence alerts do not come, the guardian is told in Arabic", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const [request] = (await listInformationRequests(mentor, NOW)).pending;
    expect(await fieldErrors(decideInformationRequest(mentor, decide({ outcome: "grant", requestId: request.id, categories: ["RESULTS"], until: "2026-12-01" }), NOW))).toEqual({ until: "informationErrors.untilInPast" });
    expect(await fieldErrors(decideInformationRequest(mentor, decide({ outcome: "grant", requestId: request.id, categories: ["RESULTS"], until: "2029-01-01" }), NOW))).toEqual({ until: "informationErrors.untilTooFar" });
    const grant = decide({ outcome: "grant", requestId: request.id, categories: ["RESULTS"], until: "2027-01-31" });
    await decideInformationRequest(mentor, grant, NOW);
    await decideInformationRequest(mentor, grant, NOW);
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "GRANTED", grantedCategories: ["RESULTS"], grantedUntil: day("2027-01-31"), decidedById: world.mentorA.user.id });

    const child = await getChildDetail(await actorOf(step.userId), world.pupilA.id, NOW);
    expect(child.rights).toMatchObject({ basis: "information", grant: { categories: ["RESULTS"], until: day("2027-01-31") } });
    expect({ subjects: child.subjects.length, absences: child.absences.length, mentors: child.mentors.length, contacts: child.contacts.length, sick: child.sickReportPanel })
      .toEqual({ subjects: 1, absences: 0, mentors: 0, contacts: 0, sick: null });
    const queued = await db.$transaction((tx) => queueAbsenceAlerts(tx, { pupilId: world.pupilA.id, date: day("2026-12-07"), now: NOW }));
    expect(await db.notification.count({ where: { id: { in: queued }, guardianId: step.guardianId } })).toBe(0);

    const notice = await db.notification.findFirstOrThrow({ where: { guardianId: step.guardianId, kind: "INFORMATION_DECISION" } });
    expect(notice).toMatchObject({ status: "PENDING", locale: "ar", channel: "EMAIL" });
    expect(notice.body).toMatch(/الدرجات/);
    expect(notice.body).toContain("2027");
    // Refusing afterwards, by a colleague, is too late.
    expect(await fieldErrors(decideInformationRequest(await actorOf(leader), decide({ outcome: "refuse", requestId: request.id, reason: "Nee." }), NOW))).toEqual({ _form: "informationErrors.alreadyDecided" });
  });

  it("ends on its date, with no job: the day after, the guardian may ask again", async () => {
    const actor = await actorOf(step.userId);
    expect((await getChildDetail(actor, world.pupilA.id, new Date("2027-01-31T22:30:00Z"))).rights.see.results).toBe(true);
    await expectNotFound(getChildDetail(actor, world.pupilA.id, new Date("2027-01-31T23:00:00Z")));
    const later = await parentOverview(actor, new Date("2027-02-01T09:00:00Z"));
    expect(later.askable).toEqual([expect.objectContaining({ id: world.pupilA.id, grantEnded: true })]);
  });

  it("refuses with a reason, which the guardian reads; without a reason it is not accepted", async () => {
    const actor = await actorOf(step.userId);
    const later = new Date(NOW.getTime() + 3_600_000);
    const { id } = await requestInformation(actor, ask(world.pupilA.id, { categories: ["ABSENCES"] }), later);
    expect(InformationDecisionInput.safeParse({ outcome: "refuse", requestId: id, reason: "  " }).error?.issues.map((i) => i.message)).toEqual(["informationErrors.reasonRequired"]);
    expect(InformationDecisionInput.safeParse({ outcome: "maybe", requestId: id }).error?.issues.map((i) => i.message)).toEqual(["informationErrors.outcome"]);
    expect(InformationDecisionInput.safeParse({ outcome: "grant", requestId: id, categories: [], until: "2027-02-30" }).error?.issues.map((i) => i.message).sort())
      .toEqual(["informationErrors.grantCategories", "informationErrors.until"]);
    await decideInformationRequest(await actorOf(leader), decide({ outcome: "refuse", requestId: id, reason: "Vraag het via de moeder van Sanne." }), later);
    const page = await informationRequestPage(actor, world.pupilA.id, later);
    expect(page.requests[0]).toMatchObject({ status: "REFUSED", refusalReason: "Vraag het via de moeder van Sanne." });
    // The earlier grant (results) is untouched by the refusal.
    expect(page.grant).toEqual({ categories: ["RESULTS"], until: day("2027-01-31") });
    const notice = await db.notification.findFirstOrThrow({ where: { guardianId: step.guardianId, kind: "INFORMATION_DECISION" }, orderBy: { createdAt: "desc" } });
    expect(notice.body).toContain("Vraag het via de moeder van Sanne.");
    expect((await db.auditLog.findMany({ where: { action: { in: ["information:granted", "information:refused"] }, outcome: "ALLOWED" }, orderBy: { at: "asc" } })).map((a) => a.action))
      .toEqual(["information:granted", "information:refused"]);
  });

  it("cannot grant once the pupil has turned 18", async () => {
    const pupil = await createPupil(world.school.id, world.classA.id, { birthDate: day("2008-12-20") });
    const g = await createGuardianOf([pupil.id], { hasParentalAuthority: false });
    const { id } = await requestInformation(await actorOf(g.user.id), ask(pupil.id), NOW);
    const after18 = new Date("2026-12-21T09:00:00Z");
    expect(await fieldErrors(decideInformationRequest(await actorOf(world.mentorA.user.id), decide({ outcome: "grant", requestId: id, categories: ["RESULTS"], until: "2027-01-31" }), after18)))
      .toEqual({ _form: "informationErrors.notAskable" });
    expect((await db.informationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });
});
