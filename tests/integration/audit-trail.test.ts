import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { db, queryStats } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actorOf, createAbsence, createFamilies, createGuardianOf, createPupil, createUser } from "@/tests/factories";
import { createAttendanceOfficer, createLeader, isoDay, recentWeekday } from "@/tests/factories/absence";
import { createNotification } from "@/tests/factories/threshold";
import { expectNotFound, isNotFoundError } from "@/tests/support/next-errors";
import { listMentorOverview } from "@/lib/domain/contacts/queries";
import { getDeliveryLog } from "@/lib/domain/attendance/delivery-queries";
import { listClassPupils } from "@/lib/domain/attendance/queries";
import { invitationOverview } from "@/lib/domain/invitations/queries";
import { listInformationRequests } from "@/lib/domain/information/queries";
import { getChildDetail, parentOverview } from "@/lib/domain/pupils/queries";
import { updateThresholdCase } from "@/lib/domain/attendance/threshold-commands";
import { reportBetter, reportSick } from "@/lib/domain/sick-reports/commands";
import { decideInformationRequest, requestInformation } from "@/lib/domain/information/commands";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { logContactAction } from "@/lib/domain/contacts/actions";
import { registerAbsenceAction } from "@/lib/domain/attendance/actions";
import { changeGuardianConsent } from "@/lib/domain/consent/actions";
import MentorPupilPage from "@/app/(app)/(portal)/mentor/pupils/[pupilId]/page";
import ChildPage from "@/app/(app)/(portal)/parent/children/[pupilId]/page";
import AttendancePupilPage from "@/app/(app)/(portal)/attendance/pupils/[pupilId]/page";
import InformationPage from "@/app/(app)/(portal)/parent/information/[pupilId]/page";

// Finding 5 of the privacy issue: every read and every refusal of a pupil's data
// leaves a row with actor, role, pupil, data category, route and outcome — and
// never grades or free text (docs/audit-trail.md, docs/decisions/0019).

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0000000000000000";
// The signed-in user of a page request or an action (the session module reads cookies, which tests have not).
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, updateTag: () => {} }));

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
let officer: Awaited<ReturnType<typeof createAttendanceOfficer>>;
let leader: Awaited<ReturnType<typeof createLeader>>;
let linkA: string;
let teen: { pupilId: string; userId: string };

const rowsOf = (actorUserId: string) => db.auditLog.findMany({ where: { actorUserId }, orderBy: { at: "asc" } });
const lastRow = async (actorUserId: string) => (await rowsOf(actorUserId)).at(-1);

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

beforeAll(async () => {
  world = await createFamilies();
  officer = await createAttendanceOfficer(world.school.id);
  leader = await createLeader(world.school.id);
  linkA = (await db.guardianLink.findFirstOrThrow({ where: { pupilId: world.pupilA.id } })).id;
  // A pupil of 17 with an account, in class B: decides about her own guardians' links only.
  const teenUser = await createUser("PUPIL");
  const teenPupil = await createPupil(world.school.id, world.classB.id, { birthDate: new Date(Date.UTC(new Date().getUTCFullYear() - 17, 0, 1)), userId: teenUser.id });
  await createGuardianOf([teenPupil.id]);
  teen = { pupilId: teenPupil.id, userId: teenUser.id };
});

afterAll(() => {
  session.actor = null;
});

/** Renders a page the way a request would (params as promises); what it throws is the answer. */
async function open(page: (props: never) => Promise<unknown>, pupilId: string): Promise<unknown> {
  try {
    return await page({ params: Promise.resolve({ pupilId }), searchParams: Promise.resolve({}) } as never);
  } catch (error) {
    return error;
  }
}

