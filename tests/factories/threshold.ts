import { db } from "@/lib/db/client";
import type { AbsenceKind, AlertChannel, NotificationStatus } from "@/lib/generated/prisma/enums";
import { createClass, createGuardianOf, createPupil, createSchool, createUser } from "@/tests/factories";

const DAY_MS = 86_400_000;

/** A calendar date as a UTC-midnight Date, how @db.Date columns come back. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/**
 * A school year row far from the real calendar, so tests can pin "today" with `now` and get the
 * same school weeks on every run.
 */
export async function ensureSchoolYear(name = "2030-2031") {
  const start = Number(name.slice(0, 4));
  const dates = { name, startsOn: day(`${start}-08-01`), endsOn: day(`${start + 1}-07-31`) };
  return db.schoolYear.upsert({ where: { name }, update: {}, create: dates });
}

/** A staff account of one school: the attendance officer, or a school leader. */
export async function createSchoolStaff(schoolId: string, role: "ATTENDANCE_OFFICER" | "LEADER") {
  const user = await createUser(role, { schoolId });
  const staff = await db.staff.create({ data: { userId: user.id, schoolId } });
  return { user, staff };
}

export async function createHoliday(schoolId: string, name: string, startsOn: Date, endsOn: Date) {
  return db.schoolHoliday.create({ data: { schoolId, name, startsOn, endsOn } });
}

/** A school with one class, its attendance officer and its leader. */
export async function createAttendanceSchool() {
  const { school } = await createSchool();
  const schoolYear = await ensureSchoolYear();
  const classGroup = await createClass(school.id, schoolYear.id, "3C");
  const officer = await createSchoolStaff(school.id, "ATTENDANCE_OFFICER");
  const leader = await createSchoolStaff(school.id, "LEADER");
  return { school, schoolYear, classGroup, officer, leader };
}

export async function createClassPupil(schoolId: string, classGroupId: string, firstName = "Sanne") {
  const pupil = await createPupil(schoolId, classGroupId);
  return db.pupil.update({ where: { id: pupil.id }, data: { firstName } });
}

export type LessonAbsence = { date: Date; kind: AbsenceKind; minutes: number; lessons?: number };

/** Lesson-level records, the way a school registers them: `lessons` records of `minutes` each on one day. */
export async function createLessonAbsences(pupilId: string, absences: LessonAbsence[]) {
  const used = new Map<string, number>();
  const data = absences.flatMap(({ date, kind, minutes, lessons = 1 }) => {
    const key = date.toISOString();
    const first = (used.get(key) ?? 0) + 1;
    used.set(key, first + lessons - 1);
    return Array.from({ length: lessons }, (_, i) => ({ pupilId, date, kind, minutes, lessonHour: first + i, reportedBy: "SCHOOL" as const }));
  });
  await db.absenceRecord.createMany({ data });
}

type NotificationOptions = {
  status?: NotificationStatus;
  channel?: AlertChannel;
  aboutDate?: Date;
  lastError?: string | null;
  deliveredAt?: Date | null;
  attempts?: number;
  subject?: string;
  body?: string;
};

/** An outbox row about a pupil for one of their guardians (made here unless given). */
export async function createNotification(pupil: { id: string; schoolId: string }, options: NotificationOptions & { guardianId?: string } = {}) {
  const guardianId = options.guardianId ?? (await createGuardianOf([pupil.id])).guardian.id;
  const fields: NotificationOptions = options;
  return db.notification.create({
    data: {
      kind: "ABSENCE_ALERT", guardianId, pupilId: pupil.id, schoolId: pupil.schoolId, aboutDate: fields.aboutDate ?? day("2031-03-20"),
      channel: fields.channel ?? "EMAIL", locale: "nl", address: "ouder@example.test", status: fields.status ?? "PENDING",
      sendAfter: new Date("2031-03-20T09:15:00Z"), attempts: fields.attempts ?? 0, lastError: fields.lastError ?? null,
      deliveredAt: fields.deliveredAt ?? null, subject: fields.subject ?? "Afwezig vandaag", body: fields.body ?? "Uw kind was vandaag afwezig.",
    },
  });
}
