import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { AlertSettingsInput } from "@/lib/domain/alerts/schemas";
import { markMessagesRead, updateAlertSettings } from "@/lib/domain/alerts/commands";
import { getAlertSettings, listMessages } from "@/lib/domain/alerts/queries";
import { queueAbsenceAlerts } from "@/lib/notifications/alerts";
import { actorOf, createClass, createFamilies, createPupil, createSchool } from "@/tests/factories";

async function delivered(guardianId: string, pupilId: string, schoolId: string, subject: string) {
  return db.notification.create({
    data: {
      kind: "ABSENCE_ALERT", guardianId, pupilId, schoolId, aboutDate: dutchToday(), channel: "EMAIL", locale: "nl",
      status: "DELIVERED", sendAfter: new Date(), deliveredAt: new Date(), subject, body: `${subject}\n\nTekst`,
    },
  });
}

describe("a guardian's messages and alert settings", () => {
  it("lists only the guardian's own delivered messages, about children they may still see", async () => {
    const w = await createFamilies();
    await delivered(w.parentA.guardian.id, w.pupilA.id, w.school.id, "Over A");
    await delivered(w.parentB.guardian.id, w.pupilB.id, w.school.id, "Over B");
    await db.notification.create({
      data: { kind: "ABSENCE_ALERT", guardianId: w.parentA.guardian.id, pupilId: w.pupilA.id, schoolId: w.school.id, aboutDate: dutchToday(), channel: "EMAIL", locale: "nl", sendAfter: new Date() },
    });
    const parentA = await actorOf(w.parentA.user.id);
    expect((await listMessages(parentA)).map((m) => m.subject)).toEqual(["Over A"]);

    // Once the school restricts the link, earlier messages about that child are hidden too.
    await db.guardianLink.updateMany({ where: { guardianId: w.parentA.guardian.id }, data: { accessRestricted: true } });
    expect(await listMessages(parentA)).toEqual([]);
  });

  it("marks only the guardian's own messages read", async () => {
    const w = await createFamilies();
    const mine = await delivered(w.parentA.guardian.id, w.pupilA.id, w.school.id, "A");
    const theirs = await delivered(w.parentB.guardian.id, w.pupilB.id, w.school.id, "B");
    await markMessagesRead(await actorOf(w.parentA.user.id));
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it("saves the guardian's choice with a normalised mobile number; saving twice changes nothing", async () => {
    const w = await createFamilies();
    const actor = await actorOf(w.parentA.user.id);
    const input = AlertSettingsInput.parse({ channel: "SMS", timing: "DAILY_DIGEST", phone: "06 1234 5678" });
    await updateAlertSettings(actor, input);
    await updateAlertSettings(actor, input);
    expect(await getAlertSettings(actor)).toMatchObject({ alertChannel: "SMS", alertTiming: "DAILY_DIGEST", phone: "+31612345678", phoneShown: "06 1234 5678" });
    const other = await db.guardian.findUniqueOrThrow({ where: { id: w.parentB.guardian.id } });
    expect(other).toMatchObject({ alertChannel: "EMAIL", alertTiming: "IMMEDIATE" });
  });

  it("stores a Belgian or German mobile number in E.164, shows it as typed, and text messages go to E.164", async () => {
    const w = await createFamilies();
    const actor = await actorOf(w.parentA.user.id);
    await updateAlertSettings(actor, AlertSettingsInput.parse({ channel: "SMS", timing: "IMMEDIATE", phone: "0032 470 12 34 56" }));
    expect(await db.guardian.findUniqueOrThrow({ where: { id: w.parentA.guardian.id } })).toMatchObject({ phone: "+32470123456", phoneAsEntered: "0032 470 12 34 56" });
    expect(await getAlertSettings(actor)).toMatchObject({ phone: "+32470123456", phoneShown: "0032 470 12 34 56" });

    await updateAlertSettings(actor, AlertSettingsInput.parse({ channel: "SMS", timing: "IMMEDIATE", phone: "+49 170 1234567" }));
    expect(await getAlertSettings(actor)).toMatchObject({ phone: "+491701234567", phoneShown: "+49 170 1234567" });
    // An absence alert is addressed to the E.164 number.
    await db.$transaction((tx) => queueAbsenceAlerts(tx, { pupilId: w.pupilA.id, date: dutchToday() }));
    expect(await db.notification.findFirstOrThrow({ where: { guardianId: w.parentA.guardian.id, kind: "ABSENCE_ALERT" } })).toMatchObject({ channel: "SMS", address: "+491701234567" });
    // Changing only the channel keeps the number.
    await updateAlertSettings(actor, AlertSettingsInput.parse({ channel: "EMAIL", timing: "IMMEDIATE", phone: "" }));
    expect(await getAlertSettings(actor)).toMatchObject({ alertChannel: "EMAIL", phone: "+491701234567", phoneShown: "+49 170 1234567" });

    // The school's import replaces the number: the parent sees the new one, not their old typing.
    await db.guardian.update({ where: { id: w.parentA.guardian.id }, data: { phone: "+31687654321" } });
    expect(await getAlertSettings(actor)).toMatchObject({ phone: "+31687654321", phoneShown: "06 87654321" });
  });

  it("shows the quiet hours of each school of the children the guardian may see", async () => {
    const w = await createFamilies();
    await db.school.update({ where: { id: w.school.id }, data: { quietHoursStart: "20:00", quietHoursEnd: "08:00" } });
    const other = await createSchool();
    const otherClass = await createClass(other.school.id, other.schoolYear.id);
    const restricted = await createPupil(other.school.id, otherClass.id);
    await db.guardianLink.create({ data: { guardianId: w.parentA.guardian.id, pupilId: restricted.id, relationship: "MOTHER", hasParentalAuthority: true, accessRestricted: true } });
    const settings = await getAlertSettings(await actorOf(w.parentA.user.id));
    // The school of the restricted link is not shown: the guardian may not see that child.
    expect(settings.quietHours).toEqual([{ school: w.school.name, start: "20:00", end: "08:00" }]);
  });

  it("refuses staff, and bad input never reaches the database", async () => {
    const w = await createFamilies();
    const mentor = await actorOf(w.mentorA.user.id);
    await expect(getAlertSettings(mentor)).rejects.toBeInstanceOf(AppError);
    await expect(updateAlertSettings(mentor, { channel: "EMAIL", timing: "IMMEDIATE", mobile: undefined })).rejects.toBeInstanceOf(AppError);
    expect(await listMessages(mentor).catch((e: unknown) => e)).toBeInstanceOf(AppError);
    expect(AlertSettingsInput.safeParse({ channel: "SMS", timing: "IMMEDIATE", phone: "" }).success).toBe(false);
  });
});
