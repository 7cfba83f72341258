import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { EventInput } from "@/lib/domain/events/schemas";
import { EventValidationError, cancelEvent, createEvent, replyToEvent, setEventPlanner, updateEvent } from "@/lib/domain/events/commands";
import { calendarEvents, plannerOverview } from "@/lib/domain/events/queries";
import { eventsCalendar } from "@/lib/domain/events/ics";
import { getChildDetail, parentOverview } from "@/lib/domain/pupils/queries";
import { getPersonalData } from "@/lib/domain/data-access/queries";
import { actorOf, createGuardianOf, createMentor, createPupil, createSchool, createUser, type LinkOptions } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

// Events (issue 16, item 1) on a fixed clock: 1 October 2026, school year
// 2026-2027, so the October clock change (25 October 2026) is ahead.
const NOW = new Date("2026-10-01T10:00:00Z");
const clock = { now: NOW };

type World = Awaited<ReturnType<typeof makeSchool>>;
let a: World;
let b: World;

async function makeSchool() {
  const { school } = await createSchool();
  const year = await db.schoolYear.upsert({
    where: { name: "2026-2027" }, update: {},
    create: { name: "2026-2027", startsOn: new Date("2026-08-01"), endsOn: new Date("2027-07-31") },
  });
  const class2A = await db.classGroup.create({ data: { schoolId: school.id, schoolYearId: year.id, name: `2A-${randomUUID().slice(0, 4)}`, year: 2, track: "HAVO" } });
  const class3B = await db.classGroup.create({ data: { schoolId: school.id, schoolYearId: year.id, name: `3B-${randomUUID().slice(0, 4)}`, year: 3, track: "HAVO" } });
  const leaderUser = await createUser("LEADER", { schoolId: school.id });
  await db.staff.create({ data: { userId: leaderUser.id, schoolId: school.id } });
  const mentor = await createMentor(school.id, [class2A.id]);
  const pupil2A = await createPupil(school.id, class2A.id);
  const pupil3B = await createPupil(school.id, class3B.id);
  const parent = await createGuardianOf([pupil2A.id, pupil3B.id]);
  return { school, year, class2A, class3B, leaderUser, mentor, pupil2A, pupil3B, parent };
}

const leader = (w: World) => actorOf(w.leaderUser.id);
const parentOf = (w: World) => actorOf(w.parent.user.id);