describe("a wrong role opening a pupil's page: 404 and a DENIED row naming that pupil", () => {
  const cases = [
    { name: "a parent on the mentor's pupil page", page: MentorPupilPage, role: "PARENT", route: "/mentor/pupils/[pupilId]", who: () => world.parentA.user.id },
    { name: "a mentor on the parent's child page", page: ChildPage, role: "MENTOR", route: "/parent/children/[pupilId]", who: () => world.mentorA.user.id },
    { name: "a parent on the attendance officer's pupil page", page: AttendancePupilPage, role: "PARENT", route: "/attendance/pupils/[pupilId]", who: () => world.parentA.user.id },
    { name: "the attendance officer on a guardian's request page", page: InformationPage, role: "ATTENDANCE_OFFICER", route: "/parent/information/[pupilId]", who: () => officer.user.id },
  ] as const;
  for (const c of cases) {
    it(c.name, async () => {
      session.actor = await actorOf(c.who());
      expect(isNotFoundError(await open(c.page, world.pupilA.id))).toBe(true);
      expect(await lastRow(c.who())).toMatchObject({
        action: "route:view", outcome: "DENIED", pupilId: world.pupilA.id, targetId: world.pupilA.id, role: c.role, route: c.route, schoolId: world.school.id,
      });
    });
  }

  it("an id that names no pupil is recorded as asked, naming nobody", async () => {
    session.actor = await actorOf(world.parentA.user.id);
    expect(isNotFoundError(await open(MentorPupilPage, "no-such-pupil"))).toBe(true);
    expect(await lastRow(world.parentA.user.id)).toMatchObject({ outcome: "DENIED", pupilId: null, targetId: "no-such-pupil", route: "/mentor/pupils/[pupilId]" });
  });
});

describe("a role refused inside an action about a pupil: refused and a DENIED row naming the pupil", () => {
  it("a parent posting the mentor's contact form", async () => {
    session.actor = await actorOf(world.parentA.user.id);
    const state = await logContactAction(undefined as never, form({
      pupilId: world.pupilA.id, idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL", occurredOn: isoDay(recentWeekday(0)),
      guardianIds: world.parentA.guardian.id, summary: "Gesprek", internalNote: "", followUpOn: "",
    }));
    expect(state.errors).toEqual({ _form: "errors.forbidden" });
    expect(await db.contactMoment.count({ where: { pupilId: world.pupilA.id } })).toBe(0);
    expect(await lastRow(world.parentA.user.id)).toMatchObject({
      action: "contact:create", outcome: "DENIED", pupilId: world.pupilA.id, role: "PARENT", category: "contacts", route: "/mentor/pupils/[pupilId]", details: { reason: "role" },
    });
  });

  it("a parent posting the absence form", async () => {
    session.actor = await actorOf(world.parentA.user.id);
    const state = await registerAbsenceAction(undefined as never, form({
      pupilId: world.pupilA.id, date: isoDay(recentWeekday(0)), fromLesson: "1", toLesson: "2", kind: "UNAUTHORISED", minutes: "50", reason: "", pupilReason: "",
    }));
    expect(state.errors).toEqual({ _form: "errors.forbidden" });
    expect(await lastRow(world.parentA.user.id)).toMatchObject({
      action: "absence:record", outcome: "DENIED", pupilId: world.pupilA.id, role: "PARENT", category: "absences", route: "/mentor/pupils/[pupilId]",
    });
  });

  it("a mentor posting a pupil's consent change: the row names the pupil of the link", async () => {
    session.actor = await actorOf(world.mentorA.user.id);
    const state = await changeGuardianConsent(undefined, form({ linkId: linkA, change: "consentGrant" }));
    expect(state?.error).toBe("errors.forbidden");
    expect(await lastRow(world.mentorA.user.id)).toMatchObject({
      action: "consent:granted", outcome: "DENIED", pupilId: world.pupilA.id, targetId: linkA, role: "MENTOR", category: "consent", route: "/pupil",
    });
  });

  it("a mentor updating a 16-hour case, reporting a child sick or deciding a request; a parent ending a sick report", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    await expect(updateThresholdCase(mentor, { pupilId: world.pupilA.id, status: "TO_REPORT", reportedOn: null, note: null } as never)).rejects.toEqual(new AppError("forbidden"));
    expect(await lastRow(mentor.userId)).toMatchObject({ action: "threshold:update", outcome: "DENIED", pupilId: world.pupilA.id, category: "attendance", route: "/attendance" });

    await expect(reportSick(mentor, { pupilId: world.pupilA.id } as never)).rejects.toEqual(new AppError("forbidden"));
    expect(await lastRow(mentor.userId)).toMatchObject({ action: "sickReport:create", outcome: "DENIED", pupilId: world.pupilA.id, route: "/parent/children/[pupilId]" });

    await expect(requestInformation(mentor, { pupilId: world.pupilA.id } as never)).rejects.toEqual(new AppError("forbidden"));
    expect(await lastRow(mentor.userId)).toMatchObject({ action: "information:requested", outcome: "DENIED", pupilId: world.pupilA.id, route: "/parent/information/[pupilId]" });

    // A request of pupil A (made here, as a guardian without authority would): the parent may not decide it.
    const stepParent = await createGuardianOf([world.pupilA.id], { hasParentalAuthority: false });
    const link = await db.guardianLink.findFirstOrThrow({ where: { guardianId: stepParent.guardian.id } });
    const request = await db.informationRequest.create({ data: { linkId: link.id, pupilId: world.pupilA.id, categories: ["RESULTS"], idempotencyKey: randomUUID() } });
    const parent = await actorOf(world.parentA.user.id);
    await expect(decideInformationRequest(parent, { requestId: request.id, outcome: "refuse", reason: "x" } as never)).rejects.toEqual(new AppError("forbidden"));
    expect(await lastRow(parent.userId)).toMatchObject({ action: "information:refused", outcome: "DENIED", pupilId: world.pupilA.id, targetId: request.id });

    const report = await db.sickReport.create({
      data: { pupilId: world.pupilA.id, guardianId: world.parentA.guardian.id, reason: "SICK", startsOn: recentWeekday(0), endsOn: recentWeekday(0), idempotencyKey: randomUUID() },
    });
    await expect(reportBetter(mentor, report.id)).rejects.toEqual(new AppError("forbidden"));
    expect(await lastRow(mentor.userId)).toMatchObject({ action: "sickReport:create", outcome: "DENIED", pupilId: world.pupilA.id, targetId: report.id });
  });
});

