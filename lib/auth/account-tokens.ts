import { createHash, randomBytes } from "node:crypto";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

// Single-use links to set a password. The token exists only in the e-mail
// (and the browser that opens it); the database keeps its SHA-256. 32 random
// bytes make guessing hopeless, so a fast hash is enough (unlike passwords).

/** Invitations are valid 7 days, password resets 1 hour. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newAccountToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashAccountToken(token) };
}

/** 43 base64url characters: anything else is not one of our tokens (and is not looked up). */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type TokenState = "valid" | "expired" | "used" | "blocked" | "unknown";

/** Why a token can or cannot be used now. `used` also covers a link replaced by a newer one. */
export function tokenState(token: { expiresAt: Date; usedAt: Date | null; userDisabled: boolean } | null, now: Date): TokenState {
  if (!token) return "unknown";
  if (token.userDisabled) return "blocked";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
