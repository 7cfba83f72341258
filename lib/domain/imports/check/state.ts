import type { Prisma } from "@/lib/generated/prisma/client";
import type { AbsenceKind, Relationship, Role } from "@/lib/generated/prisma/enums";
import type { ImportContext } from "@/lib/domain/imports/check/types";

export type Reader = Prisma.TransactionClient;

export type AccountInfo = { userId: string; name: string; guardianId: string | null; staffId: string | null; staffSchoolId: string | null; roles: { role: Role; schoolId: string | null }[] };
export type LinkInfo = { id: string; guardianId: string; userId: string; name: string; email: string | null; relationship: Relationship; authority: boolean; household: string | null };

/** The school's records an import compares against, read in a few bulk queries. */
export type SchoolState = {
  schoolYearId: string | null;
  /** By class name in upper case. */
  classes: Map<string, { id: string; name: string; year: number; track: string }>;
  periods: Map<number, { id: string; startsOn: string; endsOn: string }>;
  holidays: { startsOn: string; endsOn: string }[];
  /** By the school's pupil number. */
  pupils: Map<string, { id: string; firstName: string; lastName: string; birthDate: string; classGroupId: string; leftOn: string | null }>;
  /** By subject code in lower case. */
  subjects: Map<string, { id: string; name: string }>;
  usersByEmail: Map<string, AccountInfo>;
  /** Guardian links of the school's pupils, by pupil id. */
  links: Map<string, LinkInfo[]>;
  guardianPhones: Map<string, string | null>;
  /** staffId|classGroupId */
  mentorships: Set<string>;
  /** classGroupId|subjectId|heldOn|description */
  assessments: Map<string, { id: string; weight: number; periodId: string }>;
  /** pupilId|assessmentId */
  results: Map<string, { grade: number | null; text: string | null }>;
  /** pupilId|date|lessonHour */
  absences: Map<string, { kind: AbsenceKind; minutes: number; reason: string | null }>;
};

export const iso = (date: Date) => date.toISOString().slice(0, 10);

export type Needs = { results: boolean; absences: boolean; emails: string[] };

export async function loadSchoolState(tx: Reader, ctx: ImportContext, needs: Needs): Promise<SchoolState> {
  const schoolId = ctx.schoolId;
  const year = await tx.schoolYear.findUnique({ where: { name: ctx.year.name }, select: { id: true } });
  const yearId = year?.id ?? "";
  const [classes, periods, holidays, pupils, subjects, users, links, staffRows] = await Promise.all([
    tx.classGroup.findMany({ where: { schoolId, schoolYearId: yearId }, select: { id: true, name: true, year: true, track: true } }),
    tx.period.findMany({ where: { schoolId, schoolYearId: yearId }, select: { id: true, number: true, startsOn: true, endsOn: true } }),
    tx.schoolHoliday.findMany({ where: { schoolId, endsOn: { gte: ctx.year.startsOn }, startsOn: { lte: ctx.year.endsOn } }, select: { startsOn: true, endsOn: true } }),
    tx.pupil.findMany({ where: { schoolId }, select: { id: true, studentNumber: true, firstName: true, lastName: true, birthDate: true, classGroupId: true, leftOn: true } }),
    tx.subject.findMany({ where: { schoolId }, select: { id: true, code: true, name: true } }),
    needs.emails.length
      ? tx.user.findMany({
          where: { email: { in: needs.emails } },
          select: { id: true, email: true, name: true, guardian: { select: { id: true } }, staff: { select: { id: true, schoolId: true } }, memberships: { select: { role: true, schoolId: true } } },
        })
      : Promise.resolve([]),
    tx.guardianLink.findMany({
      where: { pupil: { schoolId } },
      select: { id: true, pupilId: true, guardianId: true, relationship: true, hasParentalAuthority: true, household: true, guardian: { select: { phone: true, user: { select: { id: true, name: true, email: true } } } } },
    }),
    tx.mentorship.findMany({ where: { classGroup: { schoolId, schoolYearId: yearId } }, select: { staffId: true, classGroupId: true } }),
  ]);
  const state: SchoolState = {
    schoolYearId: year?.id ?? null,
    classes: new Map(classes.map((c) => [c.name.toUpperCase(), c])),
    periods: new Map(periods.map((p) => [p.number, { id: p.id, startsOn: iso(p.startsOn), endsOn: iso(p.endsOn) }])),
    holidays: holidays.map((h) => ({ startsOn: iso(h.startsOn), endsOn: iso(h.endsOn) })),
    pupils: new Map(pupils.map((p) => [p.studentNumber, { id: p.id, firstName: p.firstName, lastName: p.lastName, birthDate: iso(p.birthDate), classGroupId: p.classGroupId, leftOn: p.leftOn ? iso(p.leftOn) : null }])),
    subjects: new Map(subjects.map((s) => [s.code.toLowerCase(), { id: s.id, name: s.name }])),
    usersByEmail: new Map(users.map((u) => [u.email!, { userId: u.id, name: u.name, guardianId: u.guardian?.id ?? null, staffId: u.staff?.id ?? null, staffSchoolId: u.staff?.schoolId ?? null, roles: u.memberships }])),
    links: new Map(),
    guardianPhones: new Map(),
    mentorships: new Set(staffRows.map((m) => `${m.staffId}|${m.classGroupId}`)),
    assessments: new Map(),
    results: new Map(),
    absences: new Map(),
  };
  for (const l of links) {
    const list = state.links.get(l.pupilId) ?? [];
    list.push({ id: l.id, guardianId: l.guardianId, userId: l.guardian.user.id, name: l.guardian.user.name, email: l.guardian.user.email, relationship: l.relationship, authority: l.hasParentalAuthority, household: l.household });
    state.links.set(l.pupilId, list);
    state.guardianPhones.set(l.guardianId, l.guardian.phone);
  }
  if (needs.results && yearId) await loadResults(tx, schoolId, yearId, state);
  if (needs.absences) await loadAbsences(tx, ctx, state);
  return state;
}

