import { describe, expect, it } from "vitest";
import {
  acceptTotp, codeKind, decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpStep, totpUri,
} from "@/lib/auth/two-step";

const SECRET = "test-secret-for-two-step-0000000000000000";
// RFC 6238's SHA-1 test secret ("12345678901234567890") in base32, and its published value at T = 59 s (8 digits: 94287082).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes (the clock is passed in)", () => {
  it("match RFC 6238's test vector", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
  });

  it("accept the current step and one step either side, nothing further", () => {
    const now = 1_800_000_015_000;
    const secret = newTotpSecret();
    const step = totpStep(now);
    expect(acceptTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(acceptTotp(secret, totpCode(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(acceptTotp(secret, totpCode(secret, now + 30_000), now, null)).toBe(step + 1);
    expect(acceptTotp(secret, totpCode(secret, now - 60_000), now, null)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + 60_000), now, null)).toBeNull();
  });

  it("accept a code once: not again, and no older one after a newer", () => {
    const now = 1_800_000_015_000;
    const secret = newTotpSecret();
    const code = totpCode(secret, now);
    const step = acceptTotp(secret, code, now, null)!;
    expect(acceptTotp(secret, code, now, step)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now - 30_000), now, step)).toBeNull();
    expect(acceptTotp(secret, totpCode(secret, now + 30_000), now + 30_000, step)).toBe(step + 1);
  });

  it("ignore spaces and refuse anything but six digits", () => {
    const now = 1_800_000_015_000;
    const secret = newTotpSecret();
    const code = totpCode(secret, now);
    expect(acceptTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).not.toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef"]) expect(acceptTotp(secret, bad, now, null)).toBeNull();
  });

  it("put the issuer and the account in the app's address", () => {
    expect(totpUri(RFC_SECRET, "mentor@demo.test")).toBe(`otpauth://totp/Schoolkompas:mentor%40demo.test?issuer=Schoolkompas&secret=${RFC_SECRET}&algorithm=SHA1&digits=6&period=30`);
  });
});

describe("the stored secret", () => {
  it("is encrypted, differs every time, and opens only with the same app secret", () => {
    const secret = newTotpSecret();
    const a = encryptTotpSecret(secret, SECRET);
    const b = encryptTotpSecret(secret, SECRET);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptTotpSecret(a, SECRET)).toBe(secret);
    expect(() => decryptTotpSecret(a, `${SECRET}x`)).toThrow();
    const [v, iv, tag, data] = a.split(".");
    expect(() => decryptTotpSecret([v, iv, tag, `${data.slice(0, -2)}AA`].join("."), SECRET)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten different codes, typed forgivingly, stored as hashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(codes[0])).toBe(hashRecoveryCode(` ${codes[0].toUpperCase().replace("-", " ")} `));
    expect(hashRecoveryCode(codes[0])).not.toBe(hashRecoveryCode(codes[1]));
    expect(codeKind(codes[0])).toBe("recovery");
    expect(codeKind("123 456")).toBe("totp");
    expect(codeKind("12345")).toBeNull();
  });
});
