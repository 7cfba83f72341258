import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import { guardianRights, rightsMoment } from "@/lib/auth/guardian-rights";
import { LINK_FACTS_SELECT, linkWhere } from "@/lib/auth/guardian-rights-forms";
import { assertCanFor, denyAccess, writeAudit, type AuditContext } from "@/lib/auth/audit";

const PUPIL_PAGE: AuditContext = { category: "record", route: "/mentor/pupils/[pupilId]" };
import type { Actor } from "@/lib/auth/types";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { attemptAfter, coverageOf, isDue, newestFirst, openFollowUp } from "@/lib/domain/contacts/coverage";
import { CORRECTION_WINDOW_MS } from "@/lib/domain/contacts/commands";
import { buildSubjectReports } from "@/lib/domain/results/report";
import { schoolYearRecords } from "@/lib/domain/results/select";
import { groupByDay, totalsByKind } from "@/lib/domain/attendance/totals";
import { loadContactHoursAuditingList, loadMentorPupils } from "@/lib/domain/contacts/mentor-list-sql";
import { sortMentorRows, type MentorListSort } from "@/lib/domain/contacts/filter";

export type MentorListFilter = { show: "all" | "notReached"; sort: MentorListSort };

/** The guardians the school may involve (the one rule: not restricted; of a pupil of 18+ only with consent). */
const guardianSelect = (now: Date) => ({
  where: linkWhere("involve", rightsMoment(now)),
  orderBy: { createdAt: "asc" },
  select: {
    ...LINK_FACTS_SELECT,
    relationship: true,
    guardian: {
      select: { id: true, phone: true, preferredChannel: true, interpreterWanted: true, user: { select: { name: true, email: true, locale: true } } },
    },
  },
} as const);

/**
 * Every pupil of the mentor's classes with their families' contact coverage,
 * in one statement whatever the number of pupils; plus the follow-ups that are due.
 */
export async function listMentorOverview(actor: Actor, filter: MentorListFilter, now: Date = new Date()) {
  assertCan(actor, "mentor:view");
  const today = dutchToday(now);
  const year = schoolYearOf(today);
  // The contact hours' statement writes the list's audit rows (one per pupil of the mentor's classes).
  const [contactHours, pupils] = await Promise.all([
    loadContactHoursAuditingList(actor, "pupil:list", { category: "contacts", route: "/mentor" }), loadMentorPupils(actor, year.startsOn, today),
  ]);
  const rows = pupils.map((pupil) => {
    const coverage = coverageOf(pupil.moments, today, pupil.contactThresholdWeeks);
    const followUp = openFollowUp(pupil.moments);
    return {
      id: pupil.id,
      name: `${pupil.firstName} ${pupil.lastName}`,
      lastName: pupil.lastName,
      className: pupil.className,
      thresholdWeeks: pupil.contactThresholdWeeks,
      guardians: pupil.guardians,
      ...coverage,
      lastAttempt: attemptAfter(coverage.last, pupil.lastNoShow),
      followUp: followUp ? { on: followUp.followUpOn!, summary: followUp.summary, due: isDue(followUp.followUpOn!, today) } : null,
    };
  });
  const visible = sortMentorRows(rows.filter((r) => filter.show === "all" || r.notReached), filter.sort);
  return {
    contactHours: contactHours ?? "",
    total: rows.length,
    notReachedCount: rows.filter((r) => r.notReached).length,
    rows: visible,
    followUpsDue: rows
      .filter((r) => r.followUp?.due)
      .map((r) => ({ pupilId: r.id, name: r.name, className: r.className, on: r.followUp!.on, summary: r.followUp!.summary }))
      .sort((a, b) => a.on.getTime() - b.on.getTime()),
  };
}

export type MentorOverview = Awaited<ReturnType<typeof listMentorOverview>>;

/** What a mentor needs before picking up the phone. Out of scope: 404 and an audit row. */
export async function getMentorPupil(actor: Actor, pupilId: string, now = new Date()) {
  await assertCanFor(actor, "mentor:view", "pupil:view", pupilId, PUPIL_PAGE);
  const today = dutchToday(now);
  const year = schoolYearOf(today);
  const pupil = await db.pupil.findFirst({
    where: { id: pupilId, ...scopeFor(actor, "pupil") },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      classGroup: { select: { name: true, year: true, track: true } },
      school: { select: { contactThresholdWeeks: true } },
      guardianLinks: guardianSelect(now),
      ...schoolYearRecords(year.startsOn),
      contactMoments: {
        select: {
          id: true, occurredOn: true, createdAt: true, kind: true, initiatedBy: true, tone: true, summary: true, internalNote: true, followUpOn: true, staffId: true,
          staff: { select: { user: { select: { name: true } } } },
          guardians: { select: { guardianId: true, guardian: { select: { user: { select: { name: true } } } } } },
        },
      },
    },
  });
  if (!pupil) return denyAccess(actor, "pupil:view", pupilId, PUPIL_PAGE);
  await writeAudit(actor, "pupil:view", "ALLOWED", pupil.id, undefined, PUPIL_PAGE);
  const moments = newestFirst(pupil.contactMoments);
  const followUp = openFollowUp(moments);
  return {
    id: pupil.id,
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    classGroup: pupil.classGroup,
    guardians: pupil.guardianLinks.map((link) => ({
      id: link.guardian.id,
      name: link.guardian.user.name,
      email: link.guardian.user.email,
      phone: link.guardian.phone,
      locale: link.guardian.user.locale,
      channel: link.guardian.preferredChannel,
      interpreterWanted: link.guardian.interpreterWanted,
      hasParentalAuthority: link.hasParentalAuthority,
      relationship: link.relationship,
      // What this guardian gets from the school (the one rule), for the mentor's card.
      rights: guardianRights(link, pupil.birthDate, now),
    })),
    // Mentors see every result as soon as it is entered; release times are for parents.
    subjects: buildSubjectReports(pupil.results, now),
    recentAbsences: groupByDay(pupil.absences).slice(0, 8),
    absenceTotals: totalsByKind(pupil.absences),
    coverage: coverageOf(moments.filter((m) => m.occurredOn >= year.startsOn), today, pupil.school.contactThresholdWeeks),
    followUp: followUp ? { on: followUp.followUpOn!, summary: followUp.summary, due: isDue(followUp.followUpOn!, today) } : null,
    history: moments.map((m) => ({
      id: m.id,
      occurredOn: m.occurredOn,
      kind: m.kind,
      initiatedBy: m.initiatedBy,
      tone: m.tone,
      summary: m.summary,
      internalNote: m.internalNote,
      followUpOn: m.followUpOn,
      by: m.staff.user.name,
      guardians: m.guardians.map((g) => g.guardian.user.name),
      guardianIds: m.guardians.map((g) => g.guardianId),
      correctable: m.staffId === actor.staffId && now.getTime() - m.createdAt.getTime() <= CORRECTION_WINDOW_MS,
    })),
  };
}

export type MentorPupil = Awaited<ReturnType<typeof getMentorPupil>>;
