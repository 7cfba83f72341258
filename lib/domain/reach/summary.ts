import "server-only";
import type { Actor } from "@/lib/auth/types";
import { schoolReach } from "@/lib/domain/reach/queries";
import { share } from "@/lib/domain/reach/filter";

/**
 * The school-level reach figures, for other parts of the leader's side (the
 * self-assessment shows them beside the domains they evidence). A leader only,
 * their own school (AppError "forbidden" otherwise); one SQL statement.
 *
 * - families: the school's families this school year (docs/architecture.md, "Reach dashboard")
 * - reachedShare: share of families with a contact moment within the school's threshold
 * - positiveShare: share of this school year's contact moments with tone POSITIVE
 * - neverReached: families without any contact moment this school year
 * - alertDeliveryShare: absence alerts delivered / sent this school year
 * - conferenceAttendance: CAME / (CAME + NO_SHOW) of this school year's bookings
 * Every share is 0..1, or null when there is nothing to divide (or, for
 * conferences, when the school held no round this year: "not in use").
 */
export type SchoolReachSummary = {
  families: number;
  reachedShare: number | null;
  positiveShare: number | null;
  neverReached: number;
  alertDeliveryShare: number | null;
  conferenceAttendance: number | null;
};

export async function schoolReachSummary(actor: Actor, now: Date): Promise<SchoolReachSummary> {
  const reach = await schoolReach(actor, now);
  const sent = reach.alerts.reduce((n, w) => n + w.sent, 0);
  const delivered = reach.alerts.reduce((n, w) => n + w.delivered, 0);
  const conf = reach.conferences;
  return {
    families: reach.families.families,
    reachedShare: share(reach.families.reached, reach.families.families),
    positiveShare: share(reach.moments.positive, reach.moments.moments),
    neverReached: reach.families.never,
    alertDeliveryShare: share(delivered, sent),
    conferenceAttendance: conf ? share(conf.came, conf.came + conf.noShow) : null,
  };
}
