import { TOKEN_LIFETIME_MS } from "@/lib/auth/account-tokens";
import type { NotificationStatus } from "@/lib/generated/prisma/enums";

// Where a person stands with their invitation. Pure, so the list, the counts
// and the bulk action agree, and it is unit-tested.

export const INVITATION_STATUSES = ["notInvited", "pending", "invited", "expired", "failed", "active", "noEmail", "blocked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export type LastInvitation = { status: NotificationStatus; createdAt: Date; deliveredAt: Date | null } | null;

export function invitationStatus(person: { hasPassword: boolean; email: string | null; disabled: boolean }, last: LastInvitation, now: Date): InvitationStatus {
  if (person.disabled) return "blocked";
  if (person.hasPassword) return "active";
  if (!person.email) return "noEmail";
  if (!last) return "notInvited";
  switch (last.status) {
    case "PENDING":
    case "SENDING":
      return "pending";
    case "FAILED":
      return "failed";
    case "DELIVERED":
      return last.deliveredAt && last.deliveredAt.getTime() + TOKEN_LIFETIME_MS.INVITATION <= now.getTime() ? "expired" : "invited";
    default:
      // SKIPPED: the account was blocked or already active when it was to be sent.
      return "notInvited";
  }
}

/** Who may get an invitation now (one person: also a resend of a valid one). */
export function mayInvite(status: InvitationStatus): boolean {
  return status === "notInvited" || status === "invited" || status === "expired" || status === "failed";
}

/** Who "invite everyone not yet active" includes: nobody with a valid invitation still waiting to be used. */
export function includedInBulk(status: InvitationStatus): boolean {
  return status === "notInvited" || status === "expired" || status === "failed";
}
