import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { writeAudit, denyAccess } from "@/lib/auth/audit";
import { exportSchoolAccess, listChildAccess, listOwnAccess, listSchoolAccess } from "@/lib/domain/privacy/queries";
import { parseAccessFilter, type AccessFilter } from "@/lib/domain/privacy/filter";
import { decodeCursor } from "@/lib/domain/privacy/cursor";
import { rowWords, type Translate } from "@/lib/domain/privacy/words";
import { actorOf, createFamilies, createGuardianOf, createPupil, createSchool, createClass, createUser, createMentor } from "@/tests/factories";
import { createLeader } from "@/tests/factories/absence";
import { expectNotFound } from "@/tests/support/next-errors";

// The privacy view (decision 0024) reads the audit log: the leader their own
// school only, a guardian staff looks at a child they may see, a pupil their own.

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
let leader: string;
let other: { school: { id: string }; pupil: { id: string }; leader: string };
let admin: string;

const FIRST = { cursor: null, direction: "older" as const };
const filterOf = (params: Record<string, string>): AccessFilter => parseAccessFilter((k) => params[k]).filter;

let seq = 0;
/** An audit row with every column set, at a given moment (ids sort with the insert order). */
async function row(data: { at: string; actor: string | null; role: Role | null; pupilId?: string | null; targetId?: string | null; schoolId: string; action?: string; outcome?: "ALLOWED" | "DENIED"; category?: string | null; route?: string | null }) {
  seq += 1;
  return db.auditLog.create({
    data: {
      id: `t${String(seq).padStart(6, "0")}-${Math.random().toString(36).slice(2, 8)}`, at: new Date(data.at), actorUserId: data.actor, role: data.role,
      pupilId: data.pupilId ?? null, targetId: data.targetId ?? data.pupilId ?? null, schoolId: data.schoolId, action: data.action ?? "pupil:view",
      outcome: data.outcome ?? "ALLOWED", category: data.category === undefined ? "results" : data.category, route: data.route === undefined ? "/mentor/pupils/[pupilId]" : data.route,
    },
  });
}

beforeAll(async () => {
  w = await createFamilies();
  leader = (await createLeader(w.school.id)).user.id;
  await db.pupil.update({ where: { id: w.pupilA.id }, data: { firstName: "Zoë", lastName: "Öztürk", studentNumber: "LN-4711" } });
  const o = await createSchool();
  const oc = await createClass(o.school.id, o.schoolYear.id);
  other = { school: o.school, pupil: await createPupil(o.school.id, oc.id), leader: (await createLeader(o.school.id)).user.id };
  admin = (await createUser("ADMIN", { boardId: w.school.boardId })).id;
  const mA = w.mentorA.user.id;
  const mB = w.mentorB.user.id;
  await row({ at: "2026-11-10T08:00:00Z", actor: mA, role: "MENTOR", pupilId: w.pupilA.id, schoolId: w.school.id, category: "results" });
  await row({ at: "2026-11-10T23:30:00Z", actor: mA, role: "MENTOR", pupilId: w.pupilA.id, schoolId: w.school.id, category: "absences", action: "absence:record" }); // 11 Nov 00:30 in Amsterdam
  await row({ at: "2026-11-12T09:00:00Z", actor: mB, role: "MENTOR", pupilId: w.pupilA.id, schoolId: w.school.id, outcome: "DENIED", category: "profile" });
  await row({ at: "2026-11-12T10:00:00Z", actor: mB, role: "MENTOR", pupilId: null, targetId: "no-such-pupil", schoolId: w.school.id, outcome: "DENIED", category: null, route: null });
  await row({ at: "2026-11-13T10:00:00Z", actor: admin, role: "ADMIN", pupilId: w.pupilB.id, schoolId: w.school.id, category: "contacts" });
  await row({ at: "2026-11-13T11:00:00Z", actor: w.parentA.user.id, role: "PARENT", pupilId: w.pupilA.id, schoolId: w.school.id, category: "results", route: "/parent/children/[pupilId]" });
  // A staff member's own account event: not about a pupil, not shown.
  await row({ at: "2026-11-13T12:00:00Z", actor: mA, role: "MENTOR", pupilId: null, schoolId: w.school.id, action: "role:switch", category: "account", route: null });
  // Another school's rows never appear.
  await row({ at: "2026-11-12T09:30:00Z", actor: other.leader, role: "LEADER", pupilId: other.pupil.id, schoolId: other.school.id });
});

