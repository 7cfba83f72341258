import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, retryBudgetSeconds, retryDelaySeconds, retryPolicy } from "@/lib/notifications/retry";

describe("the retry policy for messages whose provider is away", () => {
  it("doubles the wait from 30 seconds up to 15 minutes and rides out at least a 10-minute outage", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => retryDelaySeconds(a, DEFAULT_RETRY_POLICY))).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(retryBudgetSeconds(DEFAULT_RETRY_POLICY)).toBe(2730);
    expect(retryBudgetSeconds(DEFAULT_RETRY_POLICY)).toBeGreaterThanOrEqual(600);
  });

  it("gives no next attempt once the attempts are used up", () => {
    const now = new Date("2026-12-07T13:00:00Z");
    expect(nextAttemptAt(2, now, DEFAULT_RETRY_POLICY)).toEqual(new Date("2026-12-07T13:01:00Z"));
    expect(nextAttemptAt(8, now, DEFAULT_RETRY_POLICY)).toBeNull();
  });

  it("reads the environment and falls back to the default on anything unreadable", () => {
    expect(retryPolicy({ NOTIFICATION_MAX_ATTEMPTS: "3", NOTIFICATION_RETRY_BASE_SECONDS: "0.2", NOTIFICATION_RETRY_MAX_SECONDS: "1" })).toEqual({ maxAttempts: 3, baseSeconds: 0.2, maxDelaySeconds: 1 });
    expect(retryPolicy({ NOTIFICATION_MAX_ATTEMPTS: "-1", NOTIFICATION_RETRY_BASE_SECONDS: "abc", NOTIFICATION_RETRY_MAX_SECONDS: "" })).toEqual(DEFAULT_RETRY_POLICY);
    expect(retryPolicy({ NOTIFICATION_RETRY_BASE_SECONDS: "60", NOTIFICATION_RETRY_MAX_SECONDS: "10" }).maxDelaySeconds).toBe(60);
  });
});
