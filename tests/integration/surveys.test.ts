import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db, sqlRows } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { CreateSurveyInput, QuestionInput, ResponseInput } from "@/lib/domain/surveys/schemas";
import {
  SurveyValidationError, addQuestion, carrySatisfactionToIndicators, closeSurvey, createSurvey, remindSurvey, sendSurvey, submitResponse,
} from "@/lib/domain/surveys/commands";
import { invitationForGuardian, openInvitationsForGuardian, surveyForLeader, surveyResults } from "@/lib/domain/surveys/queries";
import { answerSurveyAction, createSurveyAction } from "@/lib/domain/surveys/actions";
import { AppError } from "@/lib/errors";
import { INDICATORS } from "@/lib/domain/indicators/catalogue";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool } from "@/tests/factories";
import { createLeader } from "@/tests/factories/absence";
import { isNotFoundError } from "@/tests/support/next-errors";

// Needs and satisfaction surveys (issue 19 part 3, decision 0037): anonymous by
// construction, one answer per invitation, the reminder once and only to those
// who did not answer, results only for groups of at least five, counted in SQL.

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0000000000000000";
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, endSessions: async () => {}, setActiveMembership: async () => {}, keepThisSession: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, updateTag: () => {} }));

// The clock: today (Amsterdam) at 11:00 UTC, so no test depends on the hour it runs at.
const TODAY = dutchToday();
const NOW = new Date(TODAY.getTime() + 11 * 3_600_000);
const inDays = (n: number) => new Date(TODAY.getTime() + n * 86_400_000).toISOString().slice(0, 10);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Family = { guardianId: string; userId: string; actor: Actor };
let leader: Actor;
let otherLeader: Actor;
let mentor: Actor;
let classes: { big: string; small: string; other: string };
let families: { big: Family[]; small: Family[] };
let twoClasses: Family;
let smsParent: Family;
let noAuthority: Family;

async function family(pupilIds: string[], options: Parameters<typeof createGuardianOf>[1] = {}): Promise<Family> {
  const { guardian, user } = await createGuardianOf(pupilIds, options);
  return { guardianId: guardian.id, userId: user.id, actor: await actorOf(user.id) };
}

beforeAll(async () => {
  const home = await createSchool();
  const away = await createSchool();
  const big = await createClass(home.school.id, home.schoolYear.id, "3A");
  const small = await createClass(home.school.id, home.schoolYear.id, "3B");
  const other = await createClass(away.school.id, away.schoolYear.id, "3F");
  classes = { big: big.id, small: small.id, other: other.id };
  const bigPupils = await Promise.all(Array.from({ length: 7 }, () => createPupil(home.school.id, big.id)));
  const smallPupils = await Promise.all(Array.from({ length: 4 }, () => createPupil(home.school.id, small.id)));
  families = {
    big: await Promise.all(bigPupils.slice(0, 6).map((p) => family([p.id]))),
    small: await Promise.all(smallPupils.map((p) => family([p.id]))),
  };
  // One guardian with a child in each class: one invitation, counted for 3A.
  twoClasses = await family([bigPupils[6].id, smallPupils[0].id]);
  smsParent = await family([bigPupils[0].id]);
  await db.guardian.update({ where: { id: smsParent.guardianId }, data: { alertChannel: "SMS", phone: "+31612345678" } });
  await db.user.update({ where: { id: smsParent.userId }, data: { locale: "tr" } });
  noAuthority = await family([bigPupils[1].id], { hasParentalAuthority: false });
  leader = await actorOf((await createLeader(home.school.id)).user.id);
  otherLeader = await actorOf((await createLeader(away.school.id)).user.id);
  mentor = await actorOf((await createMentor(home.school.id, [big.id])).user.id);
  // The indicator catalogue (the demo seed writes it; a test database starts empty).
  await db.qualityIndicator.createMany({
    data: INDICATORS.map((d, i) => ({ code: d.code, group: d.group, unit: d.unit, direction: d.direction, perSchoolType: d.perSchoolType, sortOrder: i })),
    skipDuplicates: true,
  });
}, 60_000);

const createInput = (classIds: string[], extra: Partial<Record<string, unknown>> = {}) =>
  CreateSurveyInput.parse({
    idempotencyKey: randomUUID(), title: "Wat vind jij van onze school?", closesOn: inDays(14), classIds,
    templateKeys: ["satisfaction", "needs", "knowWhom", "improve"], ...extra,
  });

