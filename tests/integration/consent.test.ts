import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ConsentChange } from "@/lib/domain/consent/schemas";
import { setGuardianConsent } from "@/lib/domain/consent/commands";
import { listOwnGuardians } from "@/lib/domain/consent/queries";
import { getChildDetail } from "@/lib/domain/pupils/queries";
import { actorOf, createClass, createGuardianOf, createPupil, createSchool, createUser } from "@/tests/factories";
import { expectNotFound } from "@/tests/support/next-errors";

let adult: { pupilId: string; userId: string; parentUserId: string; linkId: string };
let minor: { userId: string; linkId: string };

beforeAll(async () => {
  const { school, schoolYear } = await createSchool();
  const classGroup = await createClass(school.id, schoolYear.id);
  const adultUser = await createUser("PUPIL");
  const adultPupil = await createPupil(school.id, classGroup.id, { birthDate: new Date("2006-01-15"), userId: adultUser.id });
  const parent = await createGuardianOf([adultPupil.id]);
  const link = await db.guardianLink.findFirstOrThrow({ where: { pupilId: adultPupil.id } });
  adult = { pupilId: adultPupil.id, userId: adultUser.id, parentUserId: parent.user.id, linkId: link.id };

  const minorUser = await createUser("PUPIL");
  const minorPupil = await createPupil(school.id, classGroup.id, { birthDate: new Date("2012-03-01"), userId: minorUser.id });
  await createGuardianOf([minorPupil.id]);
  const minorLink = await db.guardianLink.findFirstOrThrow({ where: { pupilId: minorPupil.id } });
  minor = { userId: minorUser.id, linkId: minorLink.id };
});

describe("a pupil of 18+ decides whether their parents may look", () => {
  it("withdraws access: the parent then gets 404; granting restores it; repeating changes nothing", async () => {
    const pupil = await actorOf(adult.userId);
    const parent = await actorOf(adult.parentUserId);
    expect((await getChildDetail(parent, adult.pupilId)).id).toBe(adult.pupilId);

    await setGuardianConsent(pupil, { linkId: adult.linkId, allow: false });
    await setGuardianConsent(pupil, { linkId: adult.linkId, allow: false });
    expect(await listOwnGuardians(pupil)).toEqual([expect.objectContaining({ linkId: adult.linkId, hasAccess: false })]);
    await expectNotFound(getChildDetail(parent, adult.pupilId));

    await setGuardianConsent(pupil, { linkId: adult.linkId, allow: true });
    expect((await getChildDetail(parent, adult.pupilId)).id).toBe(adult.pupilId);
  });

  it("cannot touch another pupil's guardians", async () => {
    const pupil = await actorOf(adult.userId);
    await expect(setGuardianConsent(pupil, { linkId: minor.linkId, allow: false })).rejects.toEqual(new AppError("notFound"));
    expect((await db.guardianLink.findUniqueOrThrow({ where: { id: minor.linkId } })).consentWithdrawnAt).toBeNull();
  });

  it("is refused under 18, and nothing is written", async () => {
    const pupil = await actorOf(minor.userId);
    await expect(setGuardianConsent(pupil, { linkId: minor.linkId, allow: false })).rejects.toEqual(new AppError("forbidden"));
    expect((await db.guardianLink.findUniqueOrThrow({ where: { id: minor.linkId } })).consentWithdrawnAt).toBeNull();
  });

  it("is only for pupils: a parent cannot use it", async () => {
    const parent = await actorOf(adult.parentUserId);
    await expect(setGuardianConsent(parent, { linkId: adult.linkId, allow: false })).rejects.toEqual(new AppError("forbidden"));
  });

  it("rejects malformed input before anything runs", () => {
    expect(ConsentChange.safeParse({ linkId: "", allow: "true" }).success).toBe(false);
    expect(ConsentChange.safeParse({ linkId: "x", allow: "maybe" }).success).toBe(false);
    expect(ConsentChange.safeParse({ linkId: "x".repeat(65), allow: "false" }).success).toBe(false);
    expect(ConsentChange.parse({ linkId: "abc", allow: "false" })).toEqual({ linkId: "abc", allow: false });
  });
});
