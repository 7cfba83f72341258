import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Tone } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { reachClass, reachTables, schoolReach } from "@/lib/domain/reach/queries";
import { schoolReachSummary } from "@/lib/domain/reach/summary";
import { parseReachQuery } from "@/lib/domain/reach/filter";
import { actorOf, createClass, createGuardianOf, createMentor, createPupil, createSchool } from "@/tests/factories";
import { createSchoolStaff, day, ensureSchoolYear } from "@/tests/factories/threshold";
import { expectNotFound } from "@/tests/support/next-errors";

// The reach dashboard (issue 19 part 1) on a hand-built school with known
// answers. The clock is pinned: "today" is Saturday 7 December 2030 in the
// school year 2030-2031, the school's threshold 6 weeks (reached: a contact
// on or after 26 October 2030).
//
//   F1  siblings p1 (2A) and p2 (2B); mother and father in two households;
//       the father was called about p2 on 20 Nov (POSITIVE)   → reached in 2A, 2B, once at school
//   F2  p3 (2A), guardian speaks Turkish, alerts by SMS, account never used;
//       a contact in the previous school year only            → never reached
//   F3  p4 (2A), two CONCERN calls (10 Sep, 30 Nov)           → reached, only about problems
//   F4  p5 (2B), one NEUTRAL e-mail on 15 Sep                 → not reached, not never
//   F5  p6 (2B), the only guardian's access is restricted     → a family of its own, never reached, no account

const NOW = new Date("2030-12-07T10:00:00Z");
const ROUTE = "/leader/reach/classes/[classId]";

let leader: Actor;
let otherLeader: Actor;
let mentor: Actor;
let parent: Actor;
let classA: { id: string };
let classB: { id: string };
let pupils: Record<"p1" | "p2" | "p3" | "p4" | "p5" | "p6", { id: string }>;
let mentors: { a: string; b: string; both: string };

beforeAll(async () => {
  const { school } = await createSchool();
  const year = await ensureSchoolYear("2030-2031");
  classA = await createClass(school.id, year.id, "2A");
  classB = await createClass(school.id, year.id, "2B");
  // Twelve in 2030 (a pupil of 18+ would need to consent before the school may involve their parents).
  const p = async (cls: { id: string }) => createPupil(school.id, cls.id, { birthDate: new Date("2018-03-01") });
  pupils = { p1: await p(classA), p2: await p(classB), p3: await p(classA), p4: await p(classA), p5: await p(classB), p6: await p(classB) };
  const mother = await createGuardianOf([pupils.p1.id, pupils.p2.id]);
  const father = await createGuardianOf([pupils.p1.id, pupils.p2.id]);
  await db.guardianLink.updateMany({ where: { guardianId: father.guardian.id }, data: { household: "vader", relationship: "FATHER" } });
  const g3 = await createGuardianOf([pupils.p3.id]);
  await db.user.update({ where: { id: g3.user.id }, data: { locale: "tr" } });
  await db.guardian.update({ where: { id: g3.guardian.id }, data: { alertChannel: "SMS" } });
  const g4 = await createGuardianOf([pupils.p4.id]);
  await db.user.update({ where: { id: g4.user.id }, data: { lastSignInAt: new Date("2030-11-01T08:00:00Z") } });
  const g5 = await createGuardianOf([pupils.p5.id]);
  await createGuardianOf([pupils.p6.id], { accessRestricted: true });

  const ma = await createMentor(school.id, [classA.id]);
  const mb = await createMentor(school.id, [classB.id]);
  const both = await createMentor(school.id, [classA.id, classB.id]);
  mentors = { a: ma.staff.id, b: mb.staff.id, both: both.staff.id };
  const moment = (pupilId: string, guardianId: string, on: string, tone: Tone) => db.contactMoment.create({
    data: {
      pupilId, staffId: ma.staff.id, kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone, summary: "Gesprek", occurredOn: day(on),
      idempotencyKey: randomUUID(), guardians: { create: [{ guardianId }] },
    },
  });
  await moment(pupils.p2.id, father.guardian.id, "2030-11-20", "POSITIVE");
  await moment(pupils.p3.id, g3.guardian.id, "2030-07-01", "NEUTRAL");
  await moment(pupils.p4.id, g4.guardian.id, "2030-09-10", "CONCERN");
  await moment(pupils.p4.id, g4.guardian.id, "2030-11-30", "CONCERN");
  await moment(pupils.p5.id, g5.guardian.id, "2030-09-15", "NEUTRAL");

  // Absence alerts: week of 25 Nov: delivered after 4 minutes, failed, skipped (not sent); week of 2 Dec: after 10 minutes.
  const alert = (createdAt: string, status: "DELIVERED" | "FAILED" | "SKIPPED", minutes?: number) => db.notification.create({
    data: {
      kind: "ABSENCE_ALERT", schoolId: school.id, pupilId: pupils.p3.id, guardianId: g3.guardian.id, channel: "EMAIL", locale: "nl", status,
      sendAfter: new Date(createdAt), createdAt: new Date(createdAt),
      deliveredAt: minutes === undefined ? null : new Date(new Date(createdAt).getTime() + minutes * 60_000),
    },
  });
  await alert("2030-11-25T09:00:00Z", "DELIVERED", 4);
  await alert("2030-11-26T09:00:00Z", "FAILED");
  await alert("2030-11-27T09:00:00Z", "SKIPPED");
  await alert("2030-12-02T09:00:00Z", "DELIVERED", 10);

  leader = await actorOf((await createSchoolStaff(school.id, "LEADER")).user.id);
  mentor = await actorOf(ma.user.id);
  parent = await actorOf(mother.user.id);
  const other = await createSchool();
  otherLeader = await actorOf((await createSchoolStaff(other.school.id, "LEADER")).user.id);
});

