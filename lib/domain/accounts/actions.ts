"use server";

import { redirect } from "next/navigation";
import { getActor, endSessions, setActiveMembership } from "@/lib/auth/session";
import { HOME_ROUTE } from "@/lib/auth/permissions";
import { writeAudit, type AuditContext } from "@/lib/auth/audit";
import { RoleChoice } from "@/lib/domain/accounts/schemas";
import { markWelcomed } from "@/lib/domain/accounts/welcome";
import { submittedForm } from "@/lib/forms/form-data";

// The role switch is in the header of every portal page; its rows count as the account area's.
const ROLE_SWITCH: AuditContext = { category: "account", route: "/account" };

/** Ends the session everywhere: old cookies stop working, also copies of them. */
export async function signOut(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSessions(actor.userId);
  redirect("/login?signedOut=1");
}

/**
 * The role switch in the header: makes another of the user's own roles the
 * active one for this session and goes to that role's home. A membership that
 * is not the user's is refused like any other out-of-scope id (404 + audit).
 */
export async function switchRole(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const formData = submittedForm(form);
  const parsed = RoleChoice.safeParse({ membershipId: formData?.get("membershipId") });
  const chosen = parsed.success ? actor.memberships.find((m) => m.id === parsed.data.membershipId) : undefined;
  if (!chosen) {
    await writeAudit(actor, "role:switch", "DENIED", parsed.success ? parsed.data.membershipId : null, undefined, ROLE_SWITCH);
    redirect(HOME_ROUTE[actor.role]);
  }
  if (chosen.id !== actor.membershipId) {
    await setActiveMembership(chosen.id);
    await writeAudit(actor, "role:switch", "ALLOWED", null, { from: actor.role, to: chosen.role, schoolId: chosen.schoolId }, ROLE_SWITCH);
  }
  redirect(HOME_ROUTE[chosen.role]);
}

/** "Got it" on the first-sign-in welcome: the overview shows it no more. */
export async function dismissWelcome(): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  await markWelcomed(actor);
  redirect(HOME_ROUTE[actor.role]);
}
