import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { guardianScope, scopeFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, type AuditAction } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { changeOptions, isoDay, reportWindow, statusOf, type ReportStatus } from "@/lib/domain/sick-reports/rules";

const AUDIT_ACTION: AuditAction = "sickReport:create";
const RECENT_DAYS = 7;
const STATUS_ORDER: Record<ReportStatus, number> = { ACTIVE: 0, UPCOMING: 1, ENDED: 2, CANCELLED: 3 };

/** Reports that still cover today or a later day (withdrawn ones are filtered out by status). */
function currentOrLater(today: Date): Prisma.SickReportWhereInput {
  return { OR: [{ endsOn: null, endedAt: null }, { endsOn: { gte: today } }] };
}

const reportFields = {
  id: true,
  guardianId: true,
  reason: true,
  note: true,
  startsOn: true,
  endsOn: true,
  createdAt: true,
  guardian: { select: { user: { select: { name: true } } } },
} as const;

/** The school fields the sick-report rules need (nested select; merge into a school select). */
export function sickReportSchoolFields(today: Date) {
  return {
    name: true,
    phone: true,
    sickReportDeadline: true,
    sickReportMaxDaysAhead: true,
    holidays: { where: { startsOn: { lte: today }, endsOn: { gte: today } }, select: { startsOn: true, endsOn: true } },
  } as const;
}

/** A pupil's current and coming reports (nested select on Pupil). */
export function sickReportsSelect(today: Date) {
  return { where: currentOrLater(today), orderBy: { startsOn: "asc" as const }, select: reportFields };
}

type PanelSource = {
  id: string;
  firstName: string;
  school: Prisma.SchoolGetPayload<{ select: ReturnType<typeof sickReportSchoolFields> }>;
  sickReports: Prisma.SickReportGetPayload<{ select: typeof reportFields }>[];
};

/**
 * The panel from data loaded by a query that used the two selects above (no
 * query of its own). `guardianId`: the reader's, so their own reports offer
 * "withdraw or shorten" and the other parent's name who can.
 */
export function toSickReportPanel(pupil: PanelSource, guardianId: string | null, now: Date = new Date()) {
  const window = reportWindow(pupil.school, now);
  return {
    pupilId: pupil.id,
    firstName: pupil.firstName,
    school: { name: pupil.school.name, phone: pupil.school.phone },
    rules: {
      today: isoDay(window.today),
      todayIsSchoolDay: window.todayIsSchoolDay,
      todayAllowed: window.todayAllowed,
      firstDay: isoDay(window.firstDay),
      latestDay: isoDay(window.latestDay),
      deadline: window.deadline,
      maxDaysAhead: window.maxDaysAhead,
    },
    reports: pupil.sickReports
      .map((report) => ({
        id: report.id,
        reason: report.reason,
        note: report.note,
        startsOn: report.startsOn,
        endsOn: report.endsOn,
        createdAt: report.createdAt,
        reportedBy: report.guardian.user.name,
        status: statusOf(report, window.today),
        mine: report.guardianId === guardianId,
        change: changeOptions(report, window.today),
      }))
      .filter((report) => report.status === "ACTIVE" || report.status === "UPCOMING"),
  };
}

/**
 * What the child page needs to report absence, in one query: the school's
 * rules (shown before the parent submits) and the child's current and coming
 * reports. (The child page itself gets it through getChildDetail's one query.)
 */
export async function getSickReportPanel(actor: Actor, pupilId: string, now: Date = new Date()) {
  await assertCanFor(actor, "sickReport:create", AUDIT_ACTION, pupilId, { category: "absences", route: "/parent/children/[pupilId]" });
  const today = dutchToday(now);
  const pupil = await db.pupil.findFirst({
    where: { id: pupilId, ...guardianScope(actor, "reportSick", now) },
    select: { id: true, firstName: true, school: { select: sickReportSchoolFields(today) }, sickReports: sickReportsSelect(today) },
  });
  if (!pupil) return denyAccess(actor, AUDIT_ACTION, pupilId, { category: "absences", route: "/parent/children/[pupilId]" });
  return toSickReportPanel(pupil, actor.guardianId, now);
}

export type SickReportPanel = ReturnType<typeof toSickReportPanel>;
export type ParentSickReport = SickReportPanel["reports"][number];

/**
 * The guardians' reports for the mentor's classes, in one query: those that
 * cover today, start later, or were made in the last week.
 */
export async function activeSickReportsForMentor(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "mentor:view");
  const today = dutchToday(now);
  const reports = await db.sickReport.findMany({
    where: {
      pupil: scopeFor(actor, "pupil"),
      OR: [
        { startsOn: { lte: today }, OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
        { startsOn: { gt: today }, endedAt: null },
        { createdAt: { gte: new Date(now.getTime() - RECENT_DAYS * 86_400_000) } },
      ],
    },
    orderBy: [{ startsOn: "asc" }, { createdAt: "asc" }],
    take: 200,
    select: {
      ...reportFields,
      pupil: { select: { id: true, firstName: true, lastName: true, classGroup: { select: { name: true } } } },
    },
  });
  return reports
    .map((report) => ({
      id: report.id,
      pupilId: report.pupil.id,
      pupilName: `${report.pupil.firstName} ${report.pupil.lastName}`,
      className: report.pupil.classGroup.name,
      reason: report.reason,
      note: report.note,
      startsOn: report.startsOn,
      endsOn: report.endsOn,
      createdAt: report.createdAt,
      reportedBy: report.guardian.user.name,
      status: statusOf(report, today),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

export type MentorSickReport = Awaited<ReturnType<typeof activeSickReportsForMentor>>[number];