describe("the school leader's privacy view", () => {
  it("shows the rows of the leader's own school about pupils, refusals included, newest first, with the count — never another school's", async () => {
    const data = await listSchoolAccess(await actorOf(leader), {}, FIRST);
    expect(data.total).toBe(6);
    expect(data.rows.map((r) => r.at.toISOString())).toEqual([
      "2026-11-13T11:00:00.000Z", "2026-11-13T10:00:00.000Z", "2026-11-12T10:00:00.000Z", "2026-11-12T09:00:00.000Z", "2026-11-10T23:30:00.000Z", "2026-11-10T08:00:00.000Z",
    ]);
    expect(data.rows.some((r) => r.pupil?.id === other.pupil.id)).toBe(false);
    expect(data.rows.some((r) => r.action === "role:switch")).toBe(false);
    const theirs = await listSchoolAccess(await actorOf(other.leader), {}, FIRST);
    expect(theirs.rows.map((r) => r.pupil?.id)).toEqual([other.pupil.id]);
  });

  it("names the person, role, pupil and class; a refused id that names nothing shows as unknown, missing columns as — / unknown", async () => {
    const data = await listSchoolAccess(await actorOf(leader), {}, FIRST);
    const t = translator({ "unknownPupil": "Onbekend id: {id}", "none": "—", "unknown": "onbekend", "noPupil": "Geen leerling", "outcomeValue.DENIED": "Geweigerd", "outcomeValue.ALLOWED": "Toegestaan", "categoryValue.results": "cijfers", "action.pupil_view": "bekeek de leerling" });
    const roles = translator({ MENTOR: "Mentor", ADMIN: "Beheerder", PARENT: "Ouder/verzorger" });
    const unknown = data.rows.find((r) => r.askedId === "no-such-pupil")!;
    expect(unknown.pupil).toBeNull();
    expect(rowWords(unknown, t, roles)).toMatchObject({ pupil: "Onbekend id: no-such-pupil", category: "—", route: "onbekend", outcome: "Geweigerd", role: "Mentor", person: w.mentorB.user.name });
    const seen = data.rows.find((r) => r.at.toISOString() === "2026-11-10T08:00:00.000Z")!;
    expect(seen.pupil).toEqual({ id: w.pupilA.id, name: "Zoë Öztürk", studentNumber: "LN-4711", className: "2A" });
    expect(rowWords(seen, t, roles)).toMatchObject({ action: "bekeek de leerling", category: "cijfers", route: "/mentor/pupils/[pupilId]", outcome: "Toegestaan" });
  });

  it("filters by period in Dutch days, pupil (name part, accent-blind, or pupil number), person, role, outcome and category", async () => {
    const actor = await actorOf(leader);
    const at = async (params: Record<string, string>) => (await listSchoolAccess(actor, filterOf(params), FIRST)).rows.map((r) => r.at.toISOString().slice(5, 16));
    // 23:30 UTC on 10 November is 00:30 on 11 November in Amsterdam.
    expect(await at({ from: "2026-11-11", to: "2026-11-11" })).toEqual(["11-10T23:30"]);
    expect(await at({ to: "2026-11-10" })).toEqual(["11-10T08:00"]);
    expect(await at({ from: "2026-11-13", to: "2026-11-30" })).toEqual(["11-13T11:00", "11-13T10:00"]);
    expect(await at({ pupil: "ozturk" })).toEqual(["11-13T11:00", "11-12T09:00", "11-10T23:30", "11-10T08:00"]);
    expect(await at({ pupil: "LN-4711" })).toEqual(await at({ pupil: "Zoë Öz" }));
    expect(await at({ pupil: "LN-47" })).toEqual([]); // a number matches whole
    expect(await at({ pupil: other.pupil.id })).toEqual([]);
    expect(await at({ person: w.mentorB.user.name.slice(-8) })).toEqual(["11-12T10:00", "11-12T09:00"]);
    expect(await at({ role: "ADMIN" })).toEqual(["11-13T10:00"]);
    expect(await at({ role: "PARENT" })).toEqual(["11-13T11:00"]);
    expect(await at({ outcome: "DENIED" })).toEqual(["11-12T10:00", "11-12T09:00"]);
    expect(await at({ category: "absences" })).toEqual(["11-10T23:30"]);
    expect(await at({ category: "contacts", role: "ADMIN", outcome: "ALLOWED", from: "2026-11-01", to: "2026-11-30" })).toEqual(["11-13T10:00"]);
  });

  it("never fails on bad filter input: garbage is left out, the rest still applies", async () => {
    const actor = await actorOf(leader);
    const parsed = parseAccessFilter((k) => ({ from: "31-31-2026", to: "2026-11-10", role: "ROOT", category: "x\u0000", pupil: "\u0000", person: "'; DROP TABLE \"AuditLog\"; --" })[k]);
    expect(parsed.issues.map((i) => i.field)).toEqual(["from", "pupil", "category", "role"].sort((a, b) => ["from", "to", "pupil", "person", "role", "outcome", "category"].indexOf(a) - ["from", "to", "pupil", "person", "role", "outcome", "category"].indexOf(b)));
    const data = await listSchoolAccess(actor, parsed.filter, FIRST);
    expect(data.total).toBe(0); // nobody is called like that
    const reversed = parseAccessFilter((k) => ({ from: "2026-11-30", to: "2026-11-01", role: "MENTOR" })[k]);
    expect(reversed.issues).toEqual([{ field: "to", code: "range" }]);
    expect((await listSchoolAccess(actor, reversed.filter, FIRST)).total).toBe(4);
  });

  it("pages newest first by (at, id), 50 at a time, with ties in time, and back again", async () => {
    const s = await createSchool();
    const c = await createClass(s.school.id, s.schoolYear.id);
    const p = await createPupil(s.school.id, c.id);
    const l = (await createLeader(s.school.id)).user.id;
    const m = await createMentor(s.school.id, [c.id]);
    for (let i = 0; i < 120; i += 1) {
      // Three rows per second: ties on `at` are ordered by id.
      await row({ at: new Date(Date.UTC(2026, 10, 1, 8, 0, Math.floor(i / 3))).toISOString(), actor: m.user.id, role: "MENTOR", pupilId: p.id, schoolId: s.school.id });
    }
    const all = await db.auditLog.findMany({ where: { schoolId: s.school.id }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
    const actor = await actorOf(l);
    // Each look at the log adds a row of its own (category "audit"): page through the mentor's rows.
    const mentors: AccessFilter = { role: "MENTOR" };
    const one = await listSchoolAccess(actor, mentors, FIRST);
    expect(one.total).toBe(120);
    expect(one.newer).toBeNull();
    const two = await listSchoolAccess(actor, mentors, { cursor: decodeCursor(one.older), direction: "older" });
    const three = await listSchoolAccess(actor, mentors, { cursor: decodeCursor(two.older), direction: "older" });
    expect([one.rows.length, two.rows.length, three.rows.length]).toEqual([50, 50, 20]);
    expect(three.older).toBeNull();
    expect([...one.rows, ...two.rows, ...three.rows].map((r) => r.id)).toEqual(all.map((r) => r.id));
    const back = await listSchoolAccess(actor, mentors, { cursor: decodeCursor(two.newer), direction: "newer" });
    expect(back.rows.map((r) => r.id)).toEqual(one.rows.map((r) => r.id));
    expect(back.newer).toBeNull();
    expect(back.older).toBe(one.older);
  });

  it("shows rows written by the real writeAudit and denyAccess, and records each look at the log with which filters (never their values)", async () => {
    const mentor = await actorOf(w.mentorB.user.id);
    await writeAudit(await actorOf(w.mentorA.user.id), "pupil:view", "ALLOWED", w.pupilA.id, undefined, { category: "results", route: "/mentor/pupils/[pupilId]" });
    await expectNotFound(denyAccess(mentor, "pupil:view", w.pupilA.id, { category: "record", route: "/mentor/pupils/[pupilId]" }));
    const actor = await actorOf(leader);
    const data = await listSchoolAccess(actor, filterOf({ from: "2026-12-01", pupil: "Öztürk" }), FIRST);
    // Both rows can carry the same millisecond; their order is then the ids' order, so compare them as a set.
    const newestTwo = data.rows.slice(0, 2).map((r) => [r.role, r.outcome, r.category, r.pupil?.id]);
    expect(newestTwo).toHaveLength(2);
    expect(newestTwo).toEqual(expect.arrayContaining([["MENTOR", "DENIED", "record", w.pupilA.id], ["MENTOR", "ALLOWED", "results", w.pupilA.id]]));
    const look = await db.auditLog.findFirst({ where: { actorUserId: leader, action: "privacy:view" }, orderBy: { at: "desc" } });
    expect(look).toMatchObject({ outcome: "ALLOWED", role: "LEADER", category: "audit", route: "/leader/privacy", schoolId: w.school.id, pupilId: null, details: { filters: "from,pupil" } });
    expect(JSON.stringify(look?.details)).not.toContain("Öztürk");
    // The look itself shows up in the next view (category "audit").
    expect((await listSchoolAccess(actor, filterOf({ category: "audit" }), FIRST)).rows[0]).toMatchObject({ action: "privacy:view", role: "LEADER" });
  });

  it("answers 404 to a mentor, a parent, an administrator and a pupil, with a refused row", async () => {
    const pupilUser = await createUser("PUPIL");
    await db.pupil.update({ where: { id: w.pupilB.id }, data: { userId: pupilUser.id } });
    for (const userId of [w.mentorA.user.id, w.parentA.user.id, admin, pupilUser.id]) {
      const actor = await actorOf(userId);
      await expectNotFound(listSchoolAccess(actor, {}, FIRST));
      await expectNotFound(exportSchoolAccess(actor, {}));
      const refused = await db.auditLog.findMany({ where: { actorUserId: userId, action: { in: ["privacy:view", "privacy:export"] } } });
      expect(refused.map((r) => [r.action, r.outcome, r.category, r.role])).toEqual(
        expect.arrayContaining([["privacy:view", "DENIED", "audit", actor.role], ["privacy:export", "DENIED", "audit", actor.role]]),
      );
    }
    await db.pupil.update({ where: { id: w.pupilB.id }, data: { userId: null } });
  });
});

describe("the export", () => {
  it("gives the same rows as the pages, in batches, and records the export with the number of rows", async () => {
    const actor = await actorOf(leader);
    const filter = filterOf({ to: "2026-11-30" });
    const page = await listSchoolAccess(actor, filter, FIRST);
    const result = await exportSchoolAccess(actor, filter);
    expect(result).toMatchObject({ total: page.total, capped: false });
    const rows = [];
    for await (const batch of result.batches()) rows.push(...batch);
    expect(rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    const audit = await db.auditLog.findFirst({ where: { actorUserId: leader, action: "privacy:export" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ outcome: "ALLOWED", category: "audit", route: "/api/leader/privacy", details: { filters: "until", rows: page.total, capped: false } });
  });
});

describe("a guardian's and a pupil's view", () => {
  it("shows a guardian the staff's and administrators' looks and refusals about their child — not other guardians', nor their own", async () => {
    const second = await createGuardianOf([w.pupilA.id]);
    await row({ at: "2026-11-14T08:00:00Z", actor: second.user.id, role: "PARENT", pupilId: w.pupilA.id, schoolId: w.school.id });
    await row({ at: "2026-11-14T09:00:00Z", actor: leader, role: "LEADER", pupilId: w.pupilA.id, schoolId: w.school.id, category: "absences" });
    const data = await listChildAccess(await actorOf(w.parentA.user.id), w.pupilA.id, FIRST);
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.every((r) => ["MENTOR", "LEADER", "ATTENDANCE_OFFICER", "ADMIN"].includes(r.role ?? ""))).toBe(true);
    expect(data.rows.every((r) => r.pupil?.id === w.pupilA.id)).toBe(true);
    expect(data.rows.map((r) => r.role)).toEqual(expect.arrayContaining(["LEADER", "MENTOR"]));
    expect(data.rows.some((r) => r.outcome === "DENIED")).toBe(true);
    expect(data.total).toBe(data.rows.length);
    // The guardian's own look is recorded (naming the child) and shown to the leader, never to a guardian.
    const own = await db.auditLog.findFirst({ where: { actorUserId: w.parentA.user.id, action: "privacy:view", route: "/parent/children/[pupilId]/privacy" } });
    expect(own).toMatchObject({ outcome: "ALLOWED", pupilId: w.pupilA.id, role: "PARENT", category: "audit", route: "/parent/children/[pupilId]/privacy" });
    const again = await listChildAccess(await actorOf(second.user.id), w.pupilA.id, FIRST);
    expect(again.rows.map((r) => r.id)).toEqual(data.rows.map((r) => r.id));
  });

  it("shows a guardian with an information grant (no parental authority) only looks at what was granted", async () => {
    const granted = await createGuardianOf([w.pupilA.id], { hasParentalAuthority: false, informationGrantedAt: new Date("2026-11-01"), informationCategories: ["RESULTS"], informationUntil: null });
    const data = await listChildAccess(await actorOf(granted.user.id), w.pupilA.id, FIRST);
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.map((r) => r.category)).toContain("results");
    // Looks at the whole pupil page ("record") show the granted results too; absences, contacts… are not listed.
    expect(data.rows.every((r) => r.category === "results" || r.category === "record")).toBe(true);
    const full = await listChildAccess(await actorOf(w.parentA.user.id), w.pupilA.id, FIRST);
    expect(full.rows.some((r) => r.category === "absences")).toBe(true);
    // Without a grant in force the child's page does not open, nor does this one.
    const ended = await createGuardianOf([w.pupilA.id], { hasParentalAuthority: false, informationGrantedAt: new Date("2026-01-01"), informationCategories: ["RESULTS"], informationUntil: new Date("2026-02-01") });
    await expectNotFound(listChildAccess(await actorOf(ended.user.id), w.pupilA.id, FIRST));
  });

  it("answers 404 for a child the guardian may not see (another family's, a restricted link, an id that does not exist), with a row naming the pupil", async () => {
    const restricted = await createGuardianOf([w.pupilA.id], { accessRestricted: true });
    const cases: [string, string, string | null][] = [[w.parentA.user.id, w.pupilB.id, w.pupilB.id], [restricted.user.id, w.pupilA.id, w.pupilA.id], [w.parentA.user.id, "no-such-child", null]];
    for (const [userId, pupilId, named] of cases) {
      await expectNotFound(listChildAccess(await actorOf(userId), pupilId, FIRST));
      const refused = await db.auditLog.findFirst({ where: { actorUserId: userId, action: "privacy:view", outcome: "DENIED", targetId: pupilId } });
      expect(refused).toMatchObject({ pupilId: named, category: "audit", route: "/parent/children/[pupilId]/privacy", role: "PARENT" });
    }
    // A mentor is not a guardian, even of a pupil in their class.
    await expectNotFound(listChildAccess(await actorOf(w.mentorA.user.id), w.pupilA.id, FIRST));
  });

  it("shows a pupil with an account the staff's looks at their own data, and nothing about anyone else", async () => {
    const pupilUser = await createUser("PUPIL");
    await db.pupil.update({ where: { id: w.pupilA.id }, data: { userId: pupilUser.id } });
    try {
      const actor = await actorOf(pupilUser.id);
      const data = await listOwnAccess(actor, FIRST);
      const guardianView = await listChildAccess(await actorOf(w.parentA.user.id), w.pupilA.id, FIRST);
      expect(data.rows.map((r) => r.id)).toEqual(guardianView.rows.map((r) => r.id));
      expect(data.rows.every((r) => r.pupil?.id === w.pupilA.id && r.role !== "PARENT" && r.role !== "PUPIL")).toBe(true);
      expect(await db.auditLog.count({ where: { actorUserId: pupilUser.id, action: "privacy:view", outcome: "ALLOWED", pupilId: w.pupilA.id, route: "/pupil/privacy" } })).toBe(1);
    } finally {
      await db.pupil.update({ where: { id: w.pupilA.id }, data: { userId: null } });
    }
  });
});

describe("a year of rows", () => {
  it("keeps the first page fast for 100,000 rows of one school (among 400,000), reads it through the (schoolId, at) index, and caps the export", async () => {
    const s = await createSchool();
    const c = await createClass(s.school.id, s.schoolYear.id);
    const pupils = await Promise.all(Array.from({ length: 20 }, () => createPupil(s.school.id, c.id)));
    const m = await createMentor(s.school.id, [c.id]);
    const l = (await createLeader(s.school.id)).user.id;
    const ROWS = 100_050;
    await db.$executeRaw`
      INSERT INTO "AuditLog" (id, at, "actorUserId", action, outcome, "pupilId", "targetId", role, category, route, "schoolId")
      SELECT 'v' || g, TIMESTAMP '2026-01-01' + g * INTERVAL '5 minutes', ${m.user.id}, 'pupil:view', 'ALLOWED', (${pupils.map((p) => p.id)}::text[])[1 + g % 20],
             (${pupils.map((p) => p.id)}::text[])[1 + g % 20], 'MENTOR', (ARRAY['results','absences','contacts'])[1 + g % 3], '/mentor/pupils/[pupilId]', ${s.school.id}
      FROM generate_series(1, ${ROWS}) g`;
    // The rest of the log: other schools' rows over the same year (a real log holds many schools).
    await db.$executeRaw`
      INSERT INTO "AuditLog" (id, at, "actorUserId", action, outcome, role, category, route, "schoolId")
      SELECT 'o' || g, TIMESTAMP '2026-01-01' + g * INTERVAL '100 seconds', ${m.user.id}, 'pupil:view', 'ALLOWED', 'MENTOR', 'results', '/mentor/pupils/[pupilId]', 'other-school-' || (g % 30)
      FROM generate_series(1, 300000) g`;
    await db.$executeRawUnsafe(`ANALYZE "AuditLog"`);
    const actor = await actorOf(l);
    await listSchoolAccess(actor, {}, FIRST); // warm up the connection
    const started = performance.now();
    const first = await listSchoolAccess(actor, {}, FIRST);
    const ms = performance.now() - started;
    const filteredStart = performance.now();
    const filtered = await listSchoolAccess(actor, filterOf({ from: "2026-03-01", to: "2026-03-31", category: "results", pupil: pupils[3].studentNumber }), FIRST);
    const filteredMs = performance.now() - filteredStart;
    const deepStart = performance.now();
    let page = first;
    for (let i = 0; i < 20; i += 1) page = await listSchoolAccess(actor, {}, { cursor: decodeCursor(page.older), direction: "older" });
    const deepMs = (performance.now() - deepStart) / 20;
    process.stdout.write(`privacy view, ${ROWS} rows: first page + count ${ms.toFixed(1)} ms; filtered ${filteredMs.toFixed(1)} ms (${filtered.total} rows); pages 2–21 ${deepMs.toFixed(1)} ms each\n`);
    expect(first.rows).toHaveLength(50);
    // Counted up to the export cap + 1: "more than 100,000".
    expect(first.total).toBe(100_001);
    const { pageStatement, countStatement, schoolConditions } = await import("@/lib/domain/privacy/sql");
    const where = schoolConditions(s.school.id, {});
    let t0 = performance.now();
    await db.$queryRaw(pageStatement(where, FIRST, 51));
    const pageMs = performance.now() - t0;
    t0 = performance.now();
    await db.$queryRaw(countStatement(where, 100_001));
    const countMs = performance.now() - t0;
    process.stdout.write(`privacy view: the first page's statement alone ${pageMs.toFixed(1)} ms, the count ${countMs.toFixed(1)} ms\n`);
    expect(ms).toBeLessThan(2_000);
    const statement = pageStatement(schoolConditions(s.school.id, {}), FIRST, 51);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${statement.text}`, ...statement.values);
    const text = plan.map((p) => p["QUERY PLAN"]).join("\n");
    process.stdout.write(`${text}\n`);
    expect(text).toContain("AuditLog_schoolId_at_idx");
    // An export under the cap, written as the route writes it: time and size.
    const { csvRows } = await import("@/lib/domain/privacy/csv");
    const exportStart = performance.now();
    const third = await exportSchoolAccess(actor, filterOf({ category: "results" }));
    let bytes = 0;
    let exported = 0;
    for await (const batch of third.batches()) {
      exported += batch.length;
      bytes += Buffer.byteLength(csvRows(batch.map((r) => [r.at.toISOString(), r.actorName, r.role, r.pupil?.name ?? "", r.pupil?.studentNumber ?? "", r.pupil?.className ?? "", r.action, r.category, r.route, r.outcome, r.askedId])));
    }
    process.stdout.write(`privacy export: ${exported} rows, ${(bytes / 1e6).toFixed(1)} MB in ${(performance.now() - exportStart).toFixed(0)} ms\n`);
    expect(exported).toBe(third.total);
    const result = await exportSchoolAccess(actor, {});
    expect(result).toMatchObject({ total: 100_001, capped: true });
    const batches = result.batches();
    expect((await batches.next()).done).toBe(true);
  }, 120_000);
});

function translator(messages: Record<string, string>): Translate {
  const t = ((key: string, values?: Record<string, string | number>) => {
    let text = messages[key] ?? key;
    for (const [k, v] of Object.entries(values ?? {})) text = text.replace(`{${k}}`, String(v));
    return text;
  }) as Translate;
  t.has = (key: string) => key in messages;
  return t;
}
