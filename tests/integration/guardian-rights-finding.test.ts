import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AbsenceInput } from "@/lib/domain/attendance/schemas";
import { registerAbsence } from "@/lib/domain/attendance/commands";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { getChildDetail } from "@/lib/domain/pupils/queries";
import { actorOf, createFamilies, createGuardianOf, createPupil, createUser } from "@/tests/factories";
import { isoDay, recentWeekday } from "@/tests/factories/absence";
import { isNotFoundError } from "@/tests/support/next-errors";

// The finding 2: seeing treated an 18+ pupil's parents as allowed until
// the pupil withdrew consent, while messages required a consent nothing ever
// wrote, so those parents saw every grade but never heard about absence. The
// rule is one now: whoever may look also hears, whoever may not hears nothing.
// (Written before the fix; it failed on the old code at "receives".)

type World = Awaited<ReturnType<typeof createFamilies>>;
let world: World;
const day = recentWeekday(0);

async function sees(parentUserId: string, pupilId: string): Promise<boolean> {
  try {
    await getChildDetail(await actorOf(parentUserId, "PARENT"), pupilId);
    return true;
  } catch (error) {
    if (isNotFoundError(error)) return false;
    throw error;
  }
}

/** Registers one unauthorised lesson (a new lesson each time) and says whether the parent was queued a message. */
let lesson = 0;
async function receives(guardianId: string, pupilId: string): Promise<boolean> {
  lesson++;
  const mentor = await actorOf(world.mentorA.user.id);
  await registerAbsence(mentor, AbsenceInput.parse({ pupilId, date: isoDay(day), fromLesson: String(lesson), toLesson: String(lesson), kind: "UNAUTHORISED", minutes: "", reason: "" }));
  const queued = await db.notification.count({ where: { guardianId, pupilId, kind: "ABSENCE_ALERT", status: "PENDING" } });
  // Let the next registration queue afresh.
  await db.notification.updateMany({ where: { pupilId }, data: { status: "SKIPPED" } });
  return queued > 0;
}

beforeAll(async () => {
  world = await createFamilies();
});

describe("a parent of a pupil of 18+", () => {
  it("who may look (the pupil said yes) also hears about absence; once the pupil says no, neither", async () => {
    const pupilUser = await createUser("PUPIL");
    const born = new Date(Date.UTC(day.getUTCFullYear() - 19, 0, 15));
    const pupil = await createPupil(world.school.id, world.classA.id, { birthDate: born, userId: pupilUser.id });
    // As an import writes it: the parent held parental authority until the 18th birthday.
    const parent = await createGuardianOf([pupil.id]);
    const link = await db.guardianLink.findFirstOrThrow({ where: { pupilId: pupil.id } });
    const self = await actorOf(pupilUser.id);

    await setGuardianConsent(self, { linkId: link.id, change: "consentGrant" });
    expect({ sees: await sees(parent.user.id, pupil.id), receives: await receives(parent.guardian.id, pupil.id) }).toEqual({ sees: true, receives: true });

    await setGuardianConsent(self, { linkId: link.id, change: "consentWithdraw" });
    expect({ sees: await sees(parent.user.id, pupil.id), receives: await receives(parent.guardian.id, pupil.id) }).toEqual({ sees: false, receives: false });
  });

  it("whom the pupil has not answered yet sees exactly as much as they hear: nothing", async () => {
    const born = new Date(Date.UTC(day.getUTCFullYear() - 19, 0, 15));
    const pupil = await createPupil(world.school.id, world.classA.id, { birthDate: born });
    const parent = await createGuardianOf([pupil.id]);
    const seen = await sees(parent.user.id, pupil.id);
    const heard = await receives(parent.guardian.id, pupil.id);
    expect(seen).toBe(heard);
    expect(seen).toBe(false);
  });
});
