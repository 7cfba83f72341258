import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_S, IDLE_TIMEOUT_S, claimsOf, isWithinLifetime } from "@/lib/auth/session-token";

const now = 1_800_000_000;
const claims = (authAgo: number, activeAgo: number) => ({ userId: "u", sessionVersion: 1, authTime: now - authAgo, lastActivity: now - activeAgo, membershipId: null });

describe("session lifetime", () => {
  it("holds while active and younger than 12 hours", () => {
    expect(isWithinLifetime(claims(60, 10), now)).toBe(true);
    expect(isWithinLifetime(claims(ABSOLUTE_LIFETIME_S - 1, 10), now)).toBe(true);
  });

  it("ends 12 hours after sign-in, however active", () => {
    expect(isWithinLifetime(claims(ABSOLUTE_LIFETIME_S, 0), now)).toBe(false);
  });

  it("ends after 60 idle minutes", () => {
    expect(isWithinLifetime(claims(IDLE_TIMEOUT_S + 100, IDLE_TIMEOUT_S - 1), now)).toBe(true);
    expect(isWithinLifetime(claims(IDLE_TIMEOUT_S + 100, IDLE_TIMEOUT_S), now)).toBe(false);
  });
});

describe("claimsOf", () => {
  it("reads our fields and rejects tokens without them", () => {
    expect(claimsOf({ sub: "u1", sv: 3, authTime: 1, lastActivity: 2 })).toEqual({ userId: "u1", sessionVersion: 3, authTime: 1, lastActivity: 2, membershipId: null });
    expect(claimsOf({ sub: "u1", sv: 3, authTime: 1, lastActivity: 2, rm: "m1" })?.membershipId).toBe("m1");
    expect(claimsOf({ sub: "u1", sv: 3, authTime: 1, lastActivity: 2, rm: 7 })?.membershipId).toBeNull();
    expect(claimsOf({ sub: "u1", sv: "3", authTime: 1, lastActivity: 2 })).toBeNull();
    expect(claimsOf({ sv: 3, authTime: 1, lastActivity: 2 })).toBeNull();
    expect(claimsOf(null)).toBeNull();
  });
});
