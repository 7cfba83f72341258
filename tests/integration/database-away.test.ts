import { randomUUID } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import net from "node:net";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db, pool } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { OutageLog, isDatabaseUnavailable, noteDatabaseError, answerUnavailable, setOutageLogForTests, type RequestOutcome } from "@/lib/http/database-away";
import { reportSickAction } from "@/lib/domain/sick-reports/actions";
import { contactHoursAction, logContactAction } from "@/lib/domain/contacts/actions";
import { registerAbsenceAction } from "@/lib/domain/attendance/actions";
import { askQuestionAction } from "@/lib/domain/questions/actions";
import { answerSurveyAction } from "@/lib/domain/surveys/actions";
import { changeGuardianConsent } from "@/lib/domain/consent/actions";
import { savePromotionRulesAction } from "@/lib/domain/school-system/actions";
import { actorOf, createFamilies, createUser } from "@/tests/factories";
import { createChildOf, amsterdam } from "@/tests/factories/sick-reports";

// Issue 21, part 1: which real failures count as "the database is away"
// (and which do not: a unique violation stays a unique violation), and a
// sick report submitted while it is away answers "not saved" with the typed
// values kept — then, once it is back, the same form creates exactly one report.

// `readsDatabase`: reading the session queries PostgreSQL, as the real getActor does (it loads the
// user on every request), so an outage can show first there.
const session = vi.hoisted(() => ({ actor: null as Actor | null, readsDatabase: false }));
vi.mock("@/lib/auth/session", async () => {
  const { db } = await import("@/lib/db/client");
  return {
    getActor: async () => {
      if (session.readsDatabase) await db.$queryRaw`SELECT 1`;
      return session.actor;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, updateTag: () => {} }));

const lines: string[] = [];
setOutageLogForTests(new OutageLog(Date.now, (line) => lines.push(line)));

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const withPort = (url: string, port: number) => {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
};
const caught = (work: Promise<unknown>) => work.then(() => null, (error: unknown) => error);

/** Ends every connection of this test database except the caller's (PostgreSQL answers them 57P01). */
async function terminateOthers(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  await admin.end();
}

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
beforeAll(async () => {
  w = await createFamilies();
});

describe("classification of real failures", () => {
  it("a server that refuses the connection (through Prisma and the pg adapter): away", async () => {
    const url = withPort(process.env.DATABASE_URL!, await closedPort());
    const client = new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: url })) });
    const error = await caught(client.$queryRaw`SELECT 1`);
    expect(error).toBeTruthy();
    expect(isDatabaseUnavailable(error)).toBe(true);
    await client.$disconnect();
  });

  it("a connection PostgreSQL ends mid-query (administrator shutdown, 57P01): away", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", "sk_terminated");
    const lonePool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    lonePool.on("error", () => {});
    const client = new PrismaClient({ adapter: new PrismaPg(lonePool) });
    const sleeping = caught(client.$queryRaw`SELECT pg_sleep(10)`);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await vi.waitFor(async () => {
      const { rows } = await admin.query("SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = 'sk_terminated' AND query LIKE '%pg_sleep%'");
      expect(rows).toEqual([{ done: true }]);
    });
    await admin.end();
    const error = await sleeping;
    expect(error).toMatchObject({ code: "P2010" });
    expect(isDatabaseUnavailable(error)).toBe(true);
    await client.$disconnect().catch(() => {});
  });

  it("a unique violation, a missing row, bad SQL: not away", async () => {
    const email = w.parentA.user.email;
    const duplicate = await caught(db.user.create({ data: { email, name: "Twee" } as never }));
    expect(duplicate).toMatchObject({ code: "P2002" });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    const missing = await caught(db.user.update({ where: { id: "does-not-exist" }, data: { name: "x" } }));
    expect(isDatabaseUnavailable(missing)).toBe(false);
    const syntax = await caught(db.$queryRawUnsafe("SELEC 1"));
    expect(syntax).toBeTruthy();
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    const nul = await caught(db.user.update({ where: { id: w.parentA.user.id }, data: { name: "a\u0000b" } }));
    expect(nul).toBeTruthy();
    expect(isDatabaseUnavailable(nul)).toBe(false);
  });
});

