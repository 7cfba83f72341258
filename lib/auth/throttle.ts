import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db/client";
import { sessionSecret } from "@/lib/auth/session-token";

// Counters of failed sign-ins, kept in PostgreSQL (table "SignInThrottle") so
// every server process and machine shares them (docs/decisions/0008).
// Keys are keyed hashes: the table never holds an e-mail or IP address.

const TABLE = { storeClient: pool, storeType: "pool", tableName: "SignInThrottle", tableCreated: true } as const;

/** At most 10 failures per account (e-mail address, known or not) per 15 minutes… */
export const ACCOUNT_LIMIT = { points: 10, duration: 15 * 60 };
/** …and 100 per client address per hour. */
export const ADDRESS_LIMIT = { points: 100, duration: 60 * 60 };
/** Reset e-mails: 3 per address per hour, 20 per client address per hour. */
export const RESET_ACCOUNT_LIMIT = { points: 3, duration: 60 * 60 };
export const RESET_ADDRESS_LIMIT = { points: 20, duration: 60 * 60 };

let limiters: Record<"account" | "address" | "resetAccount" | "resetAddress", RateLimiterPostgres> | null = null;
function limiter(name: keyof NonNullable<typeof limiters>): RateLimiterPostgres {
  limiters ??= {
    account: new RateLimiterPostgres({ ...TABLE, keyPrefix: "signin-account", ...ACCOUNT_LIMIT }),
    address: new RateLimiterPostgres({ ...TABLE, keyPrefix: "signin-ip", ...ADDRESS_LIMIT }),
    resetAccount: new RateLimiterPostgres({ ...TABLE, keyPrefix: "reset-account", ...RESET_ACCOUNT_LIMIT }),
    resetAddress: new RateLimiterPostgres({ ...TABLE, keyPrefix: "reset-ip", ...RESET_ADDRESS_LIMIT }),
  };
  return limiters[name];
}

/** A keyed hash (HMAC-SHA-256 with the app's secret) of an e-mail or IP address: stable, not reversible. */
export function throttleKey(value: string): string {
  return createHmac("sha256", sessionSecret()).update(`throttle\u0000${value}`).digest("base64url").slice(0, 32);
}

export type Keys = { account: string; address: string };
export type Reservation = { allowed: true } | { allowed: false; retryAt: Date; limit: "account" | "address" };

async function reserve(names: ["account" | "resetAccount", "address" | "resetAddress"], keys: Keys): Promise<Reservation> {
  const results = await Promise.allSettled([limiter(names[0]).consume(keys.account), limiter(names[1]).consume(keys.address)]);
  const refused = results.flatMap((r, i) => (r.status === "rejected" ? [{ i, reason: r.reason as unknown }] : []));
  if (refused.length === 0) return { allowed: true };
  // Anything but the limiter's own answer (the database is down) is an error, not a refusal.
  const error = refused.find((r) => !(r.reason instanceof RateLimiterRes));
  if (error) throw error.reason;
  const wait = Math.max(...refused.map((r) => (r.reason as RateLimiterRes).msBeforeNext));
  return { allowed: false, retryAt: new Date(Date.now() + wait), limit: refused.some((r) => r.i === 0) ? "account" : "address" };
}

/**
 * Counts one sign-in attempt against the account and the client address
 * before the password is checked: once either has used up its failures the
 * attempt is refused, with the right password too. Counting first (instead
 * of after a failure) keeps the limit exact when attempts arrive in parallel
 * on several processes; a successful attempt gives its point back.
 */
export function reserveSignInAttempt(keys: Keys): Promise<Reservation> {
  return reserve(["account", "address"], keys);
}

/** A successful sign-in: the account's counter starts again, the address gets its point back. */
export async function signInSucceeded(keys: Keys): Promise<void> {
  await Promise.all([limiter("account").delete(keys.account), limiter("address").reward(keys.address, 1)]);
}

/** An attempt that was no failure (the password was right, the two-step code comes next): its points back. */
export async function returnAttempt(keys: Keys): Promise<void> {
  await Promise.all([limiter("account").reward(keys.account, 1), limiter("address").reward(keys.address, 1)]);
}

/** A failed attempt that happens outside sign-in (a wrong current password on the account page). */
export async function countFailure(accountKey: string): Promise<void> {
  await limiter("account").penalty(accountKey, 1);
}

/** Whether the account may try a password now (for the account page's current-password check). */
export async function accountBlockedUntil(accountKey: string): Promise<Date | null> {
  const res = await limiter("account").get(accountKey);
  return res && res.consumedPoints >= ACCOUNT_LIMIT.points ? new Date(Date.now() + res.msBeforeNext) : null;
}

/** Reset e-mails: refused (silently, the answer stays neutral) after the limits above. */
export function reserveResetMail(keys: Keys): Promise<Reservation> {
  return reserve(["resetAccount", "resetAddress"], keys);
}
