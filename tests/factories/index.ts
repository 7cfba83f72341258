import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/types";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import type { AbsenceKind, Locale, Role } from "@/lib/generated/prisma/enums";

// Factories build valid rows with overridable fields; ids and e-mails are unique per call.
const unique = () => randomUUID().slice(0, 8);

export async function createSchool(overrides: { gradeReleaseMode?: "IMMEDIATE" | "FIXED_TIME"; gradeReleaseTime?: string } = {}) {
  const board = await db.board.create({ data: { name: `Bestuur ${unique()}` } });
  const u = unique();
  const school = await db.school.create({
    data: { boardId: board.id, brin: u.slice(0, 4).toUpperCase(), locationCode: "00", name: `School ${u}`, slug: `school-${u}`, city: "Utrecht", kind: "HAVO_VWO", levels: ["HAVO", "VWO"], ...overrides },
  });
  const year = schoolYearOf(dutchToday());
  const schoolYear = await db.schoolYear.upsert({ where: { name: year.name }, update: {}, create: year });
  const p1End = new Date(Date.UTC(year.startsOn.getUTCFullYear(), 10, 8));
  const periods = await Promise.all([
    db.period.create({ data: { schoolId: school.id, schoolYearId: schoolYear.id, number: 1, startsOn: year.startsOn, endsOn: p1End } }),
    db.period.create({ data: { schoolId: school.id, schoolYearId: schoolYear.id, number: 2, startsOn: new Date(p1End.getTime() + 86_400_000), endsOn: year.endsOn } }),
  ]);
  return { board, school, schoolYear, periods };
}

export async function createClass(schoolId: string, schoolYearId: string, name = `2${unique().slice(0, 2)}`) {
  return db.classGroup.create({ data: { schoolId, schoolYearId, name, year: 2, track: "HAVO" } });
}

const STAFF_ROLES: Role[] = ["MENTOR", "LEADER", "ATTENDANCE_OFFICER"];

/**
 * A user holding one role: staff roles at `schoolId` (create the staff profile
 * there too), an administrator at `boardId` (a new board when not given).
 */
export async function createUser(role: Role, overrides: { locale?: Locale; schoolId?: string; boardId?: string } = {}) {
  const { schoolId, boardId, ...data } = overrides;
  const u = unique();
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${u}@test.test`, name: `Test ${role} ${u}`, ...data } });
  const board = role === "ADMIN" ? (boardId ?? (await db.board.create({ data: { name: `Bestuur ${u}` } })).id) : null;
  await db.roleMembership.create({ data: { userId: user.id, role, schoolId: STAFF_ROLES.includes(role) ? (schoolId ?? null) : null, boardId: board } });
  return user;
}

export async function createPupil(schoolId: string, classGroupId: string, overrides: { birthDate?: Date; userId?: string } = {}) {
  return db.pupil.create({
    data: { schoolId, classGroupId, studentNumber: unique(), firstName: "Sanne", lastName: `Jansen ${unique()}`, birthDate: new Date("2012-05-01"), ...overrides },
  });
}

/** Any fact of a GuardianLink the rule reads (lib/auth/guardian-rights.ts). */
export type LinkOptions = {
  hasParentalAuthority?: boolean; accessRestricted?: boolean;
  informationGrantedAt?: Date | null; informationCategories?: ("RESULTS" | "ABSENCES")[]; informationUntil?: Date | null;
  consentGrantedAt?: Date | null; consentWithdrawnAt?: Date | null; reasonsSharedAt?: Date | null;
};

export async function createGuardianOf(pupilIds: string[], link: LinkOptions = {}) {
  const user = await createUser("PARENT");
  const guardian = await db.guardian.create({ data: { userId: user.id } });
  for (const pupilId of pupilIds) {
    await db.guardianLink.create({
      data: { guardianId: guardian.id, pupilId, relationship: "MOTHER", hasParentalAuthority: link.hasParentalAuthority ?? true, ...link },
    });
  }
  return { user, guardian };
}

export async function createMentor(schoolId: string, classGroupIds: string[]) {
  const user = await createUser("MENTOR", { schoolId });
  const staff = await db.staff.create({ data: { userId: user.id, schoolId, phone: "030 123 45 67", contactHours: "Di 8.00–8.20" } });
  for (const classGroupId of classGroupIds) await db.mentorship.create({ data: { staffId: staff.id, classGroupId } });
  return { user, staff };
}

export async function createResult(
  pupil: { id: string; classGroupId: string; schoolId: string },
  periodId: string,
  data: { subject?: string; grade: number | null; weight?: number; heldOn?: Date; enteredAt?: Date; textValue?: string },
) {
  const code = (data.subject ?? "wi").toLowerCase();
  const subject = await db.subject.upsert({
    where: { schoolId_code: { schoolId: pupil.schoolId, code } },
    update: {},
    create: { schoolId: pupil.schoolId, code, name: data.subject ?? "Wiskunde" },
  });
  const heldOn = data.heldOn ?? dutchToday();
  const assessment = await db.assessment.create({
    data: { classGroupId: pupil.classGroupId, subjectId: subject.id, periodId, description: `Toets ${unique()}`, weight: data.weight ?? 1, heldOn },
  });
  return db.result.create({
    // Entered when it was held, but never in the future: between 23:00 and 24:00 UTC the Dutch
    // "today" (stored as UTC midnight) is still ahead of the clock.
    data: { pupilId: pupil.id, assessmentId: assessment.id, grade: data.grade, textValue: data.textValue, enteredAt: data.enteredAt ?? new Date(Math.min(heldOn.getTime(), Date.now())) },
  });
}

export async function createAbsence(pupilId: string, kind: AbsenceKind, date: Date = dutchToday(), minutes = 50) {
  return db.absenceRecord.create({ data: { pupilId, kind, date, minutes, lessonHour: 1, reportedBy: "SCHOOL" } });
}

/** The actor exactly as a signed-in request would load it; in `role` when the user holds several. */
export async function actorOf(userId: string, role?: Role): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true, memberships: { select: { id: true, role: true } } } });
  const actor = await loadActor(userId, user.sessionVersion, role ? user.memberships.find((m) => m.role === role)?.id : null);
  if (!actor) throw new Error("factory: user cannot sign in");
  return actor;
}

/** A small world: one school, two classes, two families, a mentor per class. */
export async function createFamilies() {
  const { school, schoolYear, periods } = await createSchool();
  const classA = await createClass(school.id, schoolYear.id, "2A");
  const classB = await createClass(school.id, schoolYear.id, "2B");
  const pupilA = await createPupil(school.id, classA.id);
  const pupilB = await createPupil(school.id, classB.id);
  const parentA = await createGuardianOf([pupilA.id]);
  const parentB = await createGuardianOf([pupilB.id]);
  const mentorA = await createMentor(school.id, [classA.id]);
  const mentorB = await createMentor(school.id, [classB.id]);
  return { school, schoolYear, periods, classA, classB, pupilA, pupilB, parentA, parentB, mentorA, mentorB };
}