describe("a sick report while the database is away", () => {
  const original = () => process.env.DATABASE_URL!;
  let outcome: RequestOutcome;
  const REQUEST_KEY = Symbol.for("schoolkompas.requestOutcome");

  afterAll(() => {
    delete (globalThis as Record<symbol, unknown>)[REQUEST_KEY];
    (pool as unknown as { options: { connectionString: string } }).options.connectionString = original();
  });

  it("answers not saved with every typed value kept, marks the answer 503, logs once; back again, the same form makes one report", async () => {
    // A school day at 07:45 in Amsterdam, whatever time the test runs (the action reads the clock).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(amsterdam("2026-11-30", "07:45"));
    try {
      const child = await createChildOf(w.parentA.guardian.id, w.classA);
      session.actor = await actorOf(w.parentA.user.id);
      const fields = { pupilId: child.id, idempotencyKey: randomUUID(), mode: "RANGE", reason: "DOCTOR", from: "2026-12-01", to: "2026-12-02", note: "Tandarts in Utrecht, ‘s middags terug" };
      const form = () => {
        const data = new FormData();
        for (const [name, value] of Object.entries(fields)) data.append(name, value);
        return data;
      };

      // The database goes away: new connections are refused, the open ones are ended.
      const pgPool = pool as unknown as { options: { connectionString: string }; idleCount: number };
      pgPool.options.connectionString = withPort(original(), await closedPort());
      await terminateOthers(original());
      await vi.waitFor(() => expect(pgPool.idleCount).toBe(0));

      outcome = { databaseFailed: false, answerUnavailable: false };
      (globalThis as Record<symbol, unknown>)[REQUEST_KEY] = () => outcome;
      const away = await reportSickAction({}, form());
      expect(away).toEqual({
        errors: { _form: "errors.notSaved" },
        attempt: 1,
        values: { mode: "RANGE", reason: "DOCTOR", from: "2026-12-01", to: "2026-12-02", note: fields.note },
      });
      expect(outcome).toEqual({ databaseFailed: true, answerUnavailable: true });
      // Twice more while away: still one log line for the burst.
      outcome = { databaseFailed: false, answerUnavailable: false };
      expect(await reportSickAction(away, form())).toMatchObject({ errors: { _form: "errors.notSaved" }, attempt: 2 });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^database unavailable \((ECONNREFUSED|P1001|DatabaseNotReachable)\): answering 503 until it is back$/);
      expect(lines.join("\n")).not.toContain(fields.note);

      // Back: the same form (same idempotency key) makes exactly one report; again, still one.
      pgPool.options.connectionString = original();
      outcome = { databaseFailed: false, answerUnavailable: false };
      const saved = await reportSickAction(away, form());
      expect(saved).toMatchObject({ saved: { from: "2026-12-01", to: "2026-12-02", reason: "DOCTOR" } });
      expect(outcome).toEqual({ databaseFailed: false, answerUnavailable: false });
      expect(lines[1]).toMatch(/^database back: unavailable for [\d.]+ s \(\w+\), 2 requests answered 503$/);
      expect(await reportSickAction(saved, form())).toMatchObject({ saved: { from: "2026-12-01" } });
      expect(await db.sickReport.count({ where: { pupilId: child.id } })).toBe(1);
      expect(await db.absenceRecord.count({ where: { pupilId: child.id } })).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("other forms while the database is away", () => {
  const original = () => process.env.DATABASE_URL!;
  const REQUEST_KEY = Symbol.for("schoolkompas.requestOutcome");
  const formOf = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
    return data;
  };

  afterAll(() => {
    session.readsDatabase = false;
    delete (globalThis as Record<symbol, unknown>)[REQUEST_KEY];
    (pool as unknown as { options: { connectionString: string } }).options.connectionString = original();
  });

  it("each answers not saved (503) with what was typed, whether the session read or the command met the outage; nothing is written", async () => {
    const mentor = await actorOf(w.mentorA.user.id);
    const parent = await actorOf(w.parentA.user.id);
    const leaderUser = await createUser("LEADER", { schoolId: w.school.id });
    await db.staff.create({ data: { userId: leaderUser.id, schoolId: w.school.id } });
    const leader = await actorOf(leaderUser.id);
    const contact = {
      pupilId: w.pupilA.id, idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "POSITIVE", guardianIds: [w.parentA.guardian.id],
      summary: "Gebeld over het werkstuk: gaat goed", internalNote: "Volgende week nog eens", occurredOn: new Date().toISOString().slice(0, 10), followUpOn: "",
    };
    const absence = { pupilId: w.pupilA.id, date: "2026-11-30", fromLesson: "2", toLesson: "3", kind: "UNAUTHORISED", minutes: "", reason: "Niet verschenen na de pauze" };
    const question = { pupilId: w.pupilA.id, idempotencyKey: randomUUID(), kind: "QUESTION", body: "Hoe gaat het met wiskunde sinds de toets?", callTimesNote: "", languageWanted: "" };
    const sick = { pupilId: w.pupilA.id, idempotencyKey: randomUUID(), mode: "RANGE", reason: "SICK", from: "2026-12-01", to: "2026-12-02", note: "Griep, de hele week thuis" };
    const survey = { invitationId: randomUUID(), [`q:${randomUUID()}`]: "3", [`q:${randomUUID()}`]: "Meer ouderavonden graag" };
    const forms = [
      { who: mentor, run: () => logContactAction({}, formOf(contact)), kept: { values: { summary: contact.summary, internalNote: contact.internalNote, tone: "POSITIVE", guardianIds: contact.guardianIds } } },
      { who: mentor, run: () => registerAbsenceAction({}, formOf(absence)), kept: { values: { date: absence.date, reason: absence.reason, kind: "UNAUTHORISED" } } },
      { who: parent, run: () => askQuestionAction({}, formOf(question)), kept: { values: { body: question.body, kind: "QUESTION" } } },
      { who: parent, run: () => answerSurveyAction({}, formOf(survey)), kept: { values: { answers: Object.fromEntries(Object.entries(survey).filter(([k]) => k.startsWith("q:")).map(([k, v]) => [k.slice(2), [v]])) } } },
      { who: leader, run: () => savePromotionRulesAction({}, formOf({ text: "Over met hooguit één onvoldoende" })), kept: { values: { text: "Over met hooguit één onvoldoende" } } },
      { who: mentor, run: () => contactHoursAction({}, formOf({ contactHours: "Dinsdag 8:00–8:20 bellen" })), kept: { contactHours: "Dinsdag 8:00–8:20 bellen" } },
      { who: parent, run: () => reportSickAction({}, formOf(sick)), kept: { values: { note: sick.note, from: sick.from, to: sick.to, mode: "RANGE" } } },
    ];

    const pgPool = pool as unknown as { options: { connectionString: string }; idleCount: number };
    pgPool.options.connectionString = withPort(original(), await closedPort());
    await terminateOthers(original());
    await vi.waitFor(() => expect(pgPool.idleCount).toBe(0));
    try {
      for (const readsDatabase of [true, false]) {
        session.readsDatabase = readsDatabase;
        for (const form of forms) {
          session.actor = form.who;
          const outcome: RequestOutcome = { databaseFailed: false, answerUnavailable: false };
          (globalThis as Record<symbol, unknown>)[REQUEST_KEY] = () => outcome;
          const answer = await form.run();
          expect(answer, `${form.run.toString()} (session read ${readsDatabase ? "fails" : "works"})`).toMatchObject({ errors: { _form: "errors.notSaved" }, ...form.kept });
          expect(outcome.answerUnavailable).toBe(true);
        }
        // The consent form has one error line instead of a field map.
        session.actor = parent;
        const outcome: RequestOutcome = { databaseFailed: false, answerUnavailable: false };
        (globalThis as Record<symbol, unknown>)[REQUEST_KEY] = () => outcome;
        expect(await changeGuardianConsent(undefined, formOf({ linkId: "x".repeat(25), change: "consentGrant" }))).toMatchObject({ error: "errors.notSaved" });
        expect(outcome.answerUnavailable).toBe(true);
      }
    } finally {
      session.readsDatabase = false;
      pgPool.options.connectionString = original();
    }
    expect(await db.contactMoment.count({ where: { idempotencyKey: contact.idempotencyKey } })).toBe(0);
    expect(await db.absenceRecord.count({ where: { pupilId: w.pupilA.id } })).toBe(0);
    expect(await db.mentorQuestion.count({ where: { pupilId: w.pupilA.id } })).toBe(0);
  });

  it("a failure that is not an outage is not turned into \"not saved\"", async () => {
    session.actor = await actorOf(w.mentorB.user.id);
    // Another mentor's pupil: refused (not found), as before.
    const refused = await logContactAction({}, formOf({
      pupilId: w.pupilA.id, idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL", guardianIds: [w.parentA.guardian.id],
      summary: "Gebeld", internalNote: "", occurredOn: new Date().toISOString().slice(0, 10), followUpOn: "",
    })).catch((error: unknown) => error);
    expect(JSON.stringify(refused)).not.toContain("errors.notSaved");
  });
});

describe("the server's status correction (scripts/unavailable-status.cjs)", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    createRequire(import.meta.url)("../../scripts/unavailable-status.cjs");
    server = http.createServer((request, response) => {
      // What happens in Next: the data layer meets the database away, then the page fails or the action answers.
      setTimeout(() => {
        if (request.url === "/page-fails") {
          noteDatabaseError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
          response.writeHead(500, { "Content-Type": "text/html" }).end("<p>error</p>");
        } else if (request.url === "/action-not-saved") {
          noteDatabaseError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
          answerUnavailable();
          response.statusCode = 200;
          response.end("rsc payload");
        } else if (request.url === "/other-500") {
          response.writeHead(500).end("bug");
        } else {
          response.end("ok");
        }
      }, 5);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a 500 caused by the database being away becomes 503 with Retry-After; an action's not-saved answer too; other answers stay", async () => {
    const page = await fetch(`${base}/page-fails`);
    expect([page.status, page.headers.get("retry-after"), page.headers.get("cache-control")]).toEqual([503, "60", "no-store"]);
    expect(await page.text()).toBe("<p>error</p>");
    const action = await fetch(`${base}/action-not-saved`);
    expect([action.status, action.headers.get("retry-after")]).toEqual([503, "60"]);
    expect(await action.text()).toBe("rsc payload");
    // A bug is still a 500, and each request has its own record.
    expect((await fetch(`${base}/other-500`)).status).toBe(500);
    const fine = await fetch(`${base}/fine`);
    expect([fine.status, fine.headers.get("retry-after")]).toEqual([200, null]);
  });
});
