import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { actorOf, createFamilies } from "@/tests/factories";
import { askQuestionAction, answerQuestionAction, calledBackAction } from "@/lib/domain/questions/actions";
import { sendAnnouncementAction } from "@/lib/domain/announcements/actions";

// The forms of ask-the-mentor and class announcements as a browser posts them:
// bad input answers a translated message with the values echoed and writes
// nothing; the same form twice is one question, one announcement.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
beforeAll(async () => {
  w = await createFamilies();
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}
/** redirect() is how a successful submit answers: return where it goes. */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
  throw new Error("expected a redirect");
}

describe("the ask form", () => {
  it("a question of 10,000 characters: translated message, values echoed, nothing written", async () => {
    session.actor = await actorOf(w.parentA.user.id);
    const body = "x".repeat(10_000);
    const state = await askQuestionAction({}, form({ pupilId: w.pupilA.id, idempotencyKey: randomUUID(), kind: "QUESTION", body, languageWanted: "" }));
    expect(state).toMatchObject({ errors: { body: "questionErrors.bodyTooLong" }, attempt: 1, values: { body, kind: "QUESTION" } });
    const unknownLanguage = await askQuestionAction(state, form({ pupilId: w.pupilA.id, idempotencyKey: randomUUID(), kind: "QUESTION", body: "Vraag", languageWanted: "klingon" }));
    expect(unknownLanguage).toMatchObject({ errors: { languageWanted: "questionErrors.language" }, attempt: 2 });
    expect(await db.mentorQuestion.count({ where: { pupilId: w.pupilA.id } })).toBe(0);
  });

  it("the same form twice is one question, and both submits go to it", async () => {
    session.actor = await actorOf(w.parentA.user.id);
    const fields = { pupilId: w.pupilA.id, idempotencyKey: randomUUID(), kind: "CALL_BACK", body: "", callTimes: ["EVENING"], callTimesNote: "na 18 uur", languageWanted: "tr" };
    const first = await redirectOf(askQuestionAction({}, form(fields)));
    const second = await redirectOf(askQuestionAction({}, form(fields)));
    expect(first).toMatch(/^\/parent\/questions\/[^/]+\?sent=1$/);
    expect(second).toBe(first);
    expect(await db.mentorQuestion.findMany({ where: { idempotencyKey: fields.idempotencyKey }, select: { kind: true, callTimes: true, languageWanted: true } }))
      .toEqual([{ kind: "CALL_BACK", callTimes: ["EVENING"], languageWanted: "tr" }]);
    // A call back is not answered in writing; "called back — done" twice is one contact moment.
    const questionId = first.split("/")[3].split("?")[0];
    session.actor = await actorOf(w.mentorA.user.id);
    expect(await answerQuestionAction({}, form({ questionId, answer: "x" }))).toMatchObject({ errors: { _form: "errors.conflict" } });
    expect(await calledBackAction({}, form({ questionId }))).toMatchObject({ saved: true });
    expect(await calledBackAction({}, form({ questionId }))).toMatchObject({ saved: true });
    expect(await db.contactMoment.count({ where: { idempotencyKey: `call-back:${questionId}` } })).toBe(1);
  });
});

describe("the announcement form", () => {
  it("refuses a missing subject and another mentor's class with a message; the same form twice is one announcement", async () => {
    session.actor = await actorOf(w.mentorA.user.id);
    const key = randomUUID();
    expect(await sendAnnouncementAction({}, form({ idempotencyKey: key, subject: "", body: "Tekst", classIds: [w.classA.id] })))
      .toMatchObject({ errors: { subject: "announcementErrors.subjectRequired" }, values: { body: "Tekst", classIds: [w.classA.id] } });
    expect(await sendAnnouncementAction({}, form({ idempotencyKey: key, subject: "S", body: "Tekst", classIds: [w.classB.id] })))
      .toMatchObject({ errors: { _form: "errors.notFound" } });
    expect(await db.announcement.count({ where: { idempotencyKey: key } })).toBe(0);
    const fields = { idempotencyKey: key, subject: "Sportdag", body: "Vrijdag is de sportdag.", classIds: [w.classA.id] };
    const first = await redirectOf(sendAnnouncementAction({}, form(fields)));
    expect(await redirectOf(sendAnnouncementAction({}, form(fields)))).toBe(first);
    const [announcement] = await db.announcement.findMany({ where: { idempotencyKey: key }, select: { id: true, _count: { select: { notifications: true } } } });
    expect(first).toBe(`/mentor/announcements?sent=${announcement.id}`);
    expect(announcement._count.notifications).toBe(1);
  });
});
