import "server-only";
import type { Actor } from "@/lib/auth/types";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { dutchToday, schoolYearOf } from "@/lib/domain/calendar/dates";
import { schoolReach } from "@/lib/domain/reach/queries";
import { share } from "@/lib/domain/reach/filter";

/**
 * School-level reach figures shown beside the domains they evidence
 * (model.ts `EVIDENCE_OF`): the reach dashboard's own school statement
 * (lib/domain/reach, one SQL statement), so the self-assessment and the
 * dashboard never disagree. A family is a pupil's guardians the school may
 * involve, two households one family, a family with children in two classes
 * once (docs/architecture.md, "Reach dashboard"). Counts only; no pupil is
 * named, so nothing is audited.
 */
export type ReachEvidence = {
  schoolYear: string;
  thresholdWeeks: number;
  families: number;
  /** Families with a contact moment within the school's "not reached" threshold. */
  contactWithinThreshold: { count: number; share: number | null };
  /** Families without any contact moment this school year. */
  neverReached: number;
  /** Contact moments this school year with a positive tone, of all of them. */
  positiveShare: { positive: number; total: number; share: number | null };
  /** Conference attendance this school year (came / came + no-show); null: no conference rounds this year ("not in use"). */
  conferenceAttendance: { came: number; marked: number; share: number | null } | null;
};

/** The figures for the leader's own school as of `now` (injected: tests pin the clock). */
export async function schoolReachEvidence(actor: Actor, now: Date): Promise<ReachEvidence> {
  assertCan(actor, "selfAssessment:manage");
  if (!actor.schoolId) throw new AppError("forbidden");
  const reach = await schoolReach(actor, now);
  const { families, reached, never } = reach.families;
  const { moments, positive } = reach.moments;
  const conf = reach.conferences;
  const marked = conf ? conf.came + conf.noShow : 0;
  return {
    schoolYear: schoolYearOf(dutchToday(now)).name,
    thresholdWeeks: reach.thresholdWeeks,
    families,
    contactWithinThreshold: { count: reached, share: share(reached, families) },
    neverReached: never,
    positiveShare: { positive, total: moments, share: share(positive, moments) },
    conferenceAttendance: conf ? { came: conf.came, marked, share: share(conf.came, marked) } : null,
  };
}
