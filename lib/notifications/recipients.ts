import type { AlertChannel } from "@/lib/generated/prisma/enums";
import { AGE_OF_CONSENT, ageOn } from "@/lib/domain/consent/age";

// Who may receive a message about a pupil. Pure: the same rule decides when a
// message is queued and again just before it is sent.

export type LinkForMessaging = {
  hasParentalAuthority: boolean;
  accessRestricted: boolean;
  informationGrantedAt: Date | null;
  consentWithdrawnAt: Date | null;
  consentGrantedAt: Date | null;
};

/**
 * A guardian hears about a pupil when the school has not restricted the link,
 * they hold parental authority or were granted information (art. 1:377c BW),
 * and — for a pupil of 18 or older — the pupil has explicitly agreed.
 */
export function mayReceiveMessages(link: LinkForMessaging, pupilBirthDate: Date, day: Date): boolean {
  if (link.accessRestricted || link.consentWithdrawnAt) return false;
  if (!link.hasParentalAuthority && !link.informationGrantedAt) return false;
  if (ageOn(pupilBirthDate, day) >= AGE_OF_CONSENT && !link.consentGrantedAt) return false;
  return true;
}

/** The channel actually used: a text message needs a phone number, otherwise e-mail. */
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
