import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getChildDetail, parentOverview } from "@/lib/domain/pupils/queries";
import { queueAbsenceAlerts } from "@/lib/notifications/alerts";
import { deliverNotification } from "@/lib/notifications/deliver";
import { rightsMoment } from "@/lib/auth/guardian-rights";
import { linkWhere } from "@/lib/auth/guardian-rights-forms";
import type { OutgoingMessage, Transport } from "@/lib/notifications/transports/types";
import { actorOf, createClass, createGuardianOf, createPupil, createSchool } from "@/tests/factories";
import { isNotFoundError } from "@/tests/support/next-errors";

// At 00:00 Europe/Amsterdam on the 18th birthday a parent loses seeing,
// receiving and booking, unless the pupil consented (here: ahead, at 17).
// The clock is fixed at 23:59 the evening before and at 00:00, which in
// December is 22:59 and 23:00 UTC: a rule counting UTC days would be an hour late.
// Likewise at 16 for the reasons the pupil gives for absence.

const LAST_MINUTE = new Date("2026-12-07T22:59:00Z");
const MIDNIGHT = new Date("2026-12-07T23:00:00Z");
const ABSENCE_DAY = new Date(Date.UTC(2026, 11, 7));

let pupilId: string;
let teenId: string;
let parent: { userId: string; guardianId: string };
let consented: { userId: string; guardianId: string };
let teenParent: string;

const sent: OutgoingMessage[] = [];
const transport: Transport = { send: async (m) => (sent.push(m), { providerRef: `test-${sent.length}` }) };
const deps = (now: Date) => ({ email: transport, sms: transport, settingsUrl: "http://portal.test/parent/settings", now: () => now });

async function sees(userId: string, id: string, now: Date) {
  try {
    return (await getChildDetail(await actorOf(userId, "PARENT"), id, now)).rights;
  } catch (error) {
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

/** Who would be sent an absence alert registered at `now` (queued in a transaction that is rolled back). */
async function queuedFor(now: Date): Promise<string[]> {
  let guardians: string[] = [];
  await db.$transaction(async (tx) => {
    const ids = await queueAbsenceAlerts(tx, { pupilId, date: ABSENCE_DAY, now });
    guardians = (await tx.notification.findMany({ where: { id: { in: ids } }, select: { guardianId: true } })).map((n) => n.guardianId!).sort();
    throw new Error("roll back");
  }).catch((error: Error) => {
    if (error.message !== "roll back") throw error;
  });
  return guardians;
}

beforeAll(async () => {
  const { school, schoolYear } = await createSchool();
  const klas = await createClass(school.id, schoolYear.id);
  const pupil = await createPupil(school.id, klas.id, { birthDate: new Date(Date.UTC(2008, 11, 8)) });
  pupilId = pupil.id;
  const p = await createGuardianOf([pupil.id]);
  parent = { userId: p.user.id, guardianId: p.guardian.id };
  const c = await createGuardianOf([pupil.id], { consentGrantedAt: new Date("2026-11-01T10:00:00Z") });
  consented = { userId: c.user.id, guardianId: c.guardian.id };
  await db.absenceRecord.create({ data: { pupilId, date: ABSENCE_DAY, lessonHour: 2, kind: "UNAUTHORISED", minutes: 50, reportedBy: "SCHOOL" } });

  const teen = await createPupil(school.id, klas.id, { birthDate: new Date(Date.UTC(2010, 11, 8)) });
  teenId = teen.id;
  teenParent = (await createGuardianOf([teen.id])).user.id;
  await db.absenceRecord.create({ data: { pupilId: teenId, date: ABSENCE_DAY, lessonHour: 1, kind: "LATE", minutes: 10, reportedBy: "SCHOOL", pupilReason: "bus gemist" } });
});

describe("the 18th birthday", () => {
  it("at 23:59 the parent still sees, hears and may book; at 00:00 none of it", async () => {
    const before = await sees(parent.userId, pupilId, LAST_MINUTE);
    expect(before && { see: before.see.results, book: before.book, basis: before.basis }).toEqual({ see: true, book: true, basis: "authority" });
    expect(await sees(parent.userId, pupilId, MIDNIGHT)).toBeNull();
    expect((await parentOverview(await actorOf(parent.userId, "PARENT"), LAST_MINUTE)).children.map((c) => c.id)).toEqual([pupilId]);
    expect((await parentOverview(await actorOf(parent.userId, "PARENT"), MIDNIGHT)).children).toEqual([]);

    expect(await queuedFor(LAST_MINUTE)).toEqual([parent.guardianId, consented.guardianId].sort());
    expect(await queuedFor(MIDNIGHT)).toEqual([consented.guardianId]);

    const bookers = async (now: Date) =>
      (await db.guardianLink.findMany({ where: { pupilId, ...linkWhere("book", rightsMoment(now)) }, select: { guardianId: true } })).map((l) => l.guardianId).sort();
    expect(await bookers(LAST_MINUTE)).toEqual([parent.guardianId, consented.guardianId].sort());
    expect(await bookers(MIDNIGHT)).toEqual([consented.guardianId]);
  });

  it("a message queued at 23:59 is not sent at 00:00 to the parent who lost the right; it is to the one with consent", async () => {
    const ids = await db.$transaction((tx) => queueAbsenceAlerts(tx, { pupilId, date: ABSENCE_DAY, now: LAST_MINUTE }));
    expect(ids).toHaveLength(2);
    await db.notification.updateMany({ where: { id: { in: ids } }, data: { sendAfter: LAST_MINUTE } });
    const outcomes = Object.fromEntries(await Promise.all(ids.map(async (id) => {
      const { guardianId } = await db.notification.findUniqueOrThrow({ where: { id }, select: { guardianId: true } });
      return [guardianId === parent.guardianId ? "parent" : "consented", await deliverNotification(id, deps(MIDNIGHT))];
    })));
    expect(outcomes).toEqual({ parent: "skipped", consented: "delivered" });
    expect(await db.notification.findFirstOrThrow({ where: { id: { in: ids }, guardianId: parent.guardianId } })).toMatchObject({ status: "SKIPPED", lastError: "not-eligible" });
  });

  it("the pupil's consent given ahead carries over without a break, and from then covers the reasons", async () => {
    const before = await sees(consented.userId, pupilId, LAST_MINUTE);
    const after = await sees(consented.userId, pupilId, MIDNIGHT);
    expect([before?.basis, after?.basis]).toEqual(["authority", "consent"]);
    expect([before?.book, after?.book]).toEqual([true, true]);
  });
});

describe("the 16th birthday", () => {
  it("at 23:59 the parent sees the reason the pupil gave; at 00:00 only that and when", async () => {
    const reasons = async (now: Date) => (await getChildDetail(await actorOf(teenParent, "PARENT"), teenId, now)).absences.map((a) => [a.kind, a.pupilReason]);
    expect(await reasons(LAST_MINUTE)).toEqual([["LATE", "bus gemist"]]);
    expect(await reasons(MIDNIGHT)).toEqual([["LATE", null]]);
  });
});
