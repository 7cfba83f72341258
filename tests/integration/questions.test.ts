import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { smsSegments } from "@/lib/notifications/templates";
import { AnswerInput, AskQuestionInput, InternalNoteInput } from "@/lib/domain/questions/schemas";
import { answerQuestion, askQuestion, markCalledBack, saveInternalNote } from "@/lib/domain/questions/commands";
import { childQuestions, mentorQuestion, openQuestionsForMentor, parentQuestion } from "@/lib/domain/questions/queries";
import { deliverNotification } from "@/lib/notifications/deliver";
import type { OutgoingMessage } from "@/lib/notifications/transports/types";
import { actorOf, createFamilies, createGuardianOf } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

// Ask the mentor (issue 16, item 3): who may ask, who may read, what the
// guardian is told, and that a call back becomes one contact moment.

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
const NOW = new Date("2026-12-07T10:00:00Z");
const ask = (pupilId: string, overrides: Record<string, unknown> = {}) =>
  AskQuestionInput.parse({ pupilId, idempotencyKey: randomUUID(), kind: "QUESTION", body: "Hoe gaat het met rekenen? <b>hi</b>", callTimes: [], ...overrides });
const issues = (value: Record<string, unknown>) => AskQuestionInput.safeParse(value).error?.issues.map((i) => [i.path[0], i.message]);
const denied = (userId: string, action: string) => db.auditLog.findMany({ where: { actorUserId: userId, action, outcome: "DENIED" }, select: { pupilId: true, route: true } });

beforeAll(async () => {
  w = await createFamilies();
});

