import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";
import { adultOn, ageStage, rightsMoment } from "@/lib/auth/guardian-rights";

/**
 * The signed-in pupil's age stage, 18th birthday and guardians (not those the
 * school restricted), with each guardian's consent and whether they see the
 * pupil's own reasons for absence.
 */
export async function listOwnGuardians(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "pupil:self");
  const pupil = await db.pupil.findFirst({
    where: scopeFor(actor, "pupil"),
    select: {
      firstName: true,
      birthDate: true,
      guardianLinks: {
        where: { accessRestricted: false },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, consentGrantedAt: true, consentWithdrawnAt: true, reasonsSharedAt: true, guardian: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!pupil) return null;
  return {
    stage: ageStage(pupil.birthDate, rightsMoment(now)),
    adultOn: adultOn(pupil.birthDate),
    guardians: pupil.guardianLinks.map((link) => ({
      linkId: link.id,
      name: link.guardian.user.name,
      consent: link.consentGrantedAt ? ("granted" as const) : link.consentWithdrawnAt ? ("withdrawn" as const) : ("none" as const),
      consentSince: link.consentGrantedAt ?? link.consentWithdrawnAt,
      reasonsShared: link.reasonsSharedAt !== null,
    })),
  };
}

export type OwnGuardians = NonNullable<Awaited<ReturnType<typeof listOwnGuardians>>>;
