import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { smsSegments } from "@/lib/notifications/templates";
import { AnnouncementInput } from "@/lib/domain/announcements/schemas";
import { AnnouncementValidationError, sendAnnouncement } from "@/lib/domain/announcements/commands";
import { announcementDeliveries, announcementsForGuardian } from "@/lib/domain/announcements/queries";
import { deliverNotification } from "@/lib/notifications/deliver";
import { DeliveryError, type OutgoingMessage } from "@/lib/notifications/transports/types";
import { actorOf, createFamilies, createGuardianOf, createPupil } from "@/tests/factories";
import { createLeader } from "@/tests/factories/absence";

// Class announcements (issue 16, item 4): who receives them (the one rule, as
// for absence alerts), one message per guardian, in their language and
// channel, idempotent, and the sender's delivery counts.

type World = Awaited<ReturnType<typeof createFamilies>>;
let w: World;
const NOW = new Date("2026-12-07T10:00:00Z");
const input = (classIds: string[], overrides: Record<string, unknown> = {}) =>
  AnnouncementInput.parse({ idempotencyKey: randomUUID(), subject: "Excursie vrijdag", body: "We gaan vrijdag naar het museum. <i>Neem lunch mee.</i>", wholeSchool: false, classIds, ...overrides });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let expected: string[];
let notExpected: string[];
let twoChildren: { guardianId: string; userId: string };
let arabicSms: string;

beforeAll(async () => {
  w = await createFamilies();
  const sibling = await createPupil(w.school.id, w.classA.id);
  const both = await createGuardianOf([w.pupilA.id, sibling.id]);
  twoChildren = { guardianId: both.guardian.id, userId: both.user.id };
  const arabic = await createGuardianOf([sibling.id]);
  await db.user.update({ where: { id: arabic.user.id }, data: { locale: "ar" } });
  await db.guardian.update({ where: { id: arabic.guardian.id }, data: { alertChannel: "SMS", phone: "+31611111111" } });
  arabicSms = arabic.guardian.id;
  const noAuthority = await createGuardianOf([w.pupilA.id], { hasParentalAuthority: false });
  const restricted = await createGuardianOf([w.pupilA.id], { accessRestricted: true });
  const adult = await createPupil(w.school.id, w.classA.id, { birthDate: day("2000-01-01") });
  const adultNoConsent = await createGuardianOf([adult.id], { hasParentalAuthority: false });
  const adultConsent = await createGuardianOf([adult.id], { hasParentalAuthority: false, consentGrantedAt: day("2026-01-01") });
  const blocked = await createGuardianOf([w.pupilA.id]);
  await db.user.update({ where: { id: blocked.user.id }, data: { disabledAt: NOW } });
  expected = [w.parentA.guardian.id, both.guardian.id, arabic.guardian.id, adultConsent.guardian.id].sort();
  notExpected = [noAuthority.guardian.id, restricted.guardian.id, adultNoConsent.guardian.id, blocked.guardian.id, w.parentB.guardian.id];
});

