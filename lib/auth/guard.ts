import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can, needsTwoStepSetUp, type Permission } from "@/lib/auth/permissions";
import { denyAccess } from "@/lib/auth/audit";
import type { Actor } from "@/lib/auth/types";

/**
 * For a page of one role: anonymous visitors go to sign-in; a signed-in user
 * of another role gets 404 and an audit row. Call it before anything renders.
 */
export async function requirePermission(permission: Permission, path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  // The board requires two-step sign-in of staff: nothing else until it is set up.
  if (permission !== "profile:update" && needsTwoStepSetUp(actor)) redirect("/account/two-step?required=1");
  return ensurePermission(actor, permission);
}

/** 404 and an audit row when the actor's role may not do this. */
export async function ensurePermission(actor: Actor, permission: Permission): Promise<Actor> {
  if (!can(actor, permission)) return denyAccess(actor, "route:view", null);
  return actor;
}
