import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryStats } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { ContactMomentInput } from "@/lib/domain/contacts/schemas";
import { ContactValidationError, correctContactMoment, logContactMoment } from "@/lib/domain/contacts/commands";
import { getMentorPupil, listMentorOverview } from "@/lib/domain/contacts/queries";
import { getChildDetail } from "@/lib/domain/pupils/queries";
import { actorOf, createFamilies, createGuardianOf, createPupil } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

function input(overrides: Partial<Record<string, unknown>> = {}): ContactMomentInput {
  return ContactMomentInput.parse({
    pupilId: world.pupilA.id,
    idempotencyKey: randomUUID(),
    kind: "PHONE_CALL",
    initiatedBy: "SCHOOL",
    tone: "POSITIVE",
    guardianIds: [world.parentA.guardian.id],
    summary: "Fijn gesprek over de goede start.",
    internalNote: "GEHEIM-INTERN-12345",
    occurredOn: iso(dutchToday()),
    followUpOn: "",
    ...overrides,
  });
}

const countFor = (pupilId: string) => db.contactMoment.count({ where: { pupilId } });

beforeAll(async () => {
  world = await createFamilies();
});

describe("logging a contact moment", () => {
  it("writes one entry with its guardians, even when the form is submitted twice", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const data = input();
    const first = await logContactMoment(mentor, data);
    const second = await logContactMoment(mentor, data);
    expect(second).toBe(first);
    expect(await db.contactMoment.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
    expect(await db.contactMomentGuardian.count({ where: { contactMomentId: first } })).toBe(1);
  });

  it("is refused for a pupil outside the mentor's classes: nothing written, an audit row", async () => {
    const otherMentor = await actorOf(world.mentorB.user.id);
    const before = await countFor(world.pupilA.id);
    await expect(logContactMoment(otherMentor, input())).rejects.toEqual(new AppError("notFound"));
    expect(await countFor(world.pupilA.id)).toBe(before);
    const audit = await db.auditLog.findFirst({ where: { actorUserId: otherMentor.userId, action: "contact:create" } });
    expect(audit).toMatchObject({ outcome: "DENIED", pupilId: world.pupilA.id });
  });

  it("is refused for parents", async () => {
    const parent = await actorOf(world.parentA.user.id);
    await expect(logContactMoment(parent, input())).rejects.toEqual(new AppError("forbidden"));
  });

  it("rejects a guardian who is not linked, or whose link is restricted", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const restricted = await createGuardianOf([world.pupilA.id], { accessRestricted: true });
    const before = await countFor(world.pupilA.id);
    for (const guardianId of [world.parentB.guardian.id, restricted.guardian.id]) {
      const error = await logContactMoment(mentor, input({ guardianIds: [world.parentA.guardian.id, guardianId] })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContactValidationError);
      expect((error as ContactValidationError).fieldErrors).toEqual({ guardianIds: "contactErrors.guardianNotLinked" });
    }
    expect(await countFor(world.pupilA.id)).toBe(before);
    const pupil = await getMentorPupil(mentor, world.pupilA.id);
    expect(pupil.guardians.map((g) => g.id)).not.toContain(restricted.guardian.id);
  });
});

