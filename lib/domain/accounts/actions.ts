"use server";

import { redirect } from "next/navigation";
import { getActor, endSessions } from "@/lib/auth/session";

/** Ends the session everywhere: old cookies stop working, also copies of them. */
export async function signOut(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSessions(actor.userId);
  redirect("/login?signedOut=1");
}