describe("asking", () => {
  it("stores a question as typed (HTML stays text); the same form twice is one question", async () => {
    const parent = await actorOf(w.parentA.user.id);
    const input = ask(w.pupilA.id);
    const first = await askQuestion(parent, input, { now: NOW });
    expect(first.created).toBe(true);
    expect(await askQuestion(parent, input, { now: NOW })).toEqual({ id: first.id, created: false });
    expect(await db.mentorQuestion.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    const stored = await db.mentorQuestion.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ body: "Hoe gaat het met rekenen? <b>hi</b>", guardianId: w.parentA.guardian.id, kind: "QUESTION", closedAt: null });
    // Somebody else's key is not a resubmission.
    const other = await createGuardianOf([w.pupilA.id]);
    await expect(askQuestion(await actorOf(other.user.id), { ...input }, { now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses bad input with a translated key per field, before anything is written", () => {
    const base = { pupilId: "p", idempotencyKey: randomUUID(), kind: "QUESTION", body: "Vraag", callTimes: [] };
    expect(issues({ ...base, body: "x".repeat(10_000) })).toEqual([["body", "questionErrors.bodyTooLong"]]);
    expect(issues({ ...base, body: "x".repeat(2000) })).toBeUndefined();
    expect(issues({ ...base, body: "   " })).toEqual([["body", "questionErrors.bodyRequired"]]);
    expect(issues({ ...base, kind: "LETTER" })).toEqual([["kind", "questionErrors.kind"]]);
    expect(issues({ ...base, languageWanted: "xx" })).toEqual([["languageWanted", "questionErrors.language"]]);
    expect(issues({ ...base, kind: "CALL_BACK", body: "" })).toEqual([["callTimes", "questionErrors.callTimesRequired"]]);
    expect(issues({ ...base, kind: "CALL_BACK", callTimes: ["NIGHT"] })?.[0]).toEqual(["callTimes", "questionErrors.callTimes"]);
    expect(issues({ ...base, idempotencyKey: "again" })).toEqual([["idempotencyKey", "questionErrors.invalid"]]);
    // A question carries no call times, whatever was sent.
    expect(AskQuestionInput.parse({ ...base, callTimes: ["MORNING"], callTimesNote: "na 5 uur", languageWanted: "ar" })).toMatchObject({ callTimes: [], callTimesNote: null, languageWanted: "ar" });
    expect(AskQuestionInput.parse({ ...base, kind: "CALL_BACK", body: "", callTimes: ["EVENING", "MORNING", "MORNING"] })).toMatchObject({ callTimes: ["MORNING", "EVENING"], body: "" });
  });

  it("is only for a guardian with the right \"mentor\": no authority, restricted, another family's child → 404 + audit, nothing written", async () => {
    const noAuthority = await createGuardianOf([w.pupilA.id], { hasParentalAuthority: false });
    const restricted = await createGuardianOf([w.pupilA.id], { accessRestricted: true });
    for (const [userId, pupilId] of [[noAuthority.user.id, w.pupilA.id], [restricted.user.id, w.pupilA.id], [w.parentB.user.id, w.pupilA.id]]) {
      await expectNotFound(askQuestion(await actorOf(userId), ask(pupilId), { now: NOW }));
      expect(await denied(userId, "question:ask")).toEqual([{ pupilId, route: "/parent/children/[pupilId]" }]);
      expect(await db.mentorQuestion.count({ where: { guardian: { userId } } })).toBe(0);
    }
    // A mentor cannot ask: refused by role, named in the audit.
    await expect(askQuestion(await actorOf(w.mentorA.user.id), ask(w.pupilA.id), { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    expect((await denied(w.mentorA.user.id, "question:ask"))[0]).toMatchObject({ pupilId: w.pupilA.id });
  });
});

describe("reading", () => {
  it("only the asking guardian and the class's mentors read it; the other parent, another family and another class's mentor get 404 + audit", async () => {
    const parent = await actorOf(w.parentA.user.id);
    const { id } = await askQuestion(parent, ask(w.pupilA.id), { now: NOW });
    const mine = await parentQuestion(parent, id, NOW);
    expect(mine.body).toContain("<b>hi</b>");
    expect(mine).not.toHaveProperty("internalNote");
    expect((await childQuestions(parent, w.pupilA.id, NOW)).mentorQuestions.map((q) => q.id)).toContain(id);
    const allowed = await db.auditLog.findFirst({ where: { actorUserId: w.parentA.user.id, action: "question:view", targetId: id }, select: { pupilId: true, outcome: true } });
    expect(allowed).toEqual({ pupilId: w.pupilA.id, outcome: "ALLOWED" });

    const otherParent = await createGuardianOf([w.pupilA.id]);
    for (const userId of [otherParent.user.id, w.parentB.user.id]) {
      await expectNotFound(parentQuestion(await actorOf(userId), id, NOW));
      expect(await denied(userId, "question:view")).toEqual([{ pupilId: w.pupilA.id, route: "/parent/questions/[questionId]" }]);
    }
    // The other parent's list of the child holds only their own questions.
    expect((await childQuestions(await actorOf(otherParent.user.id), w.pupilA.id, NOW)).mentorQuestions).toEqual([]);

    const mentorB = await actorOf(w.mentorB.user.id);
    await expectNotFound(mentorQuestion(mentorB, id));
    await expectNotFound(answerQuestion(mentorB, AnswerInput.parse({ questionId: id, answer: "Goed!" }), { now: NOW }));
    await expectNotFound(saveInternalNote(mentorB, InternalNoteInput.parse({ questionId: id, internalNote: "x" })));
    expect((await denied(w.mentorB.user.id, "question:view")).map((r) => r.pupilId)).toEqual([w.pupilA.id]);
    expect((await denied(w.mentorB.user.id, "question:answer")).map((r) => r.pupilId)).toEqual([w.pupilA.id]);
    expect(await db.mentorQuestion.findUniqueOrThrow({ where: { id }, select: { answer: true, internalNote: true } })).toEqual({ answer: null, internalNote: null });

    const mentorA = await actorOf(w.mentorA.user.id);
    await saveInternalNote(mentorA, InternalNoteInput.parse({ questionId: id, internalNote: "Moeder klinkt bezorgd" }));
    expect((await mentorQuestion(mentorA, id)).internalNote).toBe("Moeder klinkt bezorgd");
    // The note never reaches the guardian.
    expect(JSON.stringify(await parentQuestion(parent, id, NOW))).not.toContain("bezorgd");
    expect(JSON.stringify(await childQuestions(parent, w.pupilA.id, NOW))).not.toContain("bezorgd");
  });

  it("lists the open questions of the mentor's own classes, oldest first", async () => {
    const parentA = await actorOf(w.parentA.user.id);
    const older = await askQuestion(parentA, ask(w.pupilA.id), { now: new Date("2026-12-01T09:00:00Z") });
    await askQuestion(await actorOf(w.parentB.user.id), ask(w.pupilB.id), { now: NOW });
    const open = await openQuestionsForMentor(await actorOf(w.mentorA.user.id));
    expect(open.rows[0].id).toBe(older.id);
    expect(open.rows.every((r) => r.pupil.id === w.pupilA.id)).toBe(true);
    expect(open.count).toBe(open.rows.length);
    expect(open.rows.map((r) => r.createdAt.getTime())).toEqual([...open.rows.map((r) => r.createdAt.getTime())].sort((a, b) => a - b));
  });
});

describe("answering", () => {
  it("queues one message in the guardian's language and channel that does not carry the answer; twice is once", async () => {
    const guardian = await createGuardianOf([w.pupilA.id]);
    await db.user.update({ where: { id: guardian.user.id }, data: { locale: "ar" } });
    await db.guardian.update({ where: { id: guardian.guardian.id }, data: { alertChannel: "SMS", phone: "+31612345678" } });
    const { id } = await askQuestion(await actorOf(guardian.user.id), ask(w.pupilA.id), { now: NOW });
    const mentor = await actorOf(w.mentorA.user.id);
    const noon = new Date("2026-12-07T11:00:00Z");
    expect(await answerQuestion(mentor, AnswerInput.parse({ questionId: id, answer: "Het gaat goed, geheim-antwoord." }), { now: noon })).toEqual({ answered: true });
    expect(await answerQuestion(mentor, AnswerInput.parse({ questionId: id, answer: "Tweede poging" }), { now: noon })).toEqual({ answered: false });
    expect(await db.mentorQuestion.findUniqueOrThrow({ where: { id }, select: { answer: true, closedAt: true } })).toEqual({ answer: "Het gaat goed, geheim-antwoord.", closedAt: noon });
    const messages = await db.notification.findMany({ where: { mentorQuestionId: id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: "QUESTION_ANSWERED", channel: "SMS", locale: "ar", address: "+31612345678", guardianId: guardian.guardian.id, status: "PENDING" });
    // One Arabic SMS holds 70 characters: no room for the address, so it says to look in the portal ("البوابة").
    expect(smsSegments(messages[0].body ?? "")).toBe(1);
    expect(messages[0].body).toContain("البوابة");
    expect(messages[0].body).not.toContain("geheim-antwoord");
    expect(messages[0].body).toMatch(/[\u0600-\u06FF]/);
    expect((await parentQuestion(await actorOf(guardian.user.id), id, NOW)).answer).toBe("Het gaat goed, geheim-antwoord.");

    const sent: OutgoingMessage[] = [];
    const transport = { send: async (m: OutgoingMessage) => (sent.push(m), { providerRef: "test" }) };
    expect(await deliverNotification(messages[0].id, { email: transport, sms: transport, settingsUrl: "http://portal.test/parent/settings" })).toBe("delivered");
    expect(sent).toEqual([expect.objectContaining({ to: "+31612345678", locale: "ar", text: messages[0].body })]);
  });

  it("an e-mail guardian is told by e-mail in Dutch; a call back cannot be answered in writing", async () => {
    const parent = await actorOf(w.parentA.user.id);
    const { id } = await askQuestion(parent, ask(w.pupilA.id), { now: NOW });
    await answerQuestion(await actorOf(w.mentorA.user.id), AnswerInput.parse({ questionId: id, answer: "Prima" }), { now: NOW });
    const [message] = await db.notification.findMany({ where: { mentorQuestionId: id } });
    expect(message).toMatchObject({ channel: "EMAIL", locale: "nl", address: w.parentA.user.email });
    expect(message.subject).toContain("Antwoord van de mentor");
    const call = await askQuestion(parent, ask(w.pupilA.id, { kind: "CALL_BACK", body: "", callTimes: ["EVENING"] }), { now: NOW });
    await expect(answerQuestion(await actorOf(w.mentorA.user.id), AnswerInput.parse({ questionId: call.id, answer: "x" }), { now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an empty or too long answer", () => {
    expect(AnswerInput.safeParse({ questionId: "q", answer: " " }).error?.issues[0].message).toBe("questionErrors.answerRequired");
    expect(AnswerInput.safeParse({ questionId: "q", answer: "x".repeat(4001) }).error?.issues[0].message).toBe("questionErrors.answerTooLong");
  });
});

describe("calling back", () => {
  it("\"called back — done\" logs one phone call started by the parent; twice is still one", async () => {
    const parent = await actorOf(w.parentA.user.id);
    const { id } = await askQuestion(parent, ask(w.pupilA.id, { kind: "CALL_BACK", body: "Over de toets", callTimes: ["AFTERNOON"], callTimesNote: "na 15 uur" }), { now: NOW });
    const mentor = await actorOf(w.mentorA.user.id);
    const before = await db.contactMoment.count({ where: { pupilId: w.pupilA.id } });
    const first = await markCalledBack(mentor, id, { now: NOW });
    const again = await markCalledBack(mentor, id, { now: NOW });
    expect(again).toEqual(first);
    expect(await db.contactMoment.count({ where: { pupilId: w.pupilA.id } })).toBe(before + 1);
    const contact = await db.contactMoment.findUniqueOrThrow({ where: { id: first.contactMomentId }, include: { guardians: true } });
    expect(contact).toMatchObject({ kind: "PHONE_CALL", initiatedBy: "PARENT", staffId: w.mentorA.staff.id, pupilId: w.pupilA.id });
    expect(contact.guardians.map((g) => g.guardianId)).toEqual([w.parentA.guardian.id]);
    expect(await db.mentorQuestion.findUniqueOrThrow({ where: { id }, select: { doneAt: true, closedAt: true, contactMomentId: true } }))
      .toEqual({ doneAt: NOW, closedAt: NOW, contactMomentId: first.contactMomentId });
    expect((await openQuestionsForMentor(mentor)).rows.map((r) => r.id)).not.toContain(id);
    // Another class's mentor cannot mark it.
    await expectNotFound(markCalledBack(await actorOf(w.mentorB.user.id), id, { now: NOW }));
  });
});
