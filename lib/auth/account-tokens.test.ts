import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_MS, hashAccountToken, isWellFormedToken, newAccountToken, tokenState } from "@/lib/auth/account-tokens";

describe("account tokens", () => {
  it("are 32 random bytes, stored only as their SHA-256", () => {
    const a = newAccountToken();
    const b = newAccountToken();
    expect(a.token).not.toBe(b.token);
    expect(isWellFormedToken(a.token)).toBe(true);
    expect(a.tokenHash).toBe(hashAccountToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("refuse anything that is not a token before it is looked up", () => {
    for (const bad of ["", "abc", `${"a".repeat(42)}=`, "a".repeat(44), null, 42, `${"a".repeat(42)}/`]) expect(isWellFormedToken(bad)).toBe(false);
  });

  it("last 7 days for an invitation and 1 hour for a reset", () => {
    expect(TOKEN_LIFETIME_MS.INVITATION).toBe(7 * 86_400_000);
    expect(TOKEN_LIFETIME_MS.PASSWORD_RESET).toBe(3_600_000);
  });

  it("say why they cannot be used: unknown, blocked account, used (or replaced), expired", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const fresh = { expiresAt: new Date(now.getTime() + 1), usedAt: null, userDisabled: false };
    expect(tokenState(fresh, now)).toBe("valid");
    expect(tokenState({ ...fresh, expiresAt: now }, now)).toBe("expired");
    expect(tokenState({ ...fresh, usedAt: now }, now)).toBe("used");
    expect(tokenState({ ...fresh, usedAt: now, userDisabled: true }, now)).toBe("blocked");
    expect(tokenState(null, now)).toBe("unknown");
  });
});