async function questionsOf(surveyId: string) {
  const rows = await db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: "asc" } });
  return Object.fromEntries(rows.map((q) => [q.templateKey ?? q.text ?? q.id, q.id]));
}

async function sentSurvey(classIds = [classes.big, classes.small]) {
  const { id } = await createSurvey(leader, createInput(classIds), { now: NOW });
  await sendSurvey(leader, id, { now: NOW });
  return { id, q: await questionsOf(id) };
}

const invitationOf = (surveyId: string, guardianId: string) => db.surveyInvitation.findUniqueOrThrow({ where: { surveyId_guardianId: { surveyId, guardianId } } });
const answer = (invitationId: string, answers: Record<string, string[]>) => ResponseInput.parse({ invitationId, answers });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "answered";
  } catch (error) {
    if (isNotFoundError(error)) return "notFound";
    if (error instanceof SurveyValidationError) return Object.values(error.fieldErrors)[0];
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("anonymous by construction (decision 0037)", () => {
  it("the response tables have no column naming a guardian, pupil, user, invitation or token, and no time", async () => {
    const columns = await sqlRows<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN ('SurveyResponse', 'SurveyAnswer', 'SurveyInvitation') ORDER BY table_name, ordinal_position`, []);
    const of = (table: string) => columns.filter((c) => c.table_name === table).map((c) => c.column_name);
    expect(of("SurveyResponse")).toEqual(["id", "surveyId", "classGroupId"]);
    expect(of("SurveyAnswer")).toEqual(["id", "responseId", "questionId", "value", "text"]);
    // The invitation keeps only "has responded": no time that could be matched with a response.
    expect(of("SurveyInvitation")).toEqual(["id", "surveyId", "guardianId", "classGroupId", "responded"]);
    for (const c of columns.filter((c) => c.table_name !== "SurveyInvitation")) {
      expect(c.column_name).not.toMatch(/guardian|pupil|user|token|invitation|email|phone|ip/i);
    }
    for (const c of columns) expect(c.data_type).not.toMatch(/time|date/i);
  });

  it("a response's ids are random UUIDs (v4), not time-ordered; nothing links it to the invitation or the guardian", async () => {
    const { id, q } = await sentSurvey([classes.big]);
    const invitation = await invitationOf(id, families.big[2].guardianId);
    await submitResponse(families.big[2].actor, answer(invitation.id, { [q.satisfaction]: ["3"], [q.improve]: ["Meer uitleg over het rooster"] }), { now: NOW });
    const response = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: id }, include: { answers: true } });
    expect(response.id).toMatch(UUID_V4);
    for (const a of response.answers) expect(a.id).toMatch(UUID_V4);
    const stored = JSON.stringify(response);
    for (const secret of [invitation.id, families.big[2].guardianId, families.big[2].userId]) expect(stored).not.toContain(secret);
    // No audit row of the guardian's answer (a refusal would name no answer either).
    expect(await db.auditLog.count({ where: { actorUserId: families.big[2].userId, action: "survey:answer" } })).toBe(0);
  });
});

describe("building and sending", () => {
  it("creates a draft from the template once per form; own questions in Dutch with translations, the same text once", async () => {
    const input = createInput([classes.big]);
    const first = await createSurvey(leader, input, { now: NOW });
    expect(await createSurvey(leader, input, { now: NOW })).toEqual({ id: first.id, created: false });
    const own = QuestionInput.parse({ surveyId: first.id, kind: "SINGLE", text: "Komt u naar de informatieavond?", options: "Ja\nNee\nMisschien", translations: { en: "Will you come to the information evening?", ar: "" } });
    await addQuestion(leader, own);
    await addQuestion(leader, own);
    const questions = await db.surveyQuestion.findMany({ where: { surveyId: first.id }, orderBy: { position: "asc" } });
    expect(questions.map((q) => q.templateKey ?? q.text)).toEqual(["satisfaction", "needs", "knowWhom", "improve", "Komt u naar de informatieavond?"]);
    expect(questions[4]).toMatchObject({ kind: "SINGLE", options: ["Ja", "Nee", "Misschien"], translations: { en: "Will you come to the information evening?" } });
    expect(questions[0]).toMatchObject({ kind: "SCALE_4", satisfaction: true });
  });

  it("refuses bad input with translated keys: empty or long text, too few options, a past day, another school's class", async () => {
    expect(CreateSurveyInput.safeParse({ ...createInput([classes.big]), title: "x".repeat(121) }).error?.issues[0].message).toBe("surveys.errors.titleTooLong");
    expect(CreateSurveyInput.safeParse({ ...createInput([classes.big]), closesOn: "2026-02-31x" }).error?.issues[0].message).toBe("surveys.errors.closesOn");
    expect(CreateSurveyInput.safeParse({ ...createInput([classes.big]), classIds: [] }).error?.issues[0].message).toBe("surveys.errors.classes");
    expect(CreateSurveyInput.safeParse({ ...createInput([classes.big]), classIds: ["'; DROP TABLE x"] }).success).toBe(false);
    const q = (over: Record<string, unknown>) => QuestionInput.safeParse({ surveyId: "x", kind: "SINGLE", text: "Vraag", options: "A\nB", translations: {}, ...over });
    expect(q({ options: "Alleen een" }).error?.issues[0].message).toBe("surveys.errors.optionsTooFew");
    expect(q({ options: "A\nA" }).error?.issues[0].message).toBe("surveys.errors.optionsDuplicate");
    expect(q({ text: "" }).error?.issues[0].message).toBe("surveys.errors.textRequired");
    expect(q({ text: "v".repeat(301) }).error?.issues[0].message).toBe("surveys.errors.textTooLong");
    expect(q({ kind: "ESSAY" }).error?.issues[0].message).toBe("surveys.errors.kind");
    expect(await refusal(createSurvey(leader, createInput([classes.big], { closesOn: inDays(-1) }), { now: NOW }))).toBe("surveys.errors.closesOn");
    const before = await db.auditLog.count({ where: { actorUserId: leader.userId, action: "survey:create", outcome: "DENIED", targetId: classes.other } });
    expect(await refusal(createSurvey(leader, createInput([classes.other]), { now: NOW }))).toBe("notFound");
    expect(await db.auditLog.count({ where: { actorUserId: leader.userId, action: "survey:create", outcome: "DENIED", targetId: classes.other } })).toBe(before + 1);
  });

  it("sends one invitation per guardian who may receive messages, through the outbox, in their language and channel; twice is once", async () => {
    const { id } = await sentSurvey();
    const invitations = await db.surveyInvitation.findMany({ where: { surveyId: id } });
    const expected = [...families.big, ...families.small, twoClasses, smsParent].map((f) => f.guardianId).sort();
    expect(invitations.map((i) => i.guardianId).sort()).toEqual(expected);
    expect(invitations.some((i) => i.guardianId === noAuthority.guardianId)).toBe(false);
    expect(invitations.find((i) => i.guardianId === twoClasses.guardianId)?.classGroupId).toBe(classes.big);
    for (const i of invitations) expect(i.id).toMatch(UUID_V4);
    const outbox = await db.notification.findMany({ where: { surveyId: id } });
    expect(outbox).toHaveLength(expected.length);
    expect(new Set(outbox.map((n) => n.kind))).toEqual(new Set(["SURVEY_INVITATION"]));
    const mail = outbox.find((n) => n.guardianId === families.big[0].guardianId)!;
    expect(mail).toMatchObject({ channel: "EMAIL", locale: "nl", status: "PENDING" });
    const invitation = invitations.find((i) => i.guardianId === families.big[0].guardianId)!;
    expect(mail.body).toContain(`/parent/surveys/${invitation.id}`);
    const sms = outbox.find((n) => n.guardianId === smsParent.guardianId)!;
    expect(sms).toMatchObject({ channel: "SMS", locale: "tr", address: "+31612345678" });
    // The job queue has one job per message.
    const [{ table }] = await sqlRows<{ table: string | null }>(`SELECT to_regclass('graphile_worker._private_jobs')::text AS "table"`, []);
    const jobs = await sqlRows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table ? "graphile_worker._private_jobs" : "graphile_worker.jobs"} WHERE key = ANY($1::text[])`, [outbox.map((n) => n.id)]);
    expect(jobs[0].n).toBe(outbox.length);
    expect(await sendSurvey(leader, id, { now: NOW })).toEqual({ invited: expected.length });
    expect(await db.notification.count({ where: { surveyId: id } })).toBe(expected.length);
    expect(await db.survey.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "OPEN" });
  });

  it("a text message sent at night waits until after the school's quiet hours", async () => {
    const { id } = await createSurvey(leader, createInput([classes.big]), { now: NOW });
    const night = new Date(`${inDays(0)}T22:30:00Z`);
    await sendSurvey(leader, id, { now: night });
    const sms = await db.notification.findFirstOrThrow({ where: { surveyId: id, channel: "SMS" } });
    const mail = await db.notification.findFirstOrThrow({ where: { surveyId: id, channel: "EMAIL" } });
    expect(sms.sendAfter.getTime()).toBeGreaterThan(night.getTime());
    expect(mail.sendAfter.getTime()).toBe(night.getTime());
  });
});

