import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSeedClient, seedDemo } from "@/prisma/seed";
import { getChildDetail, listChildrenOverview, parentOverview } from "@/lib/domain/pupils/queries";
import { listOwnGuardians } from "@/lib/domain/consent/queries";
import { listMentorOverview } from "@/lib/domain/contacts/queries";
import { verifyPassword } from "@/lib/auth/password";
import { ageStage, rightsMoment } from "@/lib/auth/guardian-rights";
import { actorOf } from "@/tests/factories";
import { getThresholdList } from "@/lib/domain/attendance/threshold-queries";
import { listChildAccess, listSchoolAccess } from "@/lib/domain/privacy/queries";
import { openQuestionsForMentor } from "@/lib/domain/questions/queries";
import { announcementDeliveries, announcementsForGuardian } from "@/lib/domain/announcements/queries";
import { getSchedule } from "@/lib/domain/conferences/schedule-queries";
import { PAST_ROUND_TITLE } from "@/prisma/seed/conference-history";
import { getBookingPage } from "@/lib/domain/conferences/booking-queries";

// The demo-data contract of docs/architecture.md: tests outside this repo rely on it.
const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

beforeAll(async () => {
  const seeder = createSeedClient(process.env.DATABASE_URL!);
  await seedDemo(seeder);
  await seeder.$disconnect();
}, 120_000);

