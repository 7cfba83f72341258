import { z } from "zod";

// What a pupil can change about one guardian (decisions 0022, 0023):
// consent (18+, or ahead of the 18th birthday from 16) and, at 16 or 17,
// whether the guardian sees the reasons the pupil gives for absence.
export const CONSENT_CHANGES = ["consentGrant", "consentWithdraw", "reasonsShare", "reasonsHide"] as const;
export type ConsentChangeKind = (typeof CONSENT_CHANGES)[number];

export const ConsentChange = z.object({
  linkId: z.string().min(1).max(64),
  change: z.enum(CONSENT_CHANGES),
});
export type ConsentChange = z.infer<typeof ConsentChange>;

/** The confirmation step's address parameters (`/pupil?confirm=<linkId>&change=<change>`); null when they are not valid. */
export function confirmationOf(params: { confirm?: string | string[]; change?: string | string[] }): ConsentChange | null {
  const parsed = ConsentChange.safeParse({ linkId: params.confirm, change: params.change });
  return parsed.success ? parsed.data : null;
}