/** The form as a browser sends it, parsed by the shared schema. */
function input(overrides: Record<string, unknown> = {}) {
  const parsed = EventInput.safeParse({
    idempotencyKey: randomUUID(), kind: "PARENT_EVENING", title: "Ouderavond", description: "Koffie staat klaar", place: "Aula",
    startsAt: "2026-10-20T19:30", endsAt: "2026-10-20T21:00", audience: "SCHOOL", years: [], classIds: [], asksReply: true, ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

function schemaErrors(overrides: Record<string, unknown>) {
  const parsed = EventInput.safeParse({
    idempotencyKey: randomUUID(), kind: "PARENT_EVENING", title: "Ouderavond", startsAt: "2026-10-20T19:30", endsAt: "2026-10-20T21:00",
    audience: "SCHOOL", years: [], classIds: [], asksReply: false, ...overrides,
  });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
}

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EventValidationError);
  return (error as EventValidationError).fieldErrors;
}

const eventCount = (schoolId: string) => db.schoolEvent.count({ where: { schoolId } });
const deniedRows = (action: string, pupilId: string) => db.auditLog.count({ where: { action, outcome: "DENIED", pupilId } });

beforeAll(async () => {
  a = await makeSchool();
  b = await makeSchool();
});

describe("the event form's schema", () => {
  it("refuses bad input with catalogue keys", () => {
    expect(schemaErrors({ endsAt: "2026-10-20T19:00" })).toEqual({ endsAt: "eventErrors.endBeforeStart" });
    expect(schemaErrors({ endsAt: "2026-10-20T19:30" })).toEqual({ endsAt: "eventErrors.endBeforeStart" });
    expect(schemaErrors({ title: "x".repeat(121) })).toEqual({ title: "eventErrors.titleTooLong" });
    expect(schemaErrors({ title: "   " })).toEqual({ title: "eventErrors.titleRequired" });
    expect(schemaErrors({ place: "x".repeat(201) })).toEqual({ place: "eventErrors.placeTooLong" });
    expect(schemaErrors({ description: "x".repeat(2001) })).toEqual({ description: "eventErrors.descriptionTooLong" });
    expect(schemaErrors({ kind: "PARTY" })).toEqual({ kind: "eventErrors.kind" });
    expect(schemaErrors({ startsAt: "2026-02-30T19:30" })).toEqual({ startsAt: "eventErrors.startInvalid" });
    // 02:30 on 29 March 2026 does not exist in the Netherlands.
    expect(schemaErrors({ startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T04:00" })).toEqual({ startsAt: "eventErrors.startInvalid" });
    expect(schemaErrors({ audience: "YEARS" })).toEqual({ years: "eventErrors.yearsRequired" });
    expect(schemaErrors({ audience: "YEARS", years: ["7"] })).toEqual({ years: "eventErrors.years" });
    expect(schemaErrors({ audience: "CLASSES" })).toEqual({ classIds: "eventErrors.classesRequired" });
    expect(schemaErrors({ endsAt: "2026-10-29T21:00" })).toEqual({ endsAt: "eventErrors.tooLong" });
    expect(schemaErrors({ idempotencyKey: "not-a-uuid" })).toEqual({ idempotencyKey: "eventErrors.invalid" });
  });

  it("reads Dutch wall-clock time on both sides of the October clock change, and keeps only the chosen audience's list", () => {
    expect(input({ startsAt: "2026-10-24T19:30", endsAt: "2026-10-24T21:00" }).startsAt.toISOString()).toBe("2026-10-24T17:30:00.000Z");
    expect(input({ startsAt: "2026-10-26T19:30", endsAt: "2026-10-26T21:00" }).startsAt.toISOString()).toBe("2026-10-26T18:30:00.000Z");
    const picked = input({ audience: "YEARS", years: ["3", "2", "3"], classIds: ["x"] });
    expect({ years: picked.years, classIds: picked.classIds }).toEqual({ years: [2, 3], classIds: [] });
  });
});

describe("planning", () => {
  it("a leader plans an event for classes; the same form twice is one event", async () => {
    const form = input({ audience: "CLASSES", classIds: [a.class2A.id] });
    const first = await createEvent(await leader(a), form, clock);
    const again = await createEvent(await leader(a), form, clock);
    expect(again).toEqual({ id: first.id, created: false });
    const stored = await db.schoolEvent.findUniqueOrThrow({ where: { id: first.id }, include: { classes: true } });
    expect(stored).toMatchObject({ schoolId: a.school.id, schoolYearId: a.year.id, audience: "CLASSES", asksReply: true, title: "Ouderavond", place: "Aula" });
    expect(stored.classes.map((c) => c.classGroupId)).toEqual([a.class2A.id]);
    expect(await db.schoolEvent.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });

  it("refuses another school's class, a start in the past or outside any school year: nothing written", async () => {
    const before = await eventCount(a.school.id);
    expect(await fieldErrors(createEvent(await leader(a), input({ audience: "CLASSES", classIds: [a.class2A.id, b.class2A.id] }), clock))).toEqual({ classIds: "eventErrors.classes" });
    expect(await fieldErrors(createEvent(await leader(a), input({ startsAt: "2026-09-30T19:30", endsAt: "2026-09-30T21:00" }), clock))).toEqual({ startsAt: "eventErrors.inPast" });
    expect(await fieldErrors(createEvent(await leader(a), input({ startsAt: "2031-10-20T19:30", endsAt: "2031-10-20T21:00" }), clock))).toEqual({ startsAt: "eventErrors.noSchoolYear" });
    expect(await eventCount(a.school.id)).toBe(before);
    expect(await db.schoolEventClass.count({ where: { classGroupId: b.class2A.id } })).toBe(0);
  });

  it("a mentor plans only once the leader allows it; a parent never; another school's leader cannot allow", async () => {
    const mentor = await actorOf(a.mentor.user.id);
    await expect(createEvent(mentor, input(), clock)).rejects.toEqual(new AppError("forbidden"));
    await expect(setEventPlanner(await leader(b), a.mentor.staff.id, true)).rejects.toEqual(new AppError("notFound"));
    await expect(setEventPlanner(mentor, a.mentor.staff.id, true)).rejects.toEqual(new AppError("forbidden"));
    await setEventPlanner(await leader(a), a.mentor.staff.id, true);
    await setEventPlanner(await leader(a), a.mentor.staff.id, true);
    expect((await createEvent(mentor, input(), clock)).created).toBe(true);
    await setEventPlanner(await leader(a), a.mentor.staff.id, false);
    await expect(createEvent(mentor, input(), clock)).rejects.toEqual(new AppError("forbidden"));
    await expect(createEvent(await parentOf(a), input(), clock)).rejects.toEqual(new AppError("forbidden"));
  });

  it("edits replace the fields and classes in one go; another school's event is not found; a cancelled one cannot change", async () => {
    const { id } = await createEvent(await leader(a), input({ audience: "CLASSES", classIds: [a.class2A.id] }), clock);
    await updateEvent(await leader(a), id, input({ title: "Ouderavond (nieuw)", audience: "YEARS", years: ["3"], classIds: [a.class2A.id] }), clock);
    const stored = await db.schoolEvent.findUniqueOrThrow({ where: { id }, include: { classes: true } });
    expect(stored).toMatchObject({ title: "Ouderavond (nieuw)", audience: "YEARS", audienceYears: [3] });
    expect(stored.classes).toEqual([]);
    // Another school's class in an edit: refused, the event unchanged.
    expect(await fieldErrors(updateEvent(await leader(a), id, input({ audience: "CLASSES", classIds: [b.class3B.id] }), clock))).toEqual({ classIds: "eventErrors.classes" });
    expect((await db.schoolEvent.findUniqueOrThrow({ where: { id } })).audience).toBe("YEARS");
    await expect(updateEvent(await leader(b), id, input(), clock)).rejects.toEqual(new AppError("notFound"));
    await cancelEvent(await leader(a), id, clock);
    await cancelEvent(await leader(a), id, { now: new Date(NOW.getTime() + 60_000) });
    expect((await db.schoolEvent.findUniqueOrThrow({ where: { id } })).cancelledAt).toEqual(NOW);
    expect(await fieldErrors(updateEvent(await leader(a), id, input(), clock))).toEqual({ _form: "eventErrors.cancelled" });
    await expect(cancelEvent(await leader(b), id, clock)).rejects.toEqual(new AppError("notFound"));
  });
});

describe("parents see the events meant for their child", () => {
  it("by school, year and class; cancelled ones marked; past ones and another school's not", async () => {
    const w = await makeSchool();
    const lead = await leader(w);
    const whole = await createEvent(lead, input({ title: "Open avond" }), clock);
    const year3 = await createEvent(lead, input({ title: "Profielkeuze", audience: "YEARS", years: ["3"] }), clock);
    const class2A = await createEvent(lead, input({ title: "Klas 2A", audience: "CLASSES", classIds: [w.class2A.id] }), clock);
    const cancelled = await createEvent(lead, input({ title: "Gaat niet door" }), clock);
    await cancelEvent(lead, cancelled.id, clock);
    const past = await createEvent(lead, input({ title: "Voorbij", startsAt: "2026-10-02T19:30", endsAt: "2026-10-02T21:00" }), clock);
    await createEvent(await leader(b), input({ title: "Andere school" }), clock);
    const later = new Date("2026-10-05T10:00:00Z");
    const parent = await parentOf(w);
    const ids = async (pupilId: string, at: Date) => (await getChildDetail(parent, pupilId, at)).events.map((e) => e.id);
    expect(new Set(await ids(w.pupil2A.id, later))).toEqual(new Set([whole.id, class2A.id, cancelled.id]));
    expect(new Set(await ids(w.pupil3B.id, later))).toEqual(new Set([whole.id, year3.id, cancelled.id]));
    expect(await ids(w.pupil2A.id, NOW)).toContain(past.id);
    const detail = await getChildDetail(parent, w.pupil2A.id, later);
    expect(detail.events.find((e) => e.id === cancelled.id)?.cancelledAt).toEqual(NOW);
    const overview = await parentOverview(parent, later);
    expect(overview.children.map((c) => c.events.length)).toEqual([3, 3]);
  });

  it("a parent of another school, a restricted link or a guardian without rights sees nothing; an information grant sees them", async () => {
    const w = await makeSchool();
    const { id } = await createEvent(await leader(w), input(), clock);
    const other = await parentOf(b);
    const theirs = (await parentOverview(other, NOW)).children.flatMap((c) => c.events.map((e) => e.id));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs).not.toContain(id);
    expect((await calendarEvents(other, {}, NOW)).events.map((e) => e.id)).not.toContain(id);
    await expectNotFound(getChildDetail(other, w.pupil2A.id, NOW));
    const linked = async (link: LinkOptions) => actorOf((await createGuardianOf([w.pupil2A.id], link)).user.id);
    for (const link of [{ accessRestricted: true }, { hasParentalAuthority: false }] satisfies LinkOptions[]) {
      const guardian = await linked(link);
      expect((await parentOverview(guardian, NOW)).children).toEqual([]);
      await expectNotFound(calendarEvents(guardian, { pupilId: w.pupil2A.id }, NOW));
      expect((await calendarEvents(guardian, {}, NOW)).events).toEqual([]);
    }
    expect(await deniedRows("event:calendar", w.pupil2A.id)).toBe(2);
    const informed = await linked({ hasParentalAuthority: false, informationGrantedAt: NOW, informationCategories: ["RESULTS"] });
    expect((await getChildDetail(informed, w.pupil2A.id, NOW)).events).toHaveLength(1);
  });
});

describe("replies", () => {
  it("one answer per guardian and child, changeable; twice (also at once) is one row; the planner sees the counts", async () => {
    const w = await makeSchool();
    const { id } = await createEvent(await leader(w), input({ asksReply: true }), clock);
    const parent = await parentOf(w);
    const reply = (pupilId: string, answer: "COMING" | "NOT_COMING") => replyToEvent(parent, { eventId: id, pupilId, answer }, clock);
    await Promise.all([reply(w.pupil2A.id, "COMING"), reply(w.pupil2A.id, "COMING")]);
    await reply(w.pupil2A.id, "COMING");
    expect(await db.schoolEventReply.count({ where: { eventId: id } })).toBe(1);
    await reply(w.pupil2A.id, "NOT_COMING");
    await reply(w.pupil3B.id, "COMING");
    expect((await getChildDetail(parent, w.pupil2A.id, NOW)).events.find((e) => e.id === id)?.answer).toBe("NOT_COMING");
    const second = await createGuardianOf([w.pupil2A.id]);
    await replyToEvent(await actorOf(second.user.id), { eventId: id, pupilId: w.pupil2A.id, answer: "COMING" }, clock);
    const planned = (await plannerOverview(await leader(w), NOW)).events.find((e) => e.id === id);
    expect(planned?.replies).toEqual({ COMING: 2, NOT_COMING: 1 });
    // The right of access (AVG art. 15) holds the guardian's own answers, not the other guardian's.
    const data = await getPersonalData(parent, NOW);
    expect(data.pupils.find((p) => p.id === w.pupil2A.id)?.eventReplies).toEqual([
      { event: "Ouderavond", startsAt: "2026-10-20T17:30:00.000Z", answer: "NOT_COMING", answeredAt: expect.any(String) },
    ]);
  });

  it("refuses another family's child, an event not for the child, one that asks nothing or was cancelled: 404, audit, nothing written", async () => {
    const w = await makeSchool();
    const lead = await leader(w);
    const asks = await createEvent(lead, input({ asksReply: true }), clock);
    const silent = await createEvent(lead, input({ asksReply: false }), clock);
    const for3B = await createEvent(lead, input({ asksReply: true, audience: "CLASSES", classIds: [w.class3B.id] }), clock);
    const gone = await createEvent(lead, input({ asksReply: true }), clock);
    await cancelEvent(lead, gone.id, clock);
    const parent = await parentOf(w);
    await expectNotFound(replyToEvent(await parentOf(b), { eventId: asks.id, pupilId: w.pupil2A.id, answer: "COMING" }, clock));
    for (const eventId of [silent.id, for3B.id, gone.id, "no-such-event"]) {
      await expectNotFound(replyToEvent(parent, { eventId, pupilId: w.pupil2A.id, answer: "COMING" }, clock));
    }
    expect(await deniedRows("event:reply", w.pupil2A.id)).toBe(5);
    expect(await db.schoolEventReply.count({ where: { pupilId: w.pupil2A.id } })).toBe(0);
    await expect(replyToEvent(lead, { eventId: asks.id, pupilId: w.pupil2A.id, answer: "COMING" }, clock)).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("calendar files", () => {
  it("parse back with start and end in UTC on both sides of the October clock change, with summary and place", async () => {
    const w = await makeSchool();
    const lead = await leader(w);
    const before = await createEvent(lead, input({ title: "Ouderavond; \"oktober\", deel 1", place: "Aula, hoofdgebouw", startsAt: "2026-10-24T19:30", endsAt: "2026-10-24T21:00" }), clock);
    const after = await createEvent(lead, input({ title: "Informatieavond", place: "Mediatheek", startsAt: "2026-10-26T19:30", endsAt: "2026-10-26T21:00", audience: "YEARS", years: ["3"] }), clock);
    const parent = await parentOf(w);
    const parse = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const child = await calendarEvents(parent, { pupilId: w.pupil3B.id }, NOW);
    const events = parse(eventsCalendar("School", child.events, NOW));
    expect(events.map((e) => ({ uid: e.uid, summary: e.summary, location: e.location, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() }))).toEqual([
      { uid: `${before.id}@schoolkompas`, summary: "Ouderavond; \"oktober\", deel 1", location: "Aula, hoofdgebouw", start: "2026-10-24T17:30:00.000Z", end: "2026-10-24T19:00:00.000Z" },
      { uid: `${after.id}@schoolkompas`, summary: "Informatieavond", location: "Mediatheek", start: "2026-10-26T18:30:00.000Z", end: "2026-10-26T20:00:00.000Z" },
    ]);
    // Written in UTC ("Z"), so no calendar has to guess the zone.
    expect(eventsCalendar("School", child.events, NOW)).toContain("DTSTART:20261024T173000Z");
    // One event; the other child (not in year 3) gets only the first; all children: each event once.
    expect(parse(eventsCalendar("x", (await calendarEvents(parent, { pupilId: w.pupil3B.id, eventId: after.id }, NOW)).events)).map((e) => e.summary)).toEqual(["Informatieavond"]);
    expect((await calendarEvents(parent, { pupilId: w.pupil2A.id }, NOW)).events.map((e) => e.id)).toEqual([before.id]);
    expect((await calendarEvents(parent, {}, NOW)).events.map((e) => e.id)).toEqual([before.id, after.id]);
    // An event that is not for that child: 404 and a row naming the child.
    await expectNotFound(calendarEvents(parent, { pupilId: w.pupil2A.id, eventId: after.id }, NOW));
    expect(await deniedRows("event:calendar", w.pupil2A.id)).toBe(1);
  });
});
