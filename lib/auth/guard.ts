import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can, needsTwoStepSetUp, type Permission } from "@/lib/auth/permissions";
import { denyAccess, type AuditCategory, type AuditRoute } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";

/**
 * The page being guarded, for the audit row a refusal writes: its route pattern,
 * the kind of data it shows and, on a pupil's page, the pupil asked for (the
 * row names them, so a wrong role opening a child's page is on that child's record).
 */
export type GuardedPage = { route: AuditRoute; category: AuditCategory; pupilId?: string };

/**
 * For a page of one role: anonymous visitors go to sign-in; a signed-in user
 * of another role gets 404 and an audit row. Call it before anything renders.
 */
export async function requirePermission(permission: Permission, path: string, page: GuardedPage): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  // The board requires two-step sign-in of staff: nothing else until it is set up.
  if (permission !== "profile:update" && needsTwoStepSetUp(actor)) redirect("/account/two-step?required=1");
  return ensurePermission(actor, permission, page);
}

/** 404 and an audit row when the actor's role may not do this. */
export async function ensurePermission(actor: Actor, permission: Permission, page: GuardedPage): Promise<Actor> {
  if (!can(actor, permission)) return denyAccess(actor, "route:view", page.pupilId ?? null, { category: page.category, route: page.route });
  return actor;
}