describe("bad input gets a translated message key and is never written", () => {
  const today = () => dutchToday();
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["an empty summary", { summary: "   " }, "summary", "contactErrors.summaryRequired"],
    ["an oversized summary", { summary: "x".repeat(1001) }, "summary", "contactErrors.summaryTooLong"],
    ["an oversized note", { internalNote: "x".repeat(2001) }, "internalNote", "contactErrors.noteTooLong"],
    ["a contact in the future", { occurredOn: iso(new Date(today().getTime() + DAY)) }, "occurredOn", "contactErrors.occurredInFuture"],
    ["a follow-up in the past", { followUpOn: iso(new Date(today().getTime() - DAY)) }, "followUpOn", "contactErrors.followUpInPast"],
    ["no guardian", { guardianIds: [] }, "guardianIds", "contactErrors.guardians"],
    ["no tone", { tone: undefined }, "tone", "contactErrors.tone"],
    ["an unknown kind", { kind: "PIGEON" }, "kind", "contactErrors.kind"],
    ["a malformed date", { occurredOn: "23-11-2026" }, "occurredOn", "contactErrors.occurredOn"],
  ];
  for (const [name, overrides, field, key] of cases) {
    it(name, () => {
      const result = ContactMomentInput.safeParse({
        pupilId: "p", idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL",
        guardianIds: ["g"], summary: "ok", occurredOn: iso(today()), ...overrides,
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(key);
    });
  }

  it("accepts today, an empty note and a follow-up from today on", () => {
    const result = ContactMomentInput.safeParse({
      pupilId: "p", idempotencyKey: randomUUID(), kind: "PHONE_CALL", initiatedBy: "SCHOOL", tone: "NEUTRAL",
      guardianIds: ["g", "g"], summary: " ok ", internalNote: "", occurredOn: iso(today()), followUpOn: iso(today()),
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ summary: "ok", internalNote: null, guardianIds: ["g"] });
  });
});

describe("what guardians see", () => {
  it("the summary, never the internal note", async () => {
    const parent = await actorOf(world.parentA.user.id);
    const child = await getChildDetail(parent, world.pupilA.id);
    expect(child.contacts.length).toBeGreaterThan(0);
    expect(child.contacts[0].summary).toBe("Fijn gesprek over de goede start.");
    expect(JSON.stringify(child)).not.toContain("GEHEIM-INTERN-12345");
  });
});

describe("corrections", () => {
  it("within 24 hours by the author only; later it is read-only", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const id = await logContactMoment(mentor, input({ summary: "Eerste versie" }));
    await correctContactMoment(mentor, id, input({ summary: "Gecorrigeerd" }));
    expect((await db.contactMoment.findUniqueOrThrow({ where: { id } })).summary).toBe("Gecorrigeerd");

    const tomorrow = new Date(Date.now() + DAY + 60_000);
    await expect(correctContactMoment(mentor, id, input({ summary: "Te laat" }), tomorrow)).rejects.toEqual(new AppError("conflict"));
    const otherMentor = await actorOf(world.mentorB.user.id);
    await expect(correctContactMoment(otherMentor, id, input({ summary: "Niet van mij" }))).rejects.toEqual(new AppError("notFound"));
    expect((await db.contactMoment.findUniqueOrThrow({ where: { id } })).summary).toBe("Gecorrigeerd");
  });
});

describe("the mentor's class list", () => {
  it("another mentor's pupil page answers 404 with an audit row", async () => {
    const otherMentor = await actorOf(world.mentorB.user.id);
    await expectNotFound(getMentorPupil(otherMentor, world.pupilA.id));
    const audit = await db.auditLog.findFirst({ where: { actorUserId: otherMentor.userId, action: "pupil:view", outcome: "DENIED" } });
    expect(audit?.pupilId).toBe(world.pupilA.id);
  });

  it("flags families not reached, and logging a contact clears the flag", async () => {
    const mentor = await actorOf(world.mentorB.user.id);
    const flagged = await listMentorOverview(mentor, { show: "notReached", sort: "name" });
    expect(flagged.rows.map((r) => r.id)).toContain(world.pupilB.id);
    await logContactMoment(mentor, input({ pupilId: world.pupilB.id, guardianIds: [world.parentB.guardian.id] }));
    const after = await listMentorOverview(mentor, { show: "notReached", sort: "name" });
    expect(after.rows.map((r) => r.id)).not.toContain(world.pupilB.id);
    const all = await listMentorOverview(mentor, { show: "all", sort: "name" });
    expect(all.rows.find((r) => r.id === world.pupilB.id)).toMatchObject({ countThisYear: 1, daysSinceLast: 0, notReached: false });
  });

  it("lists due follow-ups", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    await logContactMoment(mentor, input({ followUpOn: iso(dutchToday()), summary: "Bel volgende week terug" }));
    const overview = await listMentorOverview(mentor, { show: "all", sort: "name" });
    expect(overview.followUpsDue).toEqual([expect.objectContaining({ pupilId: world.pupilA.id, summary: "Bel volgende week terug" })]);
  });

  it("makes the same number of queries for 2 pupils as for 32", async () => {
    const mentor = await actorOf(world.mentorA.user.id);
    const measure = async () => {
      const before = queryStats.count;
      await listMentorOverview(mentor, { show: "all", sort: "lastContact" });
      return queryStats.count - before;
    };
    const small = await measure();
    for (let i = 0; i < 30; i++) {
      const pupil = await createPupil(world.school.id, world.classA.id);
      await createGuardianOf([pupil.id]);
    }
    const large = await measure();
    expect((await listMentorOverview(mentor, { show: "all", sort: "name" })).total).toBe(31);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(2);
  });
});
