import type { AbsenceKind, ImportFileKind, Locale, Relationship, Role } from "@/lib/generated/prisma/enums";
import type { ColumnMap } from "@/lib/domain/imports/headers";
import type { Table } from "@/lib/domain/imports/read-file";

/** A problem on one line of one file (file = its position in the set; line 0 = the file as a whole). */
export type LineIssue = { file: number; line: number; code: string; params?: Record<string, string | number> };

/** What an import changes, counted per kind of record. */
export const ENTITIES = ["classes", "staff", "mentorships", "pupils", "guardians", "guardianLinks", "subjects", "periods", "assessments", "results", "absences"] as const;
export type Entity = (typeof ENTITIES)[number];
export type Counts = { created: number; changed: number; unchanged: number; removed: number };
export type Example = { action: "created" | "changed" | "removed"; label: string; fields?: string[] };
export type Summary = { counts: Partial<Record<Entity, Counts>>; examples: Partial<Record<Entity, Example[]>>; rows: number };

/** A file of the set, read and mapped. */
export type CheckFile = { position: number; name: string; kind: ImportFileKind; table: Table; columns: ColumnMap };

export type ImportContext = {
  schoolId: string;
  brin: string;
  locationCode: string;
  /** Today in the Netherlands (UTC midnight). */
  today: Date;
  /** The school year the import is for: the one that contains today. */
  year: { name: string; startsOn: Date; endsOn: Date };
  fullExport: boolean;
};

type Id = string;
/** Everything an apply writes; ids of new rows are made during the check so later kinds can refer to them. */
export type Plan = {
  schoolYear: { id: Id; create: boolean };
  classes: { create: { id: Id; name: string; year: number; track: string }[]; update: { id: Id; year: number; track: string }[] };
  periods: { id: Id; number: number; startsOn: string; endsOn: string }[];
  users: { id: Id; email: string | null; name: string; locale: Locale }[];
  /** An e-mail address added to a guardian the school knew without one. */
  userEmails: { id: Id; email: string }[];
  guardians: { create: { id: Id; userId: Id; phone: string | null }[]; update: { id: Id; phone: string | null }[] };
  memberships: { userId: Id; role: Role; schoolId: Id | null }[];
  staff: { id: Id; userId: Id; phone: string | null }[];
  mentorships: { staffId: Id; classGroupId: Id }[];
  pupils: {
    create: { id: Id; studentNumber: string; firstName: string; lastName: string; birthDate: string; classGroupId: Id }[];
    update: { id: Id; firstName: string; lastName: string; birthDate: string; classGroupId: Id }[];
    leave: Id[];
  };
  links: {
    create: { guardianId: Id; pupilId: Id; relationship: Relationship; authority: boolean; household: string | null }[];
    update: { id: Id; relationship: Relationship; authority: boolean; household: string | null }[];
  };
  subjects: { create: { id: Id; code: string; name: string }[]; update: { id: Id; name: string }[] };
  assessments: {
    create: { id: Id; classGroupId: Id; subjectId: Id; periodId: Id; description: string; weight: number; heldOn: string }[];
    update: { id: Id; weight: number; periodId: Id }[];
  };
  results: { pupilId: Id; assessmentId: Id; grade: number | null; text: string | null }[];
  absences: { pupilId: Id; date: string; lessonHour: number; kind: AbsenceKind; minutes: number; reason: string | null }[];
};

export function emptyPlan(schoolYearId: Id, createYear: boolean): Plan {
  return {
    schoolYear: { id: schoolYearId, create: createYear },
    classes: { create: [], update: [] }, periods: [], users: [], userEmails: [], guardians: { create: [], update: [] }, memberships: [], staff: [],
    mentorships: [], pupils: { create: [], update: [], leave: [] }, links: { create: [], update: [] },
    subjects: { create: [], update: [] }, assessments: { create: [], update: [] }, results: [], absences: [],
  };
}

/** How many rows a plan writes (the apply's progress is counted in these). */
export function planSize(plan: Plan): number {
  return plan.classes.create.length + plan.classes.update.length + plan.periods.length + plan.users.length + plan.userEmails.length + plan.guardians.create.length +
    plan.guardians.update.length + plan.memberships.length + plan.staff.length + plan.mentorships.length + plan.pupils.create.length +
    plan.pupils.update.length + plan.pupils.leave.length + plan.links.create.length + plan.links.update.length + plan.subjects.create.length +
    plan.subjects.update.length + plan.assessments.create.length + plan.assessments.update.length + plan.results.length + plan.absences.length;
}
