import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { createUser, type LinkOptions } from "@/tests/factories";

// Factories for absence registration; shared ones live in tests/factories/index.ts.

const DAY_MS = 86_400_000;

/** A school day `daysBack` or more days before today (the first weekday going back). */
export function recentWeekday(daysBack = 0, today: Date = dutchToday()): Date {
  let day = new Date(today.getTime() - daysBack * DAY_MS);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() - DAY_MS);
  return day;
}

/** The first weekday after today. */
export function nextWeekday(today: Date = dutchToday()): Date {
  let day = new Date(today.getTime() + DAY_MS);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + DAY_MS);
  return day;
}

export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

export async function createAttendanceOfficer(schoolId: string) {
  const user = await createUser("ATTENDANCE_OFFICER", { schoolId });
  const staff = await db.staff.create({ data: { userId: user.id, schoolId } });
  return { user, staff };
}

export async function createLeader(schoolId: string) {
  const user = await createUser("LEADER", { schoolId });
  const staff = await db.staff.create({ data: { userId: user.id, schoolId } });
  return { user, staff };
}

type GuardianLinkOptions = LinkOptions;

/** A guardian of one pupil with any link, including the 18+ consent to messages. */
export async function createGuardianFor(pupilId: string, link: GuardianLinkOptions = {}) {
  const user = await createUser("PARENT");
  const guardian = await db.guardian.create({ data: { userId: user.id } });
  await db.guardianLink.create({
    data: { guardianId: guardian.id, pupilId, relationship: "FATHER", hasParentalAuthority: true, ...link },
  });
  return { user, guardian };
}

export async function createHoliday(schoolId: string, startsOn: Date, endsOn: Date = startsOn) {
  return db.schoolHoliday.create({ data: { schoolId, name: "autumn", startsOn, endsOn } });
}

/** A record a guardian's sick report would have written (whole day, reported by the parent). */
export async function createParentReportedAbsence(pupilId: string, date: Date) {
  return db.absenceRecord.create({ data: { pupilId, date, lessonHour: null, kind: "SICK", minutes: 0, reportedBy: "PARENT", reason: `ziek ${randomUUID().slice(0, 4)}` } });
}