describe("demo data contract", () => {
  it("mentor@ has last month's closed conference round with unmarked bookings of families of the class (not ouder@/ouder2@), one with an interpreter", async () => {
    const actor = await actorOf(await userId("mentor@demo.test"));
    const round = await db.conferenceRound.findFirstOrThrow({ where: { title: PAST_ROUND_TITLE }, select: { id: true, bookingClosesAt: true, classes: { select: { classGroupId: true } } } });
    expect(round.bookingClosesAt.getTime()).toBeLessThan(Date.now());
    expect(actor.mentorOf).toContain(round.classes[0].classGroupId);
    const schedule = await getSchedule(actor, round.id);
    const booked = schedule.evenings.flatMap((e) => e.rows).filter((r) => r.booking);
    expect(schedule.evenings).toHaveLength(1);
    expect(booked.length).toBeGreaterThanOrEqual(3);
    expect(booked.every((r) => r.booking!.attendance === null && r.booking!.markable)).toBe(true);
    expect(booked.some((r) => r.booking!.interpreterLanguage)).toBe(true);
    const demoGuardians = await db.conferenceBookingGuardian.count({ where: { booking: { roundId: round.id }, guardian: { user: { email: { endsWith: "@demo.test" } } } } });
    expect(demoGuardians).toBe(0);
  });

  it("has a few days of 'who looked': leider@'s privacy view and ouder@'s first child show staff looks and refusals", async () => {
    const first = { cursor: null, direction: "older" as const };
    const school = await listSchoolAccess(await actorOf(await userId("leider@demo.test")), {}, first);
    expect(school.total).toBeGreaterThanOrEqual(7);
    expect(school.rows.some((r) => r.outcome === "DENIED" && r.pupil === null && r.askedId)).toBe(true);
    const [child] = await listChildrenOverview(await actorOf(await userId("ouder@demo.test")));
    const looks = await listChildAccess(await actorOf(await userId("ouder@demo.test")), child.id, first);
    expect(new Set(looks.rows.map((r) => r.role))).toEqual(new Set(["MENTOR", "ATTENDANCE_OFFICER", "LEADER", "ADMIN"]));
  });

  it("mentor@ has an open call-back request and an answered question of other families, and sent ouder@'s class an announcement", async () => {
    const mentor = await actorOf(await userId("mentor@demo.test"));
    const open = await openQuestionsForMentor(mentor);
    expect(open.rows.map((r) => r.kind)).toContain("CALL_BACK");
    const questions = await db.mentorQuestion.findMany({ where: { pupil: { classGroupId: { in: mentor.mentorOf } } }, select: { kind: true, answer: true, guardian: { select: { user: { select: { email: true } } } } } });
    expect(questions.some((q) => q.kind === "QUESTION" && q.answer)).toBe(true);
    expect(questions.every((q) => !q.guardian.user.email?.endsWith("@demo.test"))).toBe(true);
    const [sent] = await announcementDeliveries(mentor);
    expect(sent.total).toBeGreaterThan(0);
    expect(sent.delivered).toBe(sent.total);
    expect((await announcementsForGuardian(await actorOf(await userId("ouder@demo.test")))).map((a) => a.id)).toContain(sent.id);
    expect(await announcementsForGuardian(await actorOf(await userId("ouder3@demo.test")))).toEqual([]);
  });

  it("has an open conference round for mentor@'s class: shared, two evenings from tomorrow, some slots booked by other families", async () => {
    const ouder = await actorOf(await userId("ouder@demo.test"));
    const [child] = await listChildrenOverview(ouder);
    const [round] = await getBookingPage(ouder);
    expect(round.open).toBe(true);
    expect(round.parentMode).toBe("SHARED");
    expect(round.children.map((c) => c.pupilId)).toEqual([child.id]);
    const host = round.children[0].hosts[0];
    expect(host.isMentor).toBe(true);
    expect(host.booking).toBeNull();
    expect(host.sharedBooking).toBeNull();
    expect(host.evenings).toHaveLength(2);
    // 18:30–21:00 in 10-minute slots is 15 per evening; other families hold some of them.
    expect(host.evenings[0].slots.length).toBeLessThan(15);
    expect(host.evenings[0].slots.length).toBeGreaterThan(8);
    const booked = await db.conferenceBooking.findMany({ where: { roundId: round.id }, select: { bookedBy: { select: { user: { select: { email: true } } } } } });
    expect(booked.length).toBeGreaterThanOrEqual(3);
    for (const b of booked) expect(["ouder@demo.test", "ouder2@demo.test"]).not.toContain(b.bookedBy.user.email);
    expect((await getBookingPage(await actorOf(await userId("ouder2@demo.test"))))[0]?.id).toBe(round.id);
  });

  it("every demo account signs in with the demo password", async () => {
    for (const email of ["ouder", "ouder2", "ouder3", "mentor", "mentor2", "leider", "beheer", "leerling", "verzuim", "stiefouder", "beperkt", "docent", "leerling17", "ouder4"].map((n) => `${n}@demo.test`)) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      expect(await verifyPassword(user.passwordHash, "schoolkompas")).toBe(true);
    }
  });

  it("ouder@ sees two children at two schools, the first in mentor@'s class; ouder2@ is Arabic and sees the first", async () => {
    const children = await listChildrenOverview(await actorOf(await userId("ouder@demo.test")));
    expect(children).toHaveLength(2);
    expect(new Set(children.map((c) => c.school)).size).toBe(2);
    for (const child of children) expect(child.latest.length).toBeGreaterThan(0);

    const mentor = await actorOf(await userId("mentor@demo.test"));
    const mentorList = await listMentorOverview(mentor, { show: "all", sort: "name" });
    expect(mentorList.rows.map((r) => r.id)).toContain(children[0].id);

    const ouder2 = await actorOf(await userId("ouder2@demo.test"));
    expect(ouder2.locale).toBe("ar");
    expect((await listChildrenOverview(ouder2)).map((c) => c.id)).toEqual([children[0].id]);

    const ouder3 = await listChildrenOverview(await actorOf(await userId("ouder3@demo.test")));
    expect(ouder3.map((c) => c.id)).not.toContain(children[0].id);
    expect(ouder3.map((c) => c.id)).not.toContain(children[1].id);
  });

  it("ouder@'s first child's school has an upcoming parent evening asking for a reply, an information evening for one year, and a past event", async () => {
    const ouder = await actorOf(await userId("ouder@demo.test"));
    const [first] = await listChildrenOverview(ouder);
    const child = await getChildDetail(ouder, first.id);
    const evening = child.events.find((e) => e.kind === "PARENT_EVENING");
    expect(evening?.asksReply).toBe(true);
    expect(child.events.some((e) => e.kind === "INFORMATION_EVENING")).toBe(true);
    const school = (await db.pupil.findUniqueOrThrow({ where: { id: first.id } })).schoolId;
    const info = await db.schoolEvent.findFirstOrThrow({ where: { schoolId: school, kind: "INFORMATION_EVENING" } });
    expect(info.audience).toBe("YEARS");
    expect(info.audienceYears).toHaveLength(1);
    expect(await db.schoolEvent.count({ where: { schoolId: school, endsAt: { lt: new Date() } } })).toBeGreaterThanOrEqual(1);
    // ouder2@ (the other household) sees the same evening.
    const ouder2 = await actorOf(await userId("ouder2@demo.test"));
    expect((await getChildDetail(ouder2, first.id)).events.map((e) => e.id)).toContain(evening!.id);
  });

  it("mentor2@ teaches another class at the same school, led by leider@", async () => {
    const mentor = await actorOf(await userId("mentor@demo.test"));
    const mentor2 = await actorOf(await userId("mentor2@demo.test"));
    const leader = await actorOf(await userId("leider@demo.test"));
    expect(mentor2.schoolId).toBe(mentor.schoolId);
    expect(mentor2.mentorOf.some((id) => mentor.mentorOf.includes(id))).toBe(false);
    expect(leader).toMatchObject({ role: "LEADER", schoolId: mentor.schoolId });
    expect((await actorOf(await userId("beheer@demo.test"))).boardId).not.toBeNull();
  });

  it("docent@ mentors a class at that school and, as parent, sees only his own daughter in mentor2@'s class", async () => {
    const id = await userId("docent@demo.test");
    const first = await actorOf(id);
    expect(first.memberships.map((m) => m.role)).toEqual(["MENTOR", "PARENT"]);
    expect(first.role).toBe("MENTOR");
    const mentor2 = await actorOf(await userId("mentor2@demo.test"));
    const asMentor = await listMentorOverview(first, { show: "all", sort: "name" });
    expect(asMentor.rows.length).toBeGreaterThan(0);
    const { loadActor } = await import("@/lib/auth/actor");
    const parentRole = first.memberships.find((m) => m.role === "PARENT")!;
    const asParent = (await loadActor(id, 1, parentRole.id))!;
    const children = await listChildrenOverview(asParent);
    expect(children.map((c) => c.firstName)).toEqual(["Ayla"]);
    const classOf = await db.pupil.findUniqueOrThrow({ where: { id: children[0].id }, select: { classGroupId: true } });
    expect(mentor2.mentorOf).toContain(classOf.classGroupId);
    expect(asMentor.rows.map((r) => r.id)).not.toContain(children[0].id);
  });

  it("verzuim@ keeps attendance at that school, whose calendar has its holidays", async () => {
    const mentor = await actorOf(await userId("mentor@demo.test"));
    const officer = await actorOf(await userId("verzuim@demo.test"));
    expect(officer).toMatchObject({ role: "ATTENDANCE_OFFICER", schoolId: mentor.schoolId });
    const holidays = await db.schoolHoliday.findMany({ where: { schoolId: officer.schoolId! } });
    expect(holidays.map((h) => h.name)).toEqual(expect.arrayContaining(["summer", "autumn", "christmas", "spring", "may"]));
    const messages = await db.notification.groupBy({ by: ["channel", "locale", "status"], where: { schoolId: officer.schoolId! }, _count: true });
    expect(messages.every((m) => m.status === "DELIVERED")).toBe(true);
    const sample = await db.notification.findFirstOrThrow({ where: { schoolId: officer.schoolId!, channel: "EMAIL", locale: "nl" } });
    expect(sample.body).toMatch(/^Beste ouder of verzorger,\n\n/);
    expect(new Set(messages.map((m) => m.channel))).toEqual(new Set(["EMAIL", "SMS", "PORTAL"]));
    const guardians = await db.guardian.groupBy({ by: ["alertChannel"], _count: true });
    expect(guardians.map((g) => g.alertChannel).sort()).toEqual(["EMAIL", "PORTAL", "SMS"]);
  });

  it("puts pupils of the demo school over and near the 16 hours of unauthorised absence", async () => {
    const list = await getThresholdList(await actorOf(await userId("verzuim@demo.test")));
    expect(list.over.length).toBeGreaterThanOrEqual(2);
    expect(list.near.length).toBeGreaterThanOrEqual(2);
    expect(list.over.every((p) => p.minutes >= 960)).toBe(true);
  });

  it("leerling@ is 18 or older and has guardians to decide about: one allowed, one refused", async () => {
    const actor = await actorOf(await userId("leerling@demo.test"));
    const pupil = await db.pupil.findUniqueOrThrow({ where: { id: actor.pupilId! }, include: { guardianLinks: { orderBy: { createdAt: "asc" } } } });
    expect(ageStage(pupil.birthDate, rightsMoment())).toBe("adult");
    expect(pupil.guardianLinks.map((l) => [l.consentGrantedAt !== null, l.consentWithdrawnAt !== null])).toEqual([[true, false], [false, true]]);
    const own = await listOwnGuardians(actor);
    expect(own?.guardians.map((g) => g.consent)).toEqual(["granted", "withdrawn"]);
  });

  it("leerling17@ is 16 or 17; her father ouder4@ sees that and when she was absent, not the reasons she gave", async () => {
    const actor = await actorOf(await userId("leerling17@demo.test"));
    expect((await listOwnGuardians(actor))?.stage).toBe("ownReasons");
    const father = await actorOf(await userId("ouder4@demo.test"));
    const [child] = await listChildrenOverview(father);
    const detail = await getChildDetail(father, child.id);
    expect(detail.rights).toMatchObject({ basis: "authority", see: { absences: true, absenceReasons: false } });
    const own = await db.absenceRecord.count({ where: { pupilId: child.id, pupilReason: { not: null } } });
    expect(own).toBeGreaterThanOrEqual(2);
    expect(detail.absences.length).toBeGreaterThan(0);
    expect(detail.absences.every((a) => a.pupilReason === null)).toBe(true);
  });

  it("stiefouder@ may ask for information about Lotte (art. 1:377c), and sees nothing of her yet", async () => {
    const { children, askable } = await parentOverview(await actorOf(await userId("stiefouder@demo.test")));
    expect(children).toEqual([]);
    expect(askable.map((c) => c.firstName)).toEqual(["Lotte"]);
  });

  it("has four or more schools with three published years of indicators and a draft year, and families the mentor has not reached", async () => {
    const schools = await db.school.findMany({ include: { indicatorValues: { select: { schoolYearId: true, publishedAt: true, draftValue: true } } } });
    expect(schools.length).toBeGreaterThanOrEqual(4);
    for (const s of schools) {
      expect(new Set(s.indicatorValues.filter((v) => v.publishedAt).map((v) => v.schoolYearId)).size).toBe(3);
      const drafts = s.indicatorValues.filter((v) => !v.publishedAt);
      expect(new Set(drafts.map((v) => v.schoolYearId)).size).toBe(1);
      expect(drafts.every((v) => v.draftValue !== null)).toBe(true);
    }
    const mentor = await actorOf(await userId("mentor@demo.test"));
    expect((await listMentorOverview(mentor, { show: "all", sort: "name" })).notReachedCount).toBeGreaterThan(0);
  });
});