async function loadResults(tx: Reader, schoolId: string, yearId: string, state: SchoolState) {
  const assessments = await tx.$queryRaw<{ id: string; classGroupId: string; subjectId: string; heldOn: Date; description: string; weight: number; periodId: string }[]>`
    SELECT a.id, a."classGroupId", a."subjectId", a."heldOn", a.description, a.weight, a."periodId"
    FROM "Assessment" a JOIN "ClassGroup" c ON c.id = a."classGroupId" WHERE c."schoolId" = ${schoolId} AND c."schoolYearId" = ${yearId}`;
  for (const a of assessments) state.assessments.set(`${a.classGroupId}|${a.subjectId}|${iso(a.heldOn)}|${a.description}`, { id: a.id, weight: a.weight, periodId: a.periodId });
  const results = await tx.$queryRaw<{ pupilId: string; assessmentId: string; grade: string | null; textValue: string | null }[]>`
    SELECT r."pupilId", r."assessmentId", r.grade::text AS grade, r."textValue" FROM "Result" r
    JOIN "Assessment" a ON a.id = r."assessmentId" JOIN "ClassGroup" c ON c.id = a."classGroupId"
    WHERE c."schoolId" = ${schoolId} AND c."schoolYearId" = ${yearId}`;
  for (const r of results) state.results.set(`${r.pupilId}|${r.assessmentId}`, { grade: r.grade === null ? null : Number(r.grade), text: r.textValue });
}

async function loadAbsences(tx: Reader, ctx: ImportContext, state: SchoolState) {
  const rows = await tx.$queryRaw<{ pupilId: string; date: Date; lessonHour: number; kind: AbsenceKind; minutes: number; reason: string | null }[]>`
    SELECT r."pupilId", r.date, r."lessonHour", r.kind::text AS kind, r.minutes, r.reason FROM "AbsenceRecord" r JOIN "Pupil" p ON p.id = r."pupilId"
    WHERE p."schoolId" = ${ctx.schoolId} AND r.date BETWEEN ${ctx.year.startsOn}::date AND ${ctx.year.endsOn}::date AND r."lessonHour" IS NOT NULL`;
  for (const r of rows) state.absences.set(`${r.pupilId}|${iso(r.date)}|${r.lessonHour}`, { kind: r.kind, minutes: r.minutes, reason: r.reason });
}
