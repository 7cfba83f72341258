import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSession, encodeSession } from "@/lib/auth/session-jwt";

const secret = "test-secret-test-secret-test-secret-00";
const claims = { sub: "user-1", sv: 3, authTime: 1_700_000_000, lastActivity: 1_700_000_100 };

describe("session cookie encryption with a kept key", () => {
  it("writes tokens next-auth reads, and reads tokens next-auth writes", async () => {
    const ours = await encodeSession({ token: claims, secret, maxAge: 600 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);

    const theirs = await encode({ token: claims, secret, maxAge: 600 });
    const read = await decodeSession({ token: theirs, secret });
    expect(read).toMatchObject(claims);
    expect(Number(read!.exp) - Number(read!.iat)).toBe(600);
  });

  it("gives each token its own id and expiry", async () => {
    const a = await decodeSession({ token: await encodeSession({ token: claims, secret, maxAge: 60 }), secret });
    const b = await decodeSession({ token: await encodeSession({ token: claims, secret, maxAge: 60 }), secret });
    expect(a!.jti).toEqual(expect.any(String));
    expect(a!.jti).not.toBe(b!.jti);
    expect(Number(a!.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(50);
  });

  it("refuses a token made with another secret, even after the first key is kept", async () => {
    const token = await encodeSession({ token: claims, secret, maxAge: 600 });
    await decodeSession({ token, secret });
    await expect(decodeSession({ token, secret: `${secret}-other` })).rejects.toThrow();
    const other = await encode({ token: claims, secret: `${secret}-other`, maxAge: 600 });
    await expect(decodeSession({ token: other, secret })).rejects.toThrow();
  });

  it("keeps keys of different salts apart", async () => {
    const salted = await encodeSession({ token: claims, secret, salt: "x", maxAge: 600 });
    expect(await decode({ token: salted, secret, salt: "x" })).toMatchObject(claims);
    await expect(decodeSession({ token: salted, secret })).rejects.toThrow();
  });

  it("refuses a changed or expired token and reads no token as none", async () => {
    const token = await encodeSession({ token: claims, secret, maxAge: 600 });
    const parts = token.split(".");
    const ciphertext = parts[3];
    parts[3] = (ciphertext[0] === "A" ? "B" : "A") + ciphertext.slice(1);
    await expect(decodeSession({ token: parts.join("."), secret })).rejects.toThrow();
    await expect(decodeSession({ token: "not-a-token", secret })).rejects.toThrow();
    // Beyond the 15 s clock tolerance next-auth allows.
    const expired = await encodeSession({ token: claims, secret, maxAge: -20 });
    await expect(decodeSession({ token: expired, secret })).rejects.toThrow();
    await expect(decode({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSession({ token: "", secret })).toBeNull();
  });
});
