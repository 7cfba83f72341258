// How long a message waits for a provider that is away (docs/decisions/0042).
// A temporary failure (SMTP server unreachable, timeout, 4xx; SMS provider
// unreachable, timeout, 429 or 5xx) puts the row back to PENDING with the next
// attempt at now + delay; the delay doubles from the base up to the cap. After
// `maxAttempts` attempts the row is FAILED with the last reason.
//
// Defaults: 8 attempts, 30 s base, 15 min cap: waits of 0.5, 1, 2, 4, 8, 15 and
// 15 minutes, so the last attempt comes 45.5 minutes after the first. A
// provider that is away for 10 minutes (the brief) is retried at most 6 times.

export type RetryPolicy = { maxAttempts: number; baseSeconds: number; maxDelaySeconds: number };

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseSeconds: 30, maxDelaySeconds: 900 };

const positive = (value: string | undefined, fallback: number, integer = false) => {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isFinite(n) || n <= 0) return fallback;
  return integer ? Math.max(1, Math.floor(n)) : n;
};

/**
 * The policy from the environment: NOTIFICATION_MAX_ATTEMPTS (whole number ≥ 1),
 * NOTIFICATION_RETRY_BASE_SECONDS and NOTIFICATION_RETRY_MAX_SECONDS (> 0; fractions
 * are allowed so tests can retry within a second). Anything unreadable falls back to the default.
 */
export function retryPolicy(env: Record<string, string | undefined> = process.env): RetryPolicy {
  const maxAttempts = positive(env.NOTIFICATION_MAX_ATTEMPTS, DEFAULT_RETRY_POLICY.maxAttempts, true);
  const baseSeconds = positive(env.NOTIFICATION_RETRY_BASE_SECONDS, DEFAULT_RETRY_POLICY.baseSeconds);
  const maxDelaySeconds = Math.max(baseSeconds, positive(env.NOTIFICATION_RETRY_MAX_SECONDS, DEFAULT_RETRY_POLICY.maxDelaySeconds));
  return { maxAttempts, baseSeconds, maxDelaySeconds };
}

/** The wait after failed attempt number `attempt` (1-based). */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy = retryPolicy()): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(policy.baseSeconds * 2 ** exponent, policy.maxDelaySeconds);
}

/** Seconds from the first attempt to the last: how long an outage the policy rides out. */
export function retryBudgetSeconds(policy: RetryPolicy = retryPolicy()): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) total += retryDelaySeconds(attempt, policy);
  return total;
}

/** When the next attempt is due after failed attempt `attempt`, or null when the budget is spent. */
export function nextAttemptAt(attempt: number, now: Date, policy: RetryPolicy = retryPolicy()): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + Math.round(retryDelaySeconds(attempt, policy) * 1000));
}
