import type {
  NotificationKind,
  NotificationStatus,
  AlertChannel,
  AlertTiming,
  AbsenceKind,
  ContactChannel,
  ContactKind,
  Denomination,
  Direction,
  GradeReleaseMode,
  IndicatorUnit,
  InitiatedBy,
  InformationCategory,
  Locale,
  Relationship,
  ReportedBy,
  Role,
  SchoolKind,
  SchoolTextKind,
  Tone,
} from "../../lib/generated/prisma/enums";
import { bool, date, decimal, enumArrayOf, enumOf, int, moment, multiline, table, TableBuffer, text, textArray, type Columns, type TableSpec } from "./bulk";

// The columns the seed writes, per model. Timestamps without a database
// default (updatedAt) and the ones whose default would be "now" but should
// look historical are written explicitly.

export const tables = {
  Board: table("Board", { id: text, name: text }),
  SchoolYear: table("SchoolYear", { id: text, name: text, startsOn: date, endsOn: date }),
  QualityIndicator: table("QualityIndicator", {
    id: text, code: text, group: text, unit: enumOf<IndicatorUnit>("IndicatorUnit"), direction: enumOf<Direction>("Direction"),
    perSchoolType: bool, sortOrder: int,
  }),
  User: table("User", {
    id: text, email: text, passwordHash: text, name: text, locale: enumOf<Locale>("Locale"), createdAt: moment, updatedAt: moment,
  }),
  RoleMembership: table("RoleMembership", { id: text, userId: text, role: enumOf<Role>("Role"), schoolId: text, boardId: text, createdAt: moment }),
  School: table("School", {
    id: text, boardId: text, brin: text, locationCode: text, name: text, slug: text, city: text,
    kind: enumOf<SchoolKind>("SchoolKind"), levels: textArray, websiteUrl: text,
    denomination: enumOf<Denomination>("Denomination"), street: text, postalCode: text, phone: text, email: text,
    gradeReleaseMode: enumOf<GradeReleaseMode>("GradeReleaseMode"), gradeReleaseTime: text, createdAt: moment,
  }),
  // The parent-involvement policy (issue 19): a published version with its Dutch text.
  SchoolTextVersion: table("SchoolTextVersion", {
    id: text, schoolId: text, kind: enumOf<SchoolTextKind>("SchoolTextKind"), number: int, publishedAt: moment, createdAt: moment, updatedAt: moment,
  }),
  SchoolTextTranslation: table("SchoolTextTranslation", { versionId: text, locale: enumOf<Locale>("Locale"), body: multiline }),
  Period: table("Period", { id: text, schoolId: text, schoolYearId: text, number: int, startsOn: date, endsOn: date }),
  Subject: table("Subject", { id: text, schoolId: text, code: text, name: text }),
  ClassGroup: table("ClassGroup", { id: text, schoolId: text, schoolYearId: text, name: text, year: int, track: text }),
  Staff: table("Staff", { id: text, userId: text, schoolId: text, phone: text, contactHours: text }),
  Mentorship: table("Mentorship", { id: text, staffId: text, classGroupId: text }),
  Pupil: table("Pupil", {
    id: text, schoolId: text, classGroupId: text, studentNumber: text, firstName: text, lastName: text,
    birthDate: date, userId: text, createdAt: moment,
  }),
  Guardian: table("Guardian", {
    id: text, userId: text, phone: text, preferredChannel: enumOf<ContactChannel>("ContactChannel"), interpreterWanted: bool,
    alertChannel: enumOf<AlertChannel>("AlertChannel"), alertTiming: enumOf<AlertTiming>("AlertTiming"),
  }),
  SchoolHoliday: table("SchoolHoliday", { id: text, schoolId: text, name: text, startsOn: date, endsOn: date }),
  GuardianLink: table("GuardianLink", {
    id: text, guardianId: text, pupilId: text, relationship: enumOf<Relationship>("Relationship"),
    hasParentalAuthority: bool, accessRestricted: bool, restrictionReason: text, informationGrantedAt: moment,
    informationGrantedBy: text, informationCategories: enumArrayOf<InformationCategory>("InformationCategory"), informationUntil: date, consentWithdrawnAt: moment,
    consentGrantedAt: moment, reasonsSharedAt: moment, createdAt: moment,
  }),
  Assessment: table("Assessment", {
    id: text, classGroupId: text, subjectId: text, periodId: text, description: text, weight: int, heldOn: date,
  }),
  Result: table("Result", { id: text, pupilId: text, assessmentId: text, grade: decimal, textValue: text, enteredAt: moment }),
  AbsenceRecord: table("AbsenceRecord", {
    id: text, pupilId: text, date: date, lessonHour: int, kind: enumOf<AbsenceKind>("AbsenceKind"), minutes: int,
    reason: text, pupilReason: text, reportedBy: enumOf<ReportedBy>("ReportedBy"), createdAt: moment,
  }),
  ContactMoment: table("ContactMoment", {
    id: text, pupilId: text, staffId: text, kind: enumOf<ContactKind>("ContactKind"),
    initiatedBy: enumOf<InitiatedBy>("InitiatedBy"), tone: enumOf<Tone>("Tone"), summary: text, internalNote: text,
    occurredOn: date, followUpOn: date, idempotencyKey: text, createdAt: moment,
  }),
  ContactMomentGuardian: table("ContactMomentGuardian", { contactMomentId: text, guardianId: text }),
  Notification: table("Notification", {
    id: text, kind: enumOf<NotificationKind>("NotificationKind"), guardianId: text, pupilId: text, schoolId: text, aboutDate: date,
    channel: enumOf<AlertChannel>("AlertChannel"), locale: enumOf<Locale>("Locale"), address: text,
    status: enumOf<NotificationStatus>("NotificationStatus"), sendAfter: moment, attempts: int, deliveredAt: moment, providerRef: text,
    subject: text, body: multiline, readAt: moment, createdAt: moment, updatedAt: moment,
  }),
  IndicatorValue: table("IndicatorValue", {
    id: text, indicatorId: text, schoolId: text, schoolYearId: text, schoolType: text, draftValue: decimal,
    draftExplanation: text, publishedValue: decimal, publishedExplanation: text, publishedAt: moment, updatedAt: moment,
  }),
  IndicatorBenchmark: table("IndicatorBenchmark", { id: text, indicatorId: text, schoolYearId: text, schoolType: text, value: decimal }),
};

type Tables = typeof tables;
export type Buffers = { [K in keyof Tables]: TableBuffer<Tables[K]["columns"]> };

/** Insert order: every table after the ones it references. */
const ORDER: (keyof Tables)[] = [
  "Board", "SchoolYear", "QualityIndicator", "User", "School", "SchoolTextVersion", "SchoolTextTranslation", "RoleMembership", "SchoolHoliday", "Period", "Subject", "ClassGroup", "Staff",
  "Mentorship", "Pupil", "Guardian", "GuardianLink", "Assessment", "Result", "AbsenceRecord", "ContactMoment",
  "ContactMomentGuardian", "Notification", "IndicatorBenchmark", "IndicatorValue",
];

export function newBuffers(): Buffers {
  const buffers: Partial<Record<keyof Tables, TableBuffer>> = {};
  for (const name of ORDER) buffers[name] = new TableBuffer(tables[name] as TableSpec<Columns>);
  return buffers as unknown as Buffers;
}

export function inInsertOrder(buffers: Buffers): TableBuffer[] {
  return ORDER.map((name) => buffers[name] as unknown as TableBuffer);
}
