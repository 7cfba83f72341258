import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { assertCanFor, denyAccess, writeAudit, writeAuditForList, type AuditContext } from "@/lib/auth/audit";

const OVERVIEW: AuditContext = { category: "record", route: "/parent" };
const CHILD_PAGE: AuditContext = { category: "record", route: "/parent/children/[pupilId]" };
import type { Actor } from "@/lib/auth/types";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { releaseCutoff } from "@/lib/domain/results/release";
import { buildSubjectReports, latestResults } from "@/lib/domain/results/report";
import { toTenths } from "@/lib/domain/results/grades";
import { totalsByKind } from "@/lib/domain/attendance/totals";
import { toSickReportPanel } from "@/lib/domain/sick-reports/queries";
import { loadChildRecords } from "@/lib/domain/pupils/child-detail-sql";
import { loadChildrenOverview } from "@/lib/domain/pupils/overview-sql";
import { guardianRights, seesAnything } from "@/lib/auth/guardian-rights";

function currentRange(now: Date) {
  const today = dutchToday(now);
  return { today, year: schoolYearOf(today) };
}

/**
 * The parent's children with what the overview cards show, in one statement
 * (overview-sql.ts): those they may see anything of, each only as far as
 * their link allows (`rights`), and those they may ask the school about
 * (art. 1:377c BW) with their latest request.
 */
export async function parentOverview(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "parent:view");
  if (!actor.guardianId) return { children: [], askable: [] };
  const { today, year } = currentRange(now);
  // parent:view is a parent's permission: the guardian links are the scope (the rule's SQL form).
  const pupils = (await loadChildrenOverview(actor, today, year.startsOn, now)).map((pupil) => ({ ...pupil, rights: guardianRights(pupil.link, pupil.birthDate, now) }));
  await writeAuditForList(actor, "pupil:list", pupils.map((p) => p.id), OVERVIEW);
  const children = pupils.filter((pupil) => seesAnything(pupil.rights)).map((pupil) => ({
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    school: pupil.school.name,
    className: pupil.className,
    mentors: pupil.mentors,
    latest: latestResults(pupil.results, releaseCutoff(pupil.school), 3).map((r) => ({
      id: r.id,
      subject: r.assessment.subject.name,
      subjectCode: r.assessment.subject.code,
      description: r.assessment.description,
      gradeTenths: r.grade === null ? null : toTenths(r.grade),
      textValue: r.textValue,
    })),
    term: pupil.term,
    termAbsences: pupil.termAbsences,
    events: pupil.events,
    rights: pupil.rights,
    lastRequest: pupil.lastRequest,
    conferenceOpen: pupil.conferenceOpen,
  }));
  const askable = pupils.filter((pupil) => !seesAnything(pupil.rights) && pupil.rights.mayAsk).map((pupil) => ({
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    school: pupil.school.name,
    lastRequest: pupil.lastRequest,
    grantEnded: pupil.link.informationGrantedAt !== null,
  }));
  return { children, askable };
}

/** The children the parent may see anything of (parentOverview's first part). */
export async function listChildrenOverview(actor: Actor, now: Date = new Date()) {
  return (await parentOverview(actor, now)).children;
}

export type ChildrenOverview = Awaited<ReturnType<typeof parentOverview>>;
export type ChildOverview = ChildrenOverview["children"][number];
export type AskableChild = ChildrenOverview["askable"][number];

/**
 * One child with everything the child page shows, in one statement
 * (child-detail-sql.ts), each part only as far as the guardian's link allows
 * (`rights`); the view is audit-logged. Someone the actor may not see: 404
 * and an audit row.
 */
export async function getChildDetail(actor: Actor, pupilId: string, now: Date = new Date()) {
  await assertCanFor(actor, "parent:view", "pupil:view", pupilId, CHILD_PAGE);
  const { today, year } = currentRange(now);
  // parent:view is a parent's permission: the guardian links are the scope (scopeFor's PARENT rule).
  const pupil = await loadChildRecords(actor, pupilId, today, year.startsOn, now);
  if (!pupil) return denyAccess(actor, "pupil:view", pupilId, CHILD_PAGE);
  await writeAudit(actor, "pupil:view", "ALLOWED", pupil.id, undefined, CHILD_PAGE);

  const rights = guardianRights(pupil.link, pupil.birthDate, now);
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
    events: pupil.events,
    term: term?.number ?? null,
    totals: {
      term: totalsByKind(pupil.absences, term?.startsOn, term?.endsOn),
      year: totalsByKind(pupil.absences, year.startsOn, year.endsOn),
    },
    sickReportPanel: rights.reportSick ? toSickReportPanel(pupil, actor.guardianId, now) : null,
    // An open conference round of the child's class (issue 16): read only when the guardian may book.
    conference: pupil.conference,
    rights,
  };
}

export type ChildDetail = Awaited<ReturnType<typeof getChildDetail>>;
