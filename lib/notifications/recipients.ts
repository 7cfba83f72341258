import type { AlertChannel } from "@/lib/generated/prisma/enums";
import { guardianRights, type LinkFacts } from "@/lib/auth/guardian-rights";

// Who may receive a message about a pupil: the one rule
// (lib/auth/guardian-rights.ts), asked when a message is queued and again
// just before it is sent, each time at that moment.

/** A guardian hears about a pupil's absence when they may see the pupil's absences (decision 0022). */
export function mayReceiveAbsenceAlerts(link: LinkFacts, pupilBirthDate: Date, now: Date): boolean {
  return guardianRights(link, pupilBirthDate, now).receive.absenceAlerts;
}

/**
 * The channel a message can actually go by: a text message needs a phone
 * number, an e-mail an address (a guardian the school knows no e-mail address
 * of gets a text message, or only the portal message when neither is known).
 */
export function effectiveChannel(preferred: AlertChannel, phone: string | null, email: string | null): AlertChannel {
  if (preferred === "SMS" && !phone) return email ? "EMAIL" : "PORTAL";
  if (preferred === "EMAIL" && !email) return phone ? "SMS" : "PORTAL";
  return preferred;
}

export function addressFor(channel: AlertChannel, email: string | null, phone: string | null): string | null {
  if (channel === "EMAIL") return email;
  if (channel === "SMS") return phone;
  return null;
}
