import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { denyAccess, writeAudit, writeAuditForList } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { releaseCutoff } from "@/lib/domain/results/release";
import { buildSubjectReports, latestResults } from "@/lib/domain/results/report";
import { toTenths } from "@/lib/domain/results/grades";
import { totalsByKind } from "@/lib/domain/attendance/totals";
import { toSickReportPanel } from "@/lib/domain/sick-reports/queries";
import { loadChildRecords } from "@/lib/domain/pupils/child-detail-sql";
import { loadChildrenOverview } from "@/lib/domain/pupils/overview-sql";


function currentRange() {
  const today = dutchToday();
  return { today, year: schoolYearOf(today) };
}

/** The parent's children with what the overview cards show, in one statement (overview-sql.ts). */
export async function listChildrenOverview(actor: Actor) {
  assertCan(actor, "parent:view");
  if (!actor.guardianId) return [];
  const { today, year } = currentRange();
  // parent:view is a parent's permission: the guardian links are the scope (scopeFor's PARENT rule).
  const pupils = await loadChildrenOverview(actor.guardianId, today, year.startsOn);
  await writeAuditForList(actor, "pupil:list", pupils.map((p) => p.id));
  return pupils.map((pupil) => ({
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    school: pupil.school.name,
    className: pupil.className,
    mentors: pupil.mentors,
    latest: latestResults(pupil.results, releaseCutoff(pupil.school), 3).map((r) => ({
      id: r.id,
      subject: r.assessment.subject.name,
      description: r.assessment.description,
      gradeTenths: r.grade === null ? null : toTenths(r.grade),
      textValue: r.textValue,
    })),
    term: pupil.term,
    termAbsences: pupil.termAbsences,
  }));
}

export type ChildOverview = Awaited<ReturnType<typeof listChildrenOverview>>[number];

/**
 * One child with everything the child page shows, in one statement
 * (child-detail-sql.ts); the view is audit-logged. Someone the actor may not
 * see: 404 and an audit row.
 */
export async function getChildDetail(actor: Actor, pupilId: string, now: Date = new Date()) {
  assertCan(actor, "parent:view");
  const { today, year } = currentRange();
  // parent:view is a parent's permission: the guardian links are the scope (scopeFor's PARENT rule).
  const pupil = actor.guardianId ? await loadChildRecords(pupilId, actor.guardianId, today, year.startsOn) : null;
  if (!pupil) return denyAccess(actor, "pupil:view", pupilId);
  await writeAudit(actor, "pupil:view", "ALLOWED", pupil.id);

  const cutoff = releaseCutoff(pupil.school);
  const term = pupil.school.periods[0] ?? null;
  return {
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    school: { name: pupil.school.name, slug: pupil.school.slug, releaseMode: pupil.school.gradeReleaseMode, releaseTime: pupil.school.gradeReleaseTime },
    classGroup: { name: pupil.classGroup.name, year: pupil.classGroup.year, track: pupil.classGroup.track },
    mentors: pupil.classGroup.mentors,
    subjects: buildSubjectReports(pupil.results, cutoff),
    absences: pupil.absences,
    contacts: pupil.contacts,
    term: term?.number ?? null,
    totals: {
      term: totalsByKind(pupil.absences, term?.startsOn, term?.endsOn),
      year: totalsByKind(pupil.absences, year.startsOn, year.endsOn),
    },
    sickReportPanel: toSickReportPanel(pupil, now),
  };
}

export type ChildDetail = Awaited<ReturnType<typeof getChildDetail>>;
