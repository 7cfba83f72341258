import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ConsentChange, confirmationOf } from "@/lib/domain/consent/schemas";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { listOwnGuardians } from "@/lib/domain/consent/queries";
import { getChildDetail } from "@/lib/domain/pupils/queries";
import { actorOf, createClass, createGuardianOf, createPupil, createSchool, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";
import { deliverNotification } from "@/lib/notifications/deliver";
import type { OutgoingMessage } from "@/lib/notifications/transports/types";

// A pupil of 18+ decides whether each guardian may look (and hear, and book);
// from 16 they may decide it ahead and who sees the reasons they give
// (decisions 0022, 0023). Every change tells the guardian, in their language.

let adult: { pupilId: string; userId: string; parentUserId: string; guardianId: string; linkId: string };
let teen: { pupilId: string; userId: string; parentUserId: string; linkId: string };
let minor: { userId: string; linkId: string };

const link = (id: string) => db.guardianLink.findUniqueOrThrow({ where: { id } });
const notices = (guardianId: string) => db.notification.findMany({ where: { guardianId, kind: "CONSENT_NOTICE" }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  const { school, schoolYear } = await createSchool();
  const classGroup = await createClass(school.id, schoolYear.id);
  const adultUser = await createUser("PUPIL");
  const adultPupil = await createPupil(school.id, classGroup.id, { birthDate: new Date("2006-01-15"), userId: adultUser.id });
  const parent = await createGuardianOf([adultPupil.id]);
  await db.user.update({ where: { id: parent.user.id }, data: { locale: "ar" } });
  adult = { pupilId: adultPupil.id, userId: adultUser.id, parentUserId: parent.user.id, guardianId: parent.guardian.id, linkId: (await db.guardianLink.findFirstOrThrow({ where: { pupilId: adultPupil.id } })).id };

  const teenUser = await createUser("PUPIL");
  const born = new Date(Date.UTC(new Date().getUTCFullYear() - 17, 0, 1));
  const teenPupil = await createPupil(school.id, classGroup.id, { birthDate: born, userId: teenUser.id });
  const teenParent = await createGuardianOf([teenPupil.id]);
  teen = { pupilId: teenPupil.id, userId: teenUser.id, parentUserId: teenParent.user.id, linkId: (await db.guardianLink.findFirstOrThrow({ where: { pupilId: teenPupil.id } })).id };

  const minorUser = await createUser("PUPIL");
  const minorPupil = await createPupil(school.id, classGroup.id, { birthDate: new Date("2012-03-01"), userId: minorUser.id });
  await createGuardianOf([minorPupil.id]);
  minor = { userId: minorUser.id, linkId: (await db.guardianLink.findFirstOrThrow({ where: { pupilId: minorPupil.id } })).id };
});

describe("a pupil of 18+ decides whether their parents may look", () => {
  it("grants: the parent sees, is told in their own language; withdrawing ends it; repeating changes nothing and sends nothing", async () => {
    const pupil = await actorOf(adult.userId);
    const parent = await actorOf(adult.parentUserId);
    // Never answered: the parent sees nothing.
    await expectNotFound(getChildDetail(parent, adult.pupilId));

    expect(await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentGrant" })).toBe(true);
    expect(await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentGrant" })).toBe(false);
    expect((await getChildDetail(parent, adult.pupilId)).rights.basis).toBe("consent");
    expect(await link(adult.linkId)).toMatchObject({ consentGrantedAt: expect.any(Date), consentWithdrawnAt: null });

    expect(await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentWithdraw" })).toBe(true);
    expect(await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentWithdraw" })).toBe(false);
    await expectNotFound(getChildDetail(parent, adult.pupilId));
    expect(await link(adult.linkId)).toMatchObject({ consentGrantedAt: null, consentWithdrawnAt: expect.any(Date) });
    expect((await listOwnGuardians(pupil))?.guardians).toEqual([expect.objectContaining({ linkId: adult.linkId, consent: "withdrawn" })]);

    // Two changes, two notices (queued with a delivery job), in Arabic; nothing personal beyond the first name.
    const sent = await notices(adult.guardianId);
    expect(sent.map((n) => [n.status, n.locale, n.channel])).toEqual([["PENDING", "ar", "EMAIL"], ["PENDING", "ar", "EMAIL"]]);
    expect(sent[0].subject).toContain("Sanne");
    expect(sent[0].body).toMatch(/[\u0600-\u06FF]/);
    const audits = await db.auditLog.findMany({ where: { actorUserId: adult.userId, outcome: "ALLOWED" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["consent:granted", "consent:withdrawn"]);
  });

  it("cannot touch another pupil's guardians: 404 and an audit row, nothing written", async () => {
    const pupil = await actorOf(adult.userId);
    await expectNotFound(setGuardianConsent(pupil, { linkId: minor.linkId, change: "consentWithdraw" }));
    expect((await link(minor.linkId)).consentWithdrawnAt).toBeNull();
    expect(await db.auditLog.count({ where: { actorUserId: adult.userId, outcome: "DENIED", targetId: minor.linkId } })).toBe(1);
  });

  it("is refused under 16, and nothing is written", async () => {
    const pupil = await actorOf(minor.userId);
    await expect(setGuardianConsent(pupil, { linkId: minor.linkId, change: "consentWithdraw" })).rejects.toEqual(new AppError("forbidden"));
    expect((await link(minor.linkId)).consentWithdrawnAt).toBeNull();
  });

  it("is only for pupils: a parent cannot use it", async () => {
    const parent = await actorOf(adult.parentUserId);
    await expect(setGuardianConsent(parent, { linkId: adult.linkId, change: "consentGrant" })).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("a pupil of 16 or 17", () => {
  it("decides who sees the reasons they give, and may consent ahead of 18 without changing anything now", async () => {
    const pupil = await actorOf(teen.userId);
    const parent = await actorOf(teen.parentUserId);
    expect((await getChildDetail(parent, teen.pupilId)).rights.see.absenceReasons).toBe(false);
    await setGuardianConsent(pupil, { linkId: teen.linkId, change: "reasonsShare" });
    expect((await getChildDetail(parent, teen.pupilId)).rights.see.absenceReasons).toBe(true);
    await setGuardianConsent(pupil, { linkId: teen.linkId, change: "reasonsHide" });
    expect((await getChildDetail(parent, teen.pupilId)).rights.see.absenceReasons).toBe(false);

    await setGuardianConsent(pupil, { linkId: teen.linkId, change: "consentGrant" });
    const detail = await getChildDetail(parent, teen.pupilId);
    expect({ basis: detail.rights.basis, reasons: detail.rights.see.absenceReasons }).toEqual({ basis: "authority", reasons: false });
    const own = await listOwnGuardians(pupil);
    expect(own).toMatchObject({ stage: "ownReasons", guardians: [{ linkId: teen.linkId, consent: "granted", reasonsShared: false }] });
    const texts = (await db.notification.findMany({ where: { pupilId: teen.pupilId, kind: "CONSENT_NOTICE" }, orderBy: { createdAt: "asc" } })).map((n) => n.subject);
    expect(texts).toHaveLength(3);
    // The notice about consent given ahead names the 18th birthday.
    const ahead = await db.notification.findFirstOrThrow({ where: { pupilId: teen.pupilId, kind: "CONSENT_NOTICE" }, orderBy: { createdAt: "desc" } });
    expect(ahead.body).toContain(String(new Date().getUTCFullYear() + 1));
  });

  it("has no reasons switch from 18: the consent covers them", async () => {
    const pupil = await actorOf(adult.userId);
    await expect(setGuardianConsent(pupil, { linkId: adult.linkId, change: "reasonsShare" })).rejects.toEqual(new AppError("forbidden"));
  });
});

describe("the form's input", () => {
  it("rejects malformed input before anything runs", () => {
    expect(ConsentChange.safeParse({ linkId: "", change: "consentGrant" }).success).toBe(false);
    expect(ConsentChange.safeParse({ linkId: "x", change: "maybe" }).success).toBe(false);
    expect(ConsentChange.safeParse({ linkId: "x".repeat(65), change: "consentWithdraw" }).success).toBe(false);
    expect(ConsentChange.parse({ linkId: "abc", change: "reasonsHide" })).toEqual({ linkId: "abc", change: "reasonsHide" });
    expect(confirmationOf({ confirm: "abc", change: "consentGrant" })).toEqual({ linkId: "abc", change: "consentGrant" });
    expect(confirmationOf({ confirm: ["a", "b"], change: "consentGrant" })).toBeNull();
    expect(confirmationOf({})).toBeNull();
  });
});

describe("the guardian's notice", () => {
  const sent: OutgoingMessage[] = [];
  const transport = { send: async (m: OutgoingMessage) => (sent.push(m), { providerRef: "test" }) };
  const deps = { email: transport, sms: transport, settingsUrl: "http://portal.test/parent/settings" };

  it("goes out as it was written, by e-mail or only to the inbox without an address, and not to a blocked account", async () => {
    const pupil = await actorOf(adult.userId);
    await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentGrant" });
    const [notice] = await db.notification.findMany({ where: { guardianId: adult.guardianId, kind: "CONSENT_NOTICE", status: "PENDING" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(await deliverNotification(notice.id, deps)).toBe("delivered");
    expect(sent.at(-1)).toMatchObject({ id: notice.id, subject: notice.subject, text: notice.body, locale: "ar" });
    expect(await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "DELIVERED", subject: notice.subject, body: notice.body });

    // Without an e-mail address: only the portal's inbox.
    await db.user.update({ where: { id: adult.parentUserId }, data: { email: null } });
    await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentWithdraw" });
    const portal = await db.notification.findFirstOrThrow({ where: { guardianId: adult.guardianId, kind: "CONSENT_NOTICE", status: "PENDING" }, orderBy: { createdAt: "desc" } });
    expect(portal.channel).toBe("PORTAL");
    const before = sent.length;
    expect(await deliverNotification(portal.id, deps)).toBe("delivered");
    expect(sent).toHaveLength(before);

    // A blocked account gets nothing.
    await db.user.update({ where: { id: adult.parentUserId }, data: { disabledAt: new Date() } });
    await setGuardianConsent(pupil, { linkId: adult.linkId, change: "consentGrant" });
    const blocked = await db.notification.findFirstOrThrow({ where: { guardianId: adult.guardianId, kind: "CONSENT_NOTICE", status: "PENDING" }, orderBy: { createdAt: "desc" } });
    expect(await deliverNotification(blocked.id, deps)).toBe("skipped");
    await db.user.update({ where: { id: adult.parentUserId }, data: { disabledAt: null, email: `parent-${adult.parentUserId}@test.test` } });
  });
});
