import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { scopeFor } from "@/lib/auth/scope";
import type { Actor } from "@/lib/auth/types";

/** The guardians linked to the signed-in pupil, with whether each may look. */
export async function listOwnGuardians(actor: Actor) {
  assertCan(actor, "pupil:self");
  const pupil = await db.pupil.findFirst({
    where: scopeFor(actor, "pupil"),
    select: {
      firstName: true,
      guardianLinks: {
        where: { accessRestricted: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, consentWithdrawnAt: true, guardian: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!pupil) return [];
  return pupil.guardianLinks.map((link) => ({
    linkId: link.id,
    name: link.guardian.user.name,
    hasAccess: link.consentWithdrawnAt === null,
  }));
}
