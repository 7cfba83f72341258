// The session token's own rules: lifetime limits and the fields we keep in it.
// Shared by the session module and proxy.ts (which must stay free of Prisma).
import type { JWT } from "next-auth/jwt";

/** A session ends 12 hours after sign-in, whatever happens. */
export const ABSOLUTE_LIFETIME_S = 12 * 60 * 60;
/** …and after 60 minutes without a request. */
export const IDLE_TIMEOUT_S = 60 * 60;
/** proxy.ts renews lastActivity at most this often, to avoid a cookie per request. */
export const ACTIVITY_RENEWAL_S = 5 * 60;

/** `membershipId`: the role chosen in this session (the role switch), or null for the default. */
export type SessionClaims = { userId: string; sessionVersion: number; authTime: number; lastActivity: number; membershipId: string | null };

export function claimsOf(token: JWT | null | undefined): SessionClaims | null {
  if (!token || typeof token.sub !== "string") return null;
  const { sv, authTime, lastActivity, rm } = token as Record<string, unknown>;
  if (typeof sv !== "number" || typeof authTime !== "number" || typeof lastActivity !== "number") return null;
  return { userId: token.sub, sessionVersion: sv, authTime, lastActivity, membershipId: typeof rm === "string" ? rm : null };
}

export function isWithinLifetime(claims: SessionClaims, nowS: number = Math.floor(Date.now() / 1000)): boolean {
  return nowS - claims.authTime < ABSOLUTE_LIFETIME_S && nowS - claims.lastActivity < IDLE_TIMEOUT_S;
}

export function sessionSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}