describe("sending", () => {
  it("reaches every guardian of the class who may receive messages, once each, in their language and channel; twice is once", async () => {
    const mentor = await actorOf(w.mentorA.user.id);
    const form = input([w.classA.id]);
    const sent = await sendAnnouncement(mentor, form, { now: NOW });
    expect(sent).toMatchObject({ created: true, recipients: expected.length });
    expect(await sendAnnouncement(mentor, form, { now: NOW })).toEqual({ id: sent.id, created: false, recipients: expected.length });
    expect(await db.announcement.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
    const messages = await db.notification.findMany({ where: { announcementId: sent.id } });
    expect(messages.map((m) => m.guardianId).sort()).toEqual(expected);
    for (const id of notExpected) expect(messages.some((m) => m.guardianId === id)).toBe(false);
    expect(messages.filter((m) => m.guardianId === twoChildren.guardianId)).toHaveLength(1);

    const email = messages.find((m) => m.guardianId === w.parentA.guardian.id)!;
    expect(email).toMatchObject({ kind: "CLASS_ANNOUNCEMENT", channel: "EMAIL", locale: "nl", status: "PENDING" });
    // The school's own text inside the frame, as typed (plain text).
    expect(email.body).toContain("We gaan vrijdag naar het museum. <i>Neem lunch mee.</i>");
    expect(email.body).toContain("klas 2A");
    const sms = messages.find((m) => m.guardianId === arabicSms)!;
    expect(sms).toMatchObject({ channel: "SMS", locale: "ar", address: "+31611111111" });
    expect(sms.body).toMatch(/[\u0600-\u06FF]/);
    // One Arabic SMS holds 70 characters: no room for the address, so it says to look in the portal ("البوابة").
    expect(smsSegments(sms.body ?? "")).toBe(1);
    expect(sms.body).toContain("البوابة");
    expect(sms.body).not.toContain("/parent/announcements");
    expect(email.body).toContain("/parent/announcements");
    expect(sms.body).not.toContain("museum");
    // Quiet hours: a text message queued at 23:00 waits until 07:30.
    const late = await sendAnnouncement(mentor, input([w.classA.id]), { now: new Date("2026-12-07T22:00:00Z") });
    const lateSms = await db.notification.findFirstOrThrow({ where: { announcementId: late.id, channel: "SMS" } });
    expect(lateSms.sendAfter.toISOString()).toBe("2026-12-08T06:30:00.000Z");
  });

  it("a mentor writes only to their own classes; a foreign class is refused and recorded, nothing written", async () => {
    const mentor = await actorOf(w.mentorA.user.id);
    const before = await db.announcement.count();
    await expect(sendAnnouncement(mentor, input([w.classB.id]), { now: NOW })).rejects.toMatchObject({ code: "notFound" });
    await expect(sendAnnouncement(mentor, input([w.classA.id, w.classB.id]), { now: NOW })).rejects.toMatchObject({ code: "notFound" });
    await expect(sendAnnouncement(mentor, input([], { wholeSchool: true }), { now: NOW })).rejects.toBeInstanceOf(AnnouncementValidationError);
    expect(await db.announcement.count()).toBe(before);
    expect(await db.auditLog.count({ where: { actorUserId: w.mentorA.user.id, action: "announcement:send", outcome: "DENIED", targetId: w.classB.id } })).toBe(2);
    // A parent may not send at all.
    await expect(sendAnnouncement(await actorOf(w.parentA.user.id), input([w.classA.id]), { now: NOW })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the leader writes to the whole school", async () => {
    const leader = await actorOf((await createLeader(w.school.id)).user.id);
    const sent = await sendAnnouncement(leader, input([], { wholeSchool: true }), { now: NOW });
    const classes = await db.announcementClass.findMany({ where: { announcementId: sent.id }, select: { classGroupId: true } });
    expect(classes.map((c) => c.classGroupId).sort()).toEqual([w.classA.id, w.classB.id].sort());
    const guardians = (await db.notification.findMany({ where: { announcementId: sent.id }, select: { guardianId: true } })).map((n) => n.guardianId);
    expect(guardians).toContain(w.parentB.guardian.id);
    expect(guardians).toHaveLength(expected.length + 1);
  });

  it("refuses bad input with a translated key", () => {
    const errors = (value: Record<string, unknown>) => AnnouncementInput.safeParse({ idempotencyKey: randomUUID(), subject: "S", body: "B", wholeSchool: false, classIds: ["c"], ...value }).error?.issues.map((i) => i.message);
    expect(errors({ subject: "x".repeat(81) })).toEqual(["announcementErrors.subjectTooLong"]);
    expect(errors({ body: "x".repeat(10_000) })).toEqual(["announcementErrors.bodyTooLong"]);
    expect(errors({ body: " " })).toEqual(["announcementErrors.bodyRequired"]);
    expect(errors({ classIds: [] })).toEqual(["announcementErrors.classes"]);
  });
});

describe("delivery", () => {
  it("counts pending, delivered, failed and skipped per announcement; a guardian restricted since is skipped", async () => {
    const mentor = await actorOf(w.mentorA.user.id);
    const sent = await sendAnnouncement(mentor, input([w.classA.id]), { now: NOW });
    const messages = await db.notification.findMany({ where: { announcementId: sent.id }, orderBy: { guardianId: "asc" } });
    const out: OutgoingMessage[] = [];
    const ok = { send: async (m: OutgoingMessage) => (out.push(m), { providerRef: "ok" }) };
    const refused = { send: async () => { throw new DeliveryError("refused", true); } };
    const email = messages.find((m) => m.guardianId === w.parentA.guardian.id)!;
    const sms = messages.find((m) => m.guardianId === arabicSms)!;
    const restrictedLater = messages.find((m) => m.guardianId === twoChildren.guardianId)!;
    await db.guardianLink.updateMany({ where: { guardianId: twoChildren.guardianId }, data: { accessRestricted: true } });
    expect(await deliverNotification(email.id, { email: ok, sms: ok, settingsUrl: "x" })).toBe("delivered");
    expect(await deliverNotification(sms.id, { email: ok, sms: refused, settingsUrl: "x" })).toBe("failed");
    expect(await deliverNotification(restrictedLater.id, { email: ok, sms: ok, settingsUrl: "x" })).toBe("skipped");
    await db.guardianLink.updateMany({ where: { guardianId: twoChildren.guardianId }, data: { accessRestricted: false } });
    expect(out).toEqual([expect.objectContaining({ to: w.parentA.user.email, locale: "nl", text: email.body })]);
    const row = (await announcementDeliveries(mentor)).find((r) => r.id === sent.id)!;
    expect(row).toMatchObject({ total: expected.length, delivered: 1, failed: 1, skipped: 1, pending: expected.length - 3, classes: ["2A"], wholeSchool: false, createdAt: NOW });
    // Another mentor does not see it; the leader sees the school's.
    expect((await announcementDeliveries(await actorOf(w.mentorB.user.id))).some((r) => r.id === sent.id)).toBe(false);
  });

  it("guardians read the announcements of their children's classes in the portal, others do not", async () => {
    const mine = await announcementsForGuardian(await actorOf(w.parentA.user.id), NOW);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0].classes.map((c) => c.classGroup.name)).toEqual(["2A"]);
    const other = await announcementsForGuardian(await actorOf(w.parentB.user.id), NOW);
    // parentB's class only received the leader's whole-school message.
    expect(other.every((a) => a.classes.every((c) => c.classGroup.name === "2B"))).toBe(true);
    const restricted = await createGuardianOf([w.pupilA.id], { accessRestricted: true });
    expect(await announcementsForGuardian(await actorOf(restricted.user.id), NOW)).toEqual([]);
  });
});
