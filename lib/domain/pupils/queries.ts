import "server-only";
import { db } from "@/lib/db/client";
import { scopeFor } from "@/lib/auth/scope";
import { assertCan } from "@/lib/auth/permissions";
import { denyAccess, writeAudit, writeAuditForList } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { releaseCutoff } from "@/lib/domain/results/release";
import { buildSubjectReports, latestResults } from "@/lib/domain/results/report";
import { toTenths } from "@/lib/domain/results/grades";
import { resultSelect } from "@/lib/domain/results/select";
import { totalsByKind } from "@/lib/domain/attendance/totals";
import { toSickReportPanel } from "@/lib/domain/sick-reports/queries";
import { loadChildRecords } from "@/lib/domain/pupils/child-detail-sql";


function currentRange() {
  const today = dutchToday();
  return { today, year: schoolYearOf(today) };
}

const classAndMentorSelect = {
    select: {
      name: true,
      year: true,
      track: true,
      mentorships: {
        select: {
          staff: { select: { phone: true, contactHours: true, user: { select: { name: true, email: true } } } },
        },
      },
    },
} as const;

function schoolSelect(today: Date) {
  return {
    select: {
      name: true,
      slug: true,
      gradeReleaseMode: true,
      gradeReleaseTime: true,
      periods: {
        where: { startsOn: { lte: today }, endsOn: { gte: today } },
        select: { number: true, startsOn: true, endsOn: true },
      },
    },
  } as const;
}

/** The parent's children with what the overview cards show, in one query. */
export async function listChildrenOverview(actor: Actor) {
  assertCan(actor, "parent:view");
  const { today, year } = currentRange();
  const pupils = await db.pupil.findMany({
    where: scopeFor(actor, "pupil"),
    orderBy: [{ birthDate: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      school: schoolSelect(today),
      classGroup: classAndMentorSelect,
      // Unreleased results are filtered below; 20 leaves room for a day's grades.
      results: {
        where: { assessment: { heldOn: { gte: year.startsOn } } },
        orderBy: { enteredAt: "desc" },
        take: 20,
        select: resultSelect,
      },
      absences: { where: { date: { gte: year.startsOn } }, select: { date: true, kind: true, minutes: true } },
    },
  });
  await writeAuditForList(actor, "pupil:list", pupils.map((p) => p.id));
  return pupils.map((pupil) => {
    const cutoff = releaseCutoff(pupil.school);
    const term = pupil.school.periods[0] ?? null;
    return {
      id: pupil.id,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      school: pupil.school.name,
      className: pupil.classGroup.name,
      mentors: pupil.classGroup.mentorships.map((m) => m.staff.user.name),
      latest: latestResults(pupil.results, cutoff, 3).map((r) => ({
        id: r.id,
        subject: r.assessment.subject.name,
        description: r.assessment.description,
        gradeTenths: r.grade === null ? null : toTenths(r.grade),
        textValue: r.textValue,
      })),
      term: term?.number ?? null,
      termAbsences: totalsByKind(pupil.absences, term?.startsOn, term?.endsOn),
    };
  });
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
