import "server-only";
import type { Actor } from "@/lib/auth/types";
import { getActor } from "@/lib/auth/session";
import { NOT_SAVED, notSavedError } from "@/lib/forms/unavailable";

/**
 * The session's actor for a form action. Reading the session is often a request's first query,
 * so it is where an outage shows first: then NOT_SAVED (answered 503), which the action returns
 * as its form error with the submitted values, as when its command found the database away.
 * Any other failure is thrown as before.
 */
export async function actorOrNotSaved(): Promise<Actor | null | typeof NOT_SAVED> {
  try {
    return await getActor();
  } catch (error) {
    const notSaved = notSavedError(error);
    if (notSaved) return notSaved;
    throw error;
  }
}
