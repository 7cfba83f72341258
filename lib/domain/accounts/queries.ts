import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { mayUseTwoStep } from "@/lib/domain/accounts/two-step-commands";
import type { Actor } from "@/lib/auth/types";

/** The account page: the user's own address, when the password last changed, two-step status. */
export async function accountOverview(actor: Actor) {
  assertCan(actor, "profile:update");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, locale: true, passwordChangedAt: true, lastSignInAt: true, totpEnabledAt: true },
  });
  return { ...user, twoStep: mayUseTwoStep(actor) ? { enabled: user.totpEnabledAt !== null, required: actor.twoFactor.required } : null };
}