describe("a consent change aimed at another pupil's guardian link", () => {
  it("is refused (404) and the row names the pupil whose link it was", async () => {
    const pupil = await actorOf(teen.userId);
    await expectNotFound(setGuardianConsent(pupil, { linkId: linkA, change: "consentGrant" }));
    await expectNotFound(setGuardianConsent(pupil, { linkId: linkA, change: "reasonsShare" }));
    const rows = (await rowsOf(teen.userId)).slice(-2);
    expect(rows.map((r) => r.action)).toEqual(["consent:granted", "reasons:shared"]);
    for (const row of rows) {
      expect(row).toMatchObject({ outcome: "DENIED", pupilId: world.pupilA.id, targetId: linkA, role: "PUPIL", category: "consent", route: "/pupil", schoolId: world.school.id });
    }
    expect((await db.guardianLink.findUniqueOrThrow({ where: { id: linkA } })).consentGrantedAt).toBeNull();
  });
});

describe("lists write one ALLOWED row per pupil shown, in one statement", () => {
  it("the mentor's list: every pupil of the class, with no extra query", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const before = queryStats.count;
    const overview = await listMentorOverview(mentor, { show: "all", sort: "name" });
    // Contact hours (carrying the audit rows) and the list, as before.
    expect(queryStats.count - before).toBe(2);
    const rows = await db.auditLog.findMany({ where: { actorUserId: mentor.userId, action: "pupil:list" } });
    expect(rows.map((r) => r.pupilId).sort()).toEqual(overview.rows.map((r) => r.id).sort());
    expect(rows.every((r) => r.outcome === "ALLOWED" && r.role === "MENTOR" && r.category === "contacts" && r.route === "/mentor")).toBe(true);
  });

  it("the delivery log: the pupils on the page, one statement after the page's three", async () => {
    const actor = await actorOf(officer.user.id);
    await createNotification(world.pupilA, { guardianId: world.parentA.guardian.id });
    await createNotification(world.pupilA, { guardianId: world.parentA.guardian.id, status: "DELIVERED" });
    await createNotification(world.pupilB, { guardianId: world.parentB.guardian.id });
    const before = queryStats.count;
    const log = await getDeliveryLog(actor, {});
    // The page's three (rows, counts per state, waiting to retry) and the audit statement.
    expect(queryStats.count - before).toBe(4);
    expect(log.rows).toHaveLength(3);
    const rows = await db.auditLog.findMany({ where: { actorUserId: actor.userId, route: "/attendance/messages" } });
    expect(rows.map((r) => r.pupilId).sort()).toEqual([world.pupilA.id, world.pupilB.id].sort());
    expect(rows.every((r) => r.outcome === "ALLOWED" && r.role === "ATTENDANCE_OFFICER" && r.category === "messages")).toBe(true);
  });

  it("the officer's class list, the invitation lists and the requests pages", async () => {
    const actor = await actorOf(officer.user.id);
    const pupils = await listClassPupils(actor, world.classA.id);
    expect(pupils.map((p) => p.id)).toEqual([world.pupilA.id]);
    expect(await db.auditLog.findMany({ where: { actorUserId: actor.userId, route: "/attendance/pupils" } })).toEqual([
      expect.objectContaining({ action: "pupil:list", outcome: "ALLOWED", pupilId: world.pupilA.id, category: "profile", role: "ATTENDANCE_OFFICER" }),
    ]);

    const mentor = await actorOf(world.mentorA.user.id);
    const invitations = await invitationOverview(mentor, null);
    const named = new Set(invitations.guardians.flatMap((g) => g.children.map((c) => c.id)));
    const rows = await db.auditLog.findMany({ where: { actorUserId: mentor.userId, route: "/mentor/invitations" } });
    expect(rows.map((r) => r.pupilId).sort()).toEqual([...named].sort());
    expect(rows.every((r) => r.action === "guardians:view" && r.category === "guardians")).toBe(true);

    const head = await actorOf(leader.user.id);
    const list = await listInformationRequests(head);
    expect(list.pending.length + list.decided.length).toBeGreaterThan(0);
    const requestRows = await db.auditLog.findMany({ where: { actorUserId: head.userId, route: "/leader/information-requests" } });
    expect(requestRows.length).toBeGreaterThan(0);
    expect(requestRows.every((r) => r.pupilId && r.category === "information" && r.role === "LEADER")).toBe(true);
  });
});

describe("every row about a pupil", () => {
  it("carries role, category and route, and details never hold free text or grades", async () => {
    // The parent pages too, so the hot paths' rows are in.
    const parent = await actorOf(world.parentA.user.id);
    await createAbsence(world.pupilA.id, "SICK");
    await parentOverview(parent);
    await getChildDetail(parent, world.pupilA.id);
    const rows = await db.auditLog.findMany({ where: { pupilId: { not: null } } });
    expect(rows.length).toBeGreaterThan(20);
    const incomplete = rows.filter((r) => r.role === null || r.category === null || r.route === null || r.schoolId === null);
    expect(incomplete).toEqual([]);
    // Details are codes, counts, ids, dates and flags — never what someone wrote, never a grade.
    const written = ["Gesprek", "x", "6.8", "6,8"];
    for (const row of rows) {
      const values = Object.values((row.details ?? {}) as Record<string, unknown>).flatMap((v) => (v && typeof v === "object" ? Object.values(v) : [v]));
      for (const value of values) {
        expect(typeof value === "string" ? written.includes(value) : false).toBe(false);
        if (typeof value === "string") expect(value).toMatch(/^[A-Za-z0-9:_,.-]{0,64}$/);
      }
    }
  });
});