const query = (params: Record<string, string> = {}) => parseReachQuery(params);

describe("reach figures on a hand-built school", () => {
  it("counts families per class: two households once, a family with children in two classes once in each", async () => {
    const { classes } = await reachTables(leader, query({ sort: "name" }), NOW);
    expect(classes.map(({ name, families, reached, never, onlyProblems, moments, positive }) => ({ name, families, reached, never, onlyProblems, moments, positive }))).toEqual([
      { name: "2A", families: 3, reached: 2, never: 1, onlyProblems: 1, moments: 2, positive: 0 },
      { name: "2B", families: 3, reached: 1, never: 1, onlyProblems: 0, moments: 2, positive: 1 },
    ]);
  });

  it("counts a family once per mentor, also for a mentor of both classes", async () => {
    const { mentors: rows } = await reachTables(leader, query(), NOW);
    const byId = Object.fromEntries(rows.map((r) => [r.id, { families: r.families, reached: r.reached, never: r.never, moments: r.moments, positive: r.positive }]));
    expect(byId[mentors.a]).toEqual({ families: 3, reached: 2, never: 1, moments: 2, positive: 0 });
    expect(byId[mentors.b]).toEqual({ families: 3, reached: 1, never: 1, moments: 2, positive: 1 });
    expect(byId[mentors.both]).toEqual({ families: 5, reached: 2, never: 2, moments: 4, positive: 1 });
  });

  it("counts a family once at school level, with who is missed, the trend and the alerts", async () => {
    const school = await schoolReach(leader, NOW);
    expect(school.thresholdWeeks).toBe(6);
    expect(school.families).toEqual({ families: 5, reached: 2, never: 2, onlyProblems: 1 });
    expect(school.moments).toEqual({ moments: 4, positive: 1 });
    // F2: Turkish, SMS, account never used; F5: no guardian the school may involve, so no account.
    expect(school.missed).toEqual({ languages: [{ key: "tr", families: 1 }], channels: [{ key: "SMS", families: 1 }], portal: { used: 0, unused: 1, none: 1 } });
    expect(school.trend).toEqual([
      { month: "2030-08", families: 0, moments: 0, positive: 0 },
      { month: "2030-09", families: 2, moments: 2, positive: 0 },
      { month: "2030-10", families: 0, moments: 0, positive: 0 },
      { month: "2030-11", families: 2, moments: 2, positive: 1 },
      { month: "2030-12", families: 0, moments: 0, positive: 0 },
    ]);
    expect(school.alerts).toEqual([
      { week: "2030-11-25", sent: 2, delivered: 1, failed: 1, medianSeconds: 240 },
      { week: "2030-12-02", sent: 1, delivered: 1, failed: 0, medianSeconds: 600 },
    ]);
    expect(school.alertMedianSeconds).toBe(420);
    expect(school.conferences).toBeNull();
  });

  it("filters by year and track and sorts worst first by default", async () => {
    expect((await reachTables(leader, query(), NOW)).classes.map((c) => c.name)).toEqual(["2B", "2A"]);
    expect((await reachTables(leader, query({ sort: "reached", dir: "desc" }), NOW)).classes.map((c) => c.name)).toEqual(["2A", "2B"]);
    expect((await reachTables(leader, query({ year: "3" }), NOW)).classes).toEqual([]);
    expect((await reachTables(leader, query({ track: "VWO" }), NOW)).mentors).toEqual([]);
    expect((await reachTables(leader, query({ year: "2", track: "HAVO" }), NOW)).classes).toHaveLength(2);
    // Malformed filters fall back to the defaults.
    expect(query({ year: "2\u0000", track: "'; DROP", sort: "evil", dir: "up" })).toEqual({ sort: "reached", dir: "asc" });
  });

  it("counts conferences once the school holds a round: came, no-shows, follow-ups done", async () => {
    const round = await db.conferenceRound.create({
      data: {
        schoolId: leader.schoolId!, title: "Tienminutengesprekken", slotMinutes: 10, bookingOpensAt: new Date("2030-10-01T08:00:00Z"),
        bookingClosesAt: new Date("2030-11-10T08:00:00Z"), idempotencyKey: randomUUID(),
      },
    });
    const guardians = await db.guardianLink.findMany({ where: { pupilId: { in: [pupils.p1.id, pupils.p3.id, pupils.p5.id] } }, select: { pupilId: true, guardianId: true } });
    const book = (pupilId: string, at: string, attendance: "CAME" | "NO_SHOW", followUpDoneAt: Date | null = null) => db.conferenceBooking.create({
      data: {
        roundId: round.id, pupilId, staffId: mentors.a, bookedByGuardianId: guardians.find((g) => g.pupilId === pupilId)!.guardianId, householdKey: "",
        startsAt: new Date(at), endsAt: new Date(new Date(at).getTime() + 600_000), attendance, followUpDoneAt, idempotencyKey: randomUUID(),
      },
    });
    await book(pupils.p1.id, "2030-11-12T17:00:00Z", "CAME");
    await book(pupils.p3.id, "2030-11-12T17:10:00Z", "NO_SHOW", new Date("2030-11-13T09:00:00Z"));
    await book(pupils.p5.id, "2030-11-12T17:20:00Z", "NO_SHOW");
    expect((await schoolReach(leader, NOW)).conferences).toEqual({ came: 1, noShow: 2, followedUp: 1 });
    const { classes } = await reachTables(leader, query({ sort: "name" }), NOW);
    expect(classes.map((c) => [c.name, c.came, c.noShow, c.followedUp])).toEqual([["2A", 1, 1, 1], ["2B", 0, 1, 0]]);
    expect(await schoolReachSummary(leader, NOW)).toEqual({
      families: 5, reachedShare: 0.4, positiveShare: 0.25, neverReached: 2, alertDeliveryShare: 2 / 3, conferenceAttendance: 1 / 3,
    });
  });
});

