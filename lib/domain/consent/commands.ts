import "server-only";
import { db } from "@/lib/db/client";
import { scopeFor } from "@/lib/auth/scope";
import { assertCanFor, denyAccess, writeAudit, type AuditAction, type AuditContext } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { adultOn, ageStage, rightsMoment } from "@/lib/auth/guardian-rights";
import type { ConsentChange, ConsentChangeKind } from "@/lib/domain/consent/schemas";
import { queueGuardianNotice } from "@/lib/notifications/notices";
import { renderConsentNotice, type ConsentChangeKind as NoticeKind } from "@/lib/notifications/rights-templates";

const EFFECT: Record<ConsentChangeKind, { notice: NoticeKind; audit: AuditAction }> = {
  consentGrant: { notice: "consentGranted", audit: "consent:granted" },
  consentWithdraw: { notice: "consentWithdrawn", audit: "consent:withdrawn" },
  reasonsShare: { notice: "reasonsShared", audit: "reasons:shared" },
  reasonsHide: { notice: "reasonsHidden", audit: "reasons:unshared" },
};

// The confirmation step on /pupil posts the change. A refusal names the pupil of
// the link that was asked for (found in the audit statement), also another pupil's.
const PUPIL_PAGE: AuditContext = { category: "consent", route: "/pupil" };
const ABOUT_LINK: AuditContext = { ...PUPIL_PAGE, target: "guardianLink" };

/**
 * A pupil changes what one guardian may do (decisions 0022, 0023):
 * - consent (one per guardian: seeing, messages, booking): from 18, or from 16
 *   ahead of the 18th birthday; at most one of granted/withdrawn is set;
 * - at 16 or 17, whether the guardian sees the reasons the pupil gives.
 * The link change and the guardian's notice (in their language) are written
 * in one transaction; the change is audited. Asking for the state the link
 * already has changes nothing and sends nothing, so a form sent twice is harmless.
 * Returns whether anything changed.
 */
export async function setGuardianConsent(actor: Actor, change: ConsentChange, now: Date = new Date()): Promise<boolean> {
  await assertCanFor(actor, "pupil:self", EFFECT[change.change].audit, change.linkId, ABOUT_LINK);
  const link = await db.guardianLink.findFirst({
    where: { id: change.linkId, accessRestricted: false, pupil: scopeFor(actor, "pupil") },
    select: {
      id: true, consentGrantedAt: true, consentWithdrawnAt: true, reasonsSharedAt: true, guardianId: true,
      guardian: { select: { user: { select: { name: true, email: true, locale: true } } } },
      pupil: { select: { id: true, firstName: true, birthDate: true, schoolId: true } },
    },
  });
  if (!link) return denyAccess(actor, EFFECT[change.change].audit, change.linkId, ABOUT_LINK);
  const stage = ageStage(link.pupil.birthDate, rightsMoment(now));
  const aboutReasons = change.change === "reasonsShare" || change.change === "reasonsHide";
  // Under 16 the parents with authority decide; from 18 the consent covers the reasons too.
  if (stage === "child" || (aboutReasons && stage === "adult")) throw new AppError("forbidden");

  const wanted = change.change === "consentGrant" || change.change === "reasonsShare";
  // Already so: nothing changes, nothing is sent. (Withdrawing consent never given records the "no".)
  const already = aboutReasons ? (link.reasonsSharedAt !== null) === wanted : wanted ? link.consentGrantedAt !== null : link.consentWithdrawnAt !== null;
  if (already) return false;
  const data = aboutReasons
    ? { reasonsSharedAt: wanted ? now : null }
    : wanted ? { consentGrantedAt: now, consentWithdrawnAt: null } : { consentGrantedAt: null, consentWithdrawnAt: now };
  // The state in the where: of two submits at once only one changes anything.
  const guard = aboutReasons
    ? { reasonsSharedAt: wanted ? null : { not: null } }
    : wanted ? { consentGrantedAt: null } : { consentWithdrawnAt: null };
  const { user } = link.guardian;
  const message = renderConsentNotice(user.locale, {
    guardianName: user.name, pupilFirstName: link.pupil.firstName, change: EFFECT[change.change].notice,
    aheadOf: aboutReasons || stage === "adult" ? null : adultOn(link.pupil.birthDate),
  });
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.guardianLink.updateMany({ where: { id: link.id, ...guard }, data });
    if (count === 0) return false;
    await queueGuardianNotice(tx, {
      kind: "CONSENT_NOTICE", guardianId: link.guardianId, pupilId: link.pupil.id, schoolId: link.pupil.schoolId,
      locale: user.locale, email: user.email, message, requestKey: `consent:${link.id}:${change.change}:${now.getTime()}`,
    }, now);
    return true;
  });
  if (changed) await writeAudit(actor, EFFECT[change.change].audit, "ALLOWED", link.pupil.id, { change: change.change, ahead: !aboutReasons && stage !== "adult" }, PUPIL_PAGE);
  return changed;
}
