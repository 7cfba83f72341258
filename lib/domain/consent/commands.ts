import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dutchToday } from "@/lib/domain/calendar/dates";
import { AGE_OF_CONSENT, ageOn } from "@/lib/domain/consent/age";
import type { ConsentChange } from "@/lib/domain/consent/schemas";

/**
 * A pupil of 18+ grants or withdraws a guardian's access. Setting the state it
 * already has is a no-op, so a resubmitted form changes nothing twice.
 */
export async function setGuardianConsent(actor: Actor, change: ConsentChange): Promise<void> {
  assertCan(actor, "pupil:self");
  const link = await db.guardianLink.findFirst({
    where: { id: change.linkId, pupil: scopeFor(actor, "pupil") },
    select: { id: true, consentWithdrawnAt: true, pupil: { select: { birthDate: true } } },
  });
  if (!link) throw new AppError("notFound");
  if (ageOn(link.pupil.birthDate, dutchToday()) < AGE_OF_CONSENT) throw new AppError("forbidden");
  const allowed = link.consentWithdrawnAt === null;
  if (allowed === change.allow) return;
  await db.guardianLink.update({
    where: { id: link.id },
    data: { consentWithdrawnAt: change.allow ? null : new Date() },
  });
}
