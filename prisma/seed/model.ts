import type {
  ContactChannel,
  ContactKind,
  InitiatedBy,
  Locale,
  Relationship,
  Tone,
} from "../../lib/generated/prisma/enums";
import type { Day, SchoolYearDates } from "./calendar";
import type { Origin, PersonName, Sex } from "./names";
import type { Rng } from "./random";
import type { ClassPlan, SchoolPlan } from "./schools";
import type { SubjectDef } from "./subjects";

// The in-memory picture of one school, built before any row is encoded so
// the demo accounts can be placed into it first.

export type SeedContext = {
  rng: Rng;
  /** The moment the data is "as of"; nothing is dated after it. */
  now: number;
  today: Day;
  /** Oldest first; the last one contains `today`. */
  years: { id: string; dates: SchoolYearDates }[];
  boardId: string;
  passwordHash: string;
  indicatorIds: Map<string, string>;
};

export type GuardianInfo = {
  id: string;
  userId: string;
  name: PersonName;
  email: string;
  sex: Sex;
  locale: Locale;
  phone: string;
  preferredChannel: ContactChannel;
  interpreterWanted: boolean;
  /** Written once for the whole seed (demo accounts), not with a school. */
  global?: boolean;
  /** The account is a staff member's (a teacher whose own child attends the school): only the guardian profile is written here. */
  staffAccount?: boolean;
};

export type LinkInfo = {
  guardian: GuardianInfo;
  relationship: Relationship;
  hasParentalAuthority: boolean;
  restrictionReason: string | null;
  informationGrantedAt: number | null;
  informationGrantedBy: string | null;
  /** What was granted (art. 1:377c BW) and its last day; none without a grant. */
  informationCategories?: ("RESULTS" | "ABSENCES")[];
  informationUntil?: Day | null;
  consentWithdrawnAt: number | null;
  /** A pupil of 16+ let this guardian keep looking from 18 (decision 0022). */
  consentGrantedAt?: number | null;
  /** A pupil of 16 or 17 shares the reasons they give for absence (decision 0023). */
  reasonsSharedAt?: number | null;
};

export type ScriptedContact = {
  /** School days before today. */
  schoolDaysAgo: number;
  kind: ContactKind;
  initiatedBy: InitiatedBy;
  tone: Tone;
  summary: string;
  internalNote?: string;
  followUpInDays?: number;
  guardians: GuardianInfo[];
};

export type PupilInfo = {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  origin: Origin;
  birthDate: Day;
  userId: string | null;
  enrolledOn: Day;
  links: LinkInfo[];
  /** Mean grade the pupil tends towards. */
  ability: number;
  /** Change in grade level over a whole school year. */
  trend: number;
  /** Subject code the pupil struggles with (mean below 5.5), if any. */
  weakSubject: string | null;
  sickness: number;
  lateness: number;
  truancy: number;
  /** Close to the 16-hours-in-4-weeks truancy reporting threshold. */
  nearTruancyThreshold: boolean;
  /** Hours of skipped lessons in the last four school weeks, when the demo needs an exact case. */
  truancyHours?: number;
  /** A family the school hardly ever reaches. */
  hardToReach: boolean;
  /** Demo pupils: at least one absence of every kind. */
  everyAbsenceKind: boolean;
  scriptedContacts: ScriptedContact[];
  /** Demo pupils: absences with the pupil's own reason, school days ago (decision 0023). */
  scriptedAbsences?: { schoolDaysAgo: number; hour: number; kind: "UNAUTHORISED" | "LATE"; minutes: number; pupilReason: string }[];
};

export type StaffInfo = {
  id: string;
  userId: string;
  name: PersonName;
  email: string;
  phone: string | null;
  contactHours: string | null;
  isLeader: boolean;
};

export type SubjectInfo = SubjectDef & { id: string };

export type ClassInfo = {
  id: string;
  plan: ClassPlan;
  subjects: SubjectInfo[];
  mentor: StaffInfo;
  pupils: PupilInfo[];
  /** Lesson hours per weekday, Monday to Friday. */
  lessonsPerDay: number[];
  /** How often the mentor is in touch, relative to an average mentor. */
  contactLevel: number;
  positiveShare: number;
  heldStartMeetings: boolean;
};

export type SchoolState = {
  id: string;
  plan: SchoolPlan;
  leader: StaffInfo;
  classes: ClassInfo[];
  subjects: SubjectInfo[];
  periodIds: { id: string; yearId: string; number: number; startsOn: Day; endsOn: Day }[];
  /** Lesson days of the current school year up to and including today. */
  schoolDays: Day[];
};