describe("the class drill-down", () => {
  it("names the families not reached, and writes one audit row per family shown", async () => {
    const before = new Date(Date.now() - 1000);
    const page = await reachClass(leader, classB.id, NOW);
    expect(page.class.name).toBe("2B");
    expect(page.thresholdWeeks).toBe(6);
    // F5 (never) first, then F4 (last contact 15 Sep); F1 was reached.
    expect(page.families.map((f) => [f.pupils.map((p) => p.id), f.last?.toISOString().slice(0, 10) ?? null])).toEqual([
      [[pupils.p6.id], null],
      [[pupils.p5.id], "2030-09-15"],
    ]);
    expect(page.families[0].guardians).toEqual([]);
    expect(page.families[1].guardians).toHaveLength(1);
    const rows = await db.auditLog.findMany({ where: { actorUserId: leader.userId, action: "reach:view", at: { gte: before } } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.pupilId).sort()).toEqual([pupils.p5.id, pupils.p6.id].sort());
    for (const r of rows) expect(r).toMatchObject({ outcome: "ALLOWED", role: "LEADER", category: "contacts", route: ROUTE, schoolId: leader.schoolId });
  });

  it("answers 404 with a DENIED audit row for a class of another school, and shows no name", async () => {
    const before = await db.auditLog.count({ where: { actorUserId: otherLeader.userId } });
    await expectNotFound(reachClass(otherLeader, classA.id, NOW));
    const rows = await db.auditLog.findMany({ where: { actorUserId: otherLeader.userId }, orderBy: { at: "asc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ action: "reach:view", outcome: "DENIED", targetId: classA.id, pupilId: null, route: ROUTE });
  });

  it.each([["a malformed id", "x'; DROP TABLE \"Pupil\"; --"], ["a NUL byte", "abc\u0000def"], ["an over-long id", "a".repeat(500)], ["an unknown id", "c".repeat(25)]])(
    "answers 404 with a DENIED audit row for %s", async (_, id) => {
      const before = await db.auditLog.count({ where: { actorUserId: leader.userId, outcome: "DENIED" } });
      await expectNotFound(reachClass(leader, id, NOW));
      expect(await db.auditLog.count({ where: { actorUserId: leader.userId, outcome: "DENIED" } })).toBe(before + 1);
    },
  );

  it("refuses a mentor and a parent: 404 and a DENIED audit row, the dashboard's queries refuse too", async () => {
    for (const actor of [mentor, parent]) {
      const before = await db.auditLog.count({ where: { actorUserId: actor.userId, outcome: "DENIED", action: "reach:view" } });
      await expectNotFound(reachClass(actor, classA.id, NOW));
      expect(await db.auditLog.count({ where: { actorUserId: actor.userId, outcome: "DENIED", action: "reach:view" } })).toBe(before + 1);
      expect(await db.auditLog.count({ where: { actorUserId: actor.userId, outcome: "ALLOWED", action: "reach:view" } })).toBe(0);
      await expect(schoolReach(actor, NOW)).rejects.toEqual(new AppError("forbidden"));
      await expect(reachTables(actor, query(), NOW)).rejects.toEqual(new AppError("forbidden"));
      await expect(schoolReachSummary(actor, NOW)).rejects.toEqual(new AppError("forbidden"));
    }
  });
});
