import { describe, expect, it } from "vitest";
import { formatRetryTime, retryAtOf, retryMinute, throttledError } from "@/lib/auth/retry-time";

describe("try again at HH:MM", () => {
  it("is Dutch time, rounded up to the next whole minute, with Latin digits in every language", () => {
    // 13:32:10 UTC in winter is 14:32:10 in Amsterdam → 14:33.
    const winter = new Date("2026-12-07T13:32:10Z");
    expect(formatRetryTime(winter, "nl")).toBe("14:33");
    expect(formatRetryTime(winter, "en")).toBe("14:33");
    expect(formatRetryTime(winter, "ar")).toBe("14:33");
    // Summer time: UTC+2; a whole minute stays as it is; 24-hour clock.
    expect(formatRetryTime(new Date("2026-06-01T21:05:00Z"), "en")).toBe("23:05");
    expect(formatRetryTime(new Date("2026-06-01T22:00:00.001Z"), "nl")).toBe("00:01");
  });

  it("travels through next-auth's error string and back", () => {
    const at = new Date("2026-12-07T13:32:10Z");
    expect(retryAtOf(throttledError(at))).toEqual(retryMinute(at));
    expect(retryMinute(at).toISOString()).toBe("2026-12-07T13:33:00.000Z");
    for (const other of [null, undefined, "CredentialsSignin", "throttled:", "throttled:abc", "code-needed"]) expect(retryAtOf(other)).toBeNull();
  });
});
