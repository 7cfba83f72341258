import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { actorOf, createFamilies } from "@/tests/factories";
import { isoDay, recentWeekday } from "@/tests/factories/absence";
import * as attendance from "@/lib/domain/attendance/actions";
import * as contacts from "@/lib/domain/contacts/actions";
import * as sickReports from "@/lib/domain/sick-reports/actions";

// Finding 6 of the privacy issue, for server actions: Next decodes an action's
// arguments from the request, so a crafted request can send anything — null
// as the previous state (also after the write succeeded), a string instead of
// the form, a NUL byte in a field. None of it may end in a 500 or a half write.

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0000000000000000";
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, endSessions: async () => {}, setActiveMembership: async () => {}, keepThisSession: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, updateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.9" }) }));

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
beforeAll(async () => {
  world = await createFamilies();
});

/** What Next throws for redirect() and notFound(): the router's answers, not failures. */
const isNextAnswer = (error: unknown) => /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(String((error as { digest?: unknown })?.digest ?? ""));
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (isNextAnswer(error)) return "next-answer";
    throw error;
  }
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

/** Every row an action could write, counted. */
async function rows() {
  const [contactMoments, absence, sick, drafts, holidays, periods, staffCount, users, versions, alertsSet, imported, retention] = await Promise.all([
    db.contactMoment.count(), db.absenceRecord.count(), db.sickReport.count(), db.indicatorValue.count(), db.schoolHoliday.count(), db.period.count(),
    db.staff.count(), db.user.count(), db.user.aggregate({ _sum: { sessionVersion: true } }), db.guardian.count({ where: { NOT: { alertChannel: "EMAIL" } } }), db.importRun.count(),
    db.school.aggregate({ _sum: { retentionResultsYears: true, retentionContactsYears: true, retentionAbsencesYears: true, retentionAuditYears: true } }),
  ]);
  return { contactMoments, absence, sick, drafts, holidays, periods, staffCount, users, versions: versions._sum.sessionVersion, alertsSet, imported, retention: retention._sum };
}

// Every "use server" module of the domain, found by its file name, so a new one cannot be forgotten here.
const modules = import.meta.glob("/lib/domain/**/*actions.ts", { eager: true });
const withInput = Object.entries(modules).flatMap(([area, module]) =>
  Object.entries(module as Record<string, unknown>)
    .filter((entry): entry is [string, (...args: unknown[]) => Promise<unknown>] => typeof entry[1] === "function" && entry[1].length > 0)
    .map(([name, fn]) => [`${area}.${name}`, fn] as const),
);

describe("every server action that takes input", () => {
  it("finds every module with server actions", () => {
    const files = Object.keys(modules);
    for (const area of ["accounts/actions", "admin/calendar-actions", "contacts/actions", "imports/actions", "retention/actions", "sick-reports/actions"]) {
      expect(files).toContain(`/lib/domain/${area}.ts`);
    }
  });

  it("answers whatever arrives instead of the form — null, a string, a number, a NUL byte — and writes nothing", async () => {
    expect(withInput.length).toBeGreaterThan(25);
    session.actor = await actorOf(world.mentorA.user.id);
    const before = await rows();
    const nul = form({ pupilId: world.pupilA.id, summary: "a\u0000b", occurredOn: isoDay(recentWeekday(0)), kind: "PHONE_CALL", email: "x\u0000@y.nl", schoolId: world.school.id });
    const failures: string[] = [];
    for (const [name, action] of withInput) {
      for (const [previous, input] of [[null, "not a form"], [undefined, 42], ["state", null], [{ attempt: "x" }, nul], [null, nul]] as const) {
        try {
          await outcome(() => (action.length === 1 ? action(input) : action(previous, input)));
        } catch (error) {
          failures.push(`${name}(${JSON.stringify(previous)}, ${input instanceof FormData ? "form with NUL" : JSON.stringify(input)}): ${String(error).slice(0, 80)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await rows()).toEqual(before);
  });
});

describe("a null previous state after the write succeeded", () => {
  it("registers absence once and answers saved, however often it arrives", async () => {
    session.actor = await actorOf(world.mentorA.user.id);
    const day = isoDay(recentWeekday(1));
    const submitted = form({ pupilId: world.pupilA.id, date: day, fromLesson: "2", toLesson: "3", kind: "UNAUTHORISED", minutes: "", reason: "" });
    const first = await attendance.registerAbsenceAction(null as never, submitted);
    expect(first).toMatchObject({ attempt: 1, saved: { date: day, written: 2 } });
    expect(await attendance.registerAbsenceAction(null as never, submitted)).toMatchObject({ saved: { written: 2 } });
    expect(await db.absenceRecord.count({ where: { pupilId: world.pupilA.id, date: new Date(`${day}T00:00:00Z`) } })).toBe(2);
  });

  it("reports a child sick once for one idempotency key", async () => {
    // 06:30 in Amsterdam on a school day: before any reporting deadline.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(`${isoDay(recentWeekday(0))}T05:30:00Z`));
    try {
      session.actor = await actorOf(world.parentB.user.id);
      const submitted = form({ pupilId: world.pupilB.id, idempotencyKey: randomUUID(), mode: "TODAY", reason: "SICK", from: "", to: "", note: "" });
      const first = await sickReports.reportSickAction(null as never, submitted);
      expect(first).toMatchObject({ attempt: 1, saved: { reason: "SICK", to: isoDay(recentWeekday(0)) } });
      expect(await sickReports.reportSickAction(null as never, submitted)).toMatchObject({ saved: first.saved });
      expect(await db.sickReport.count({ where: { pupilId: world.pupilB.id } })).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("logs a contact moment once and then goes on to the page", async () => {
    session.actor = await actorOf(world.mentorA.user.id);
    const submitted = form({
      pupilId: world.pupilA.id, idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "POSITIVE",
      guardianIds: world.parentA.guardian.id, summary: "Goed gesprek", occurredOn: isoDay(recentWeekday(0)), followUpOn: "",
    });
    expect(await outcome(() => contacts.logContactAction(null as never, submitted))).toBe("next-answer");
    expect(await outcome(() => contacts.logContactAction(null as never, submitted))).toBe("next-answer");
    expect(await db.contactMoment.count({ where: { pupilId: world.pupilA.id } })).toBe(1);
  });
});

describe("sign-in with a NUL byte", () => {
  it("fails like a wrong password, without asking PostgreSQL about it", async () => {
    for (const attempt of [{ email: "ouder@demo.test\u0000", password: "x" }, { email: world.parentA.user.email, password: "x\u0000" }, { email: "a", password: "b", code: "1\u00002" }]) {
      await expect(attemptSignIn({ ...attempt, address: "192.0.2.77" })).resolves.toEqual({ ok: false, reason: "failed" });
    }
  });
});