describe("answering", () => {
  it("one response per invitation: the second submit is refused, nothing more stored", async () => {
    const { id, q } = await sentSurvey();
    const me = families.big[0];
    const invitation = await invitationOf(id, me.guardianId);
    const input = answer(invitation.id, { [q.satisfaction]: ["4"], [q.needs]: ["0", "3"], [q.knowWhom]: ["1"] });
    await submitResponse(me.actor, input, { now: NOW });
    expect(await refusal(submitResponse(me.actor, input, { now: NOW }))).toBe("surveys.errors.alreadyAnswered");
    // Two at once: one wins.
    const other = await invitationOf(id, families.big[1].guardianId);
    const both = await Promise.allSettled([0, 1].map(() => submitResponse(families.big[1].actor, answer(other.id, { [q.satisfaction]: ["2"] }), { now: NOW })));
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(2);
    expect(await db.surveyAnswer.count({ where: { response: { surveyId: id } } })).toBe(5);
    expect((await invitationOf(id, me.guardianId)).responded).toBe(true);
    expect((await openInvitationsForGuardian(me.actor, NOW)).some((i) => i.id === invitation.id)).toBe(false);
  });

  it("another guardian's token, another school's survey, an unknown or malformed token: 404 and a DENIED row without answers", async () => {
    const { id, q } = await sentSurvey();
    const mine = await invitationOf(id, families.big[3].guardianId);
    const stranger = families.small[1];
    const denied = { actorUserId: stranger.userId, action: "survey:answer", outcome: "DENIED" as const };
    const before = await db.auditLog.count({ where: denied });
    expect(await refusal(submitResponse(stranger.actor, answer(mine.id, { [q.satisfaction]: ["1"] }), { now: NOW }))).toBe("notFound");
    expect(await refusal(submitResponse(stranger.actor, answer(randomUUID(), { [q.satisfaction]: ["1"] }), { now: NOW }))).toBe("notFound");
    expect(await refusal(invitationForGuardian(stranger.actor, mine.id))).toBe("notFound");
    expect(await refusal(invitationForGuardian(stranger.actor, "not-a-uuid"))).toBe("notFound");
    expect(ResponseInput.safeParse({ invitationId: "../../etc", answers: {} }).success).toBe(false);
    const rows = await db.auditLog.findMany({ where: denied, orderBy: { at: "desc" }, take: 4 });
    expect(await db.auditLog.count({ where: denied })).toBe(before + 4);
    for (const row of rows) expect(JSON.stringify(row.details ?? {})).not.toMatch(/satisfaction|"1"|answer/);
    // The leader of another school cannot answer either (not a parent).
    expect(await refusal(submitResponse(otherLeader, answer(mine.id, { [q.satisfaction]: ["1"] }), { now: NOW }))).toBe("forbidden");
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(0);
  });

  it("refuses values outside the question, two answers to a one-choice question, an over-long or empty answer, a closed survey", async () => {
    const { id, q } = await sentSurvey();
    const me = families.big[4];
    const invitation = await invitationOf(id, me.guardianId);
    const bad = async (answers: Record<string, string[]>) => refusal(submitResponse(me.actor, answer(invitation.id, answers), { now: NOW }));
    expect(await bad({ [q.satisfaction]: ["5"] })).toBe("surveys.errors.invalid");
    expect(await bad({ [q.satisfaction]: ["0"] })).toBe("surveys.errors.invalid");
    expect(await bad({ [q.satisfaction]: ["2.5"] })).toBe("surveys.errors.invalid");
    expect(await bad({ [q.knowWhom]: ["0", "1"] })).toBe("surveys.errors.invalid");
    expect(await bad({ [q.needs]: ["6"] })).toBe("surveys.errors.invalid");
    expect(await bad({ [q.improve]: ["x".repeat(501)] })).toBe("surveys.errors.answerTooLong");
    expect(await bad({ [randomUUID()]: ["1"] })).toBe("surveys.errors.invalid");
    expect(await bad({})).toBe("surveys.errors.empty");
    expect(await bad({ [q.improve]: ["   "] })).toBe("surveys.errors.empty");
    expect((await invitationOf(id, me.guardianId)).responded).toBe(false);
    await closeSurvey(leader, id, { now: NOW });
    expect(await bad({ [q.satisfaction]: ["3"] })).toBe("surveys.errors.closed");
    // Past its last day counts as closed too.
    const late = await sentSurvey();
    const lateInvitation = await invitationOf(late.id, me.guardianId);
    expect(await refusal(submitResponse(me.actor, answer(lateInvitation.id, { [late.q.satisfaction]: ["3"] }), { now: new Date(NOW.getTime() + 15 * 86_400_000) }))).toBe("surveys.errors.closed");
  });

  it("the server action answers a NUL byte, a malformed token or a second submit with a message, never a 500", async () => {
    const { id, q } = await sentSurvey();
    const me = families.big[5];
    session.actor = me.actor;
    const invitation = await invitationOf(id, me.guardianId);
    const form = (fields: Record<string, string>) => { const f = new FormData(); for (const [k, v] of Object.entries(fields)) f.append(k, v); return f; };
    expect(await answerSurveyAction({}, form({ invitationId: invitation.id, [`q:${q.improve}`]: "a\u0000b" }))).toMatchObject({ errors: { _form: "errors.invalidInput" } });
    expect(await answerSurveyAction({}, form({ invitationId: "1 OR 1=1", [`q:${q.satisfaction}`]: "3" }))).toMatchObject({ errors: { _form: "surveys.errors.invalid" } });
    expect(await answerSurveyAction(null as never, form({ invitationId: invitation.id, [`q:${q.satisfaction}`]: "9" }))).toMatchObject({ errors: { [q.satisfaction]: "surveys.errors.invalid" } });
    await expect(answerSurveyAction({}, form({ invitationId: invitation.id, [`q:${q.satisfaction}`]: "3" }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    expect(await answerSurveyAction({}, form({ invitationId: invitation.id, [`q:${q.satisfaction}`]: "3" }))).toMatchObject({ errors: { _form: "surveys.errors.alreadyAnswered" } });
    session.actor = leader;
    expect(await createSurveyAction({}, form({ idempotencyKey: randomUUID(), title: "", closesOn: inDays(3) }))).toMatchObject({ errors: { title: "surveys.errors.titleRequired", classIds: "surveys.errors.classes" } });
    session.actor = null;
  });
});

describe("the reminder", () => {
  it("goes only to guardians who did not answer, only once, however often it is asked", async () => {
    const { id, q } = await sentSurvey();
    const answered = families.small[0];
    await submitResponse(answered.actor, answer((await invitationOf(id, answered.guardianId)).id, { [q.satisfaction]: ["3"] }), { now: NOW });
    const first = await remindSurvey(leader, id, { now: NOW });
    const invited = await db.surveyInvitation.count({ where: { surveyId: id } });
    expect(first).toEqual({ reminded: invited - 1, first: true });
    const reminders = await db.notification.findMany({ where: { surveyId: id, kind: "SURVEY_REMINDER" } });
    expect(reminders).toHaveLength(invited - 1);
    expect(reminders.some((r) => r.guardianId === answered.guardianId)).toBe(false);
    expect(await remindSurvey(leader, id, { now: new Date(NOW.getTime() + 86_400_000) })).toEqual({ reminded: 0, first: false });
    expect(await Promise.all([remindSurvey(leader, id, { now: NOW }), remindSurvey(leader, id, { now: NOW })])).toEqual([{ reminded: 0, first: false }, { reminded: 0, first: false }]);
    expect(await db.notification.count({ where: { surveyId: id, kind: "SURVEY_REMINDER" } })).toBe(invited - 1);
  });
});

describe("results", () => {
  let surveyId: string;
  let q: Record<string, string>;
  beforeAll(async () => {
    ({ id: surveyId, q } = await sentSurvey());
    // 3A: six guardians and the one with two children (7 invited); 3B: four. All answer.
    const scores = [4, 4, 3, 3, 2, 4, 1];
    for (const [i, f] of [...families.big, twoClasses].entries()) {
      await submitResponse(f.actor, answer((await invitationOf(surveyId, f.guardianId)).id, { [q.satisfaction]: [String(scores[i])], [q.needs]: ["0", String((i % 3) + 1)], [q.improve]: [`Idee ${i}`] }), { now: NOW });
    }
    for (const f of families.small) {
      await submitResponse(f.actor, answer((await invitationOf(surveyId, f.guardianId)).id, { [q.satisfaction]: ["1"], [q.improve]: ["Klas 3B wil meer"] }), { now: NOW });
    }
  }, 60_000);

  it("a class with 4 respondents shows too few responses; a class with 7 and the whole survey show counts", async () => {
    const small = await surveyResults(leader, surveyId, classes.small);
    expect(small).toMatchObject({ respondents: 4, tooFew: true, distribution: [], openAnswers: [] });
    const big = await surveyResults(leader, surveyId, classes.big);
    expect(big.tooFew).toBe(false);
    expect(big.respondents).toBe(7);
    const count = (r: typeof big, question: string, value: number) => r.distribution.find((d) => d.questionId === question && d.value === value)?.count ?? 0;
    expect([1, 2, 3, 4].map((v) => count(big, q.satisfaction, v))).toEqual([1, 1, 2, 3]);
    expect(big.openAnswers).toEqual([]);
    const whole = await surveyResults(leader, surveyId, null);
    expect(whole.respondents).toBe(11);
    expect([1, 2, 3, 4].map((v) => count(whole, q.satisfaction, v))).toEqual([5, 1, 2, 3]);
    expect(count(whole, q.needs, 0)).toBe(7);
    expect(whole.answeredPerQuestion[q.needs]).toBe(7);
    expect(whole.openAnswers).toHaveLength(11);
    expect(whole.rates.map((r) => [r.name, r.invited, r.responded])).toEqual([["3A", 8, 7], ["3B", 4, 4]]);
    // Another school's leader counts nothing (every statement names the school).
    expect(await surveyResults(otherLeader, surveyId, null)).toMatchObject({ rates: [], respondents: 0, tooFew: true });
  });

  it("the leader of another school, a mentor and a parent get 404 and a DENIED row for every survey step", async () => {
    for (const actor of [otherLeader, mentor, families.big[0].actor]) {
      const denied = { actorUserId: actor.userId, outcome: "DENIED" as const };
      const before = await db.auditLog.count({ where: denied });
      expect(await refusal(surveyForLeader(actor, surveyId))).toBe("notFound");
      const expected = actor === otherLeader ? "notFound" : "forbidden";
      expect(await refusal(sendSurvey(actor, surveyId, { now: NOW }))).toBe(expected);
      expect(await refusal(remindSurvey(actor, surveyId, { now: NOW }))).toBe(expected);
      expect(await refusal(closeSurvey(actor, surveyId, { now: NOW }))).toBe(expected);
      expect(await refusal(carrySatisfactionToIndicators(actor, surveyId, { now: NOW }))).toBe(expected);
      expect(await db.auditLog.count({ where: denied })).toBe(before + 5);
    }
    expect(await refusal(surveyForLeader(leader, "x'; --"))).toBe("notFound");
  });

  it("carries satisfaction into the indicators as a draft: 3 × mean − 2, respondents and response rate; nothing published", async () => {
    const result = await carrySatisfactionToIndicators(leader, surveyId, { now: NOW });
    // Scores 4,4,3,3,2,4,1 and 1,1,1,1: mean 25/11 → 3 × 2.2727 − 2 = 4.8.
    expect(result).toEqual({ score: 4.8, respondents: 11, rate: 91.7 });
    const values = await db.indicatorValue.findMany({ where: { schoolId: leader.schoolId!, indicator: { code: { startsWith: "PARENT_SATISFACTION" } } }, select: { draftValue: true, publishedValue: true, publishedAt: true, indicator: { select: { code: true } } } });
    const byCode = Object.fromEntries(values.map((v) => [v.indicator.code, v]));
    expect(Number(byCode.PARENT_SATISFACTION.draftValue)).toBe(4.8);
    expect(Number(byCode.PARENT_SATISFACTION_RESPONDENTS.draftValue)).toBe(11);
    expect(Number(byCode.PARENT_SATISFACTION_RESPONSE_RATE.draftValue)).toBe(91.7);
    for (const v of values) expect(v.publishedAt).toBeNull();
    // Again: the same drafts.
    await carrySatisfactionToIndicators(leader, surveyId, { now: NOW });
    expect(await db.indicatorValue.count({ where: { schoolId: leader.schoolId!, indicator: { code: { startsWith: "PARENT_SATISFACTION" } } } })).toBe(3);
  });

  it("with fewer than five satisfaction answers nothing is carried over", async () => {
    const { id, q: qs } = await sentSurvey([classes.small]);
    await submitResponse(families.small[2].actor, answer((await invitationOf(id, families.small[2].guardianId)).id, { [qs.satisfaction]: ["4"] }), { now: NOW });
    expect(await refusal(carrySatisfactionToIndicators(leader, id, { now: NOW }))).toBe("surveys.errors.tooFewForIndicator");
  });
});
