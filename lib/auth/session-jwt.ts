// The session cookie's encryption, in next-auth's own format (JWE, "dir" +
// A256GCM, key derived from NEXTAUTH_SECRET with HKDF), with the derived key
// kept per process. next-auth derives it again for every token it reads or
// writes, twice per page (proxy.ts and the page): 43 µs of CPU per read against
// 6 µs with the kept key, ≈ 1 % of a parent page (docs/benchmarks.md). Tokens are interchangeable
// with next-auth's encode/decode (tests/unit/session-jwt.test.ts), so sign-in,
// proxy.ts and the pages can use either.
import { hkdf, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const INFO = "NextAuth.js Generated Encryption Key";
/** next-auth's defaults: a token older than its expiry by this much still decrypts. */
const CLOCK_TOLERANCE_S = 15;
const DEFAULT_MAX_AGE_S = 30 * 24 * 60 * 60;

const keys = new Map<string, Promise<Uint8Array>>();

function derivedKey(secret: JWTEncodeParams["secret"], salt: string): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === "string" ? `s:${secret}` : `b:${secret.toString("base64")}`}`;
  let key = keys.get(id);
  if (!key) {
    key = new Promise((resolve, reject) =>
      hkdf("sha256", secret, salt, salt ? `${INFO} (${salt})` : INFO, 32, (error, bytes) => (error ? reject(error) : resolve(new Uint8Array(bytes)))),
    );
    // A failed derivation is not remembered.
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

export async function encodeSession({ token = {}, secret, maxAge = DEFAULT_MAX_AGE_S, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

/** The token's claims; throws when it is forged, expired or made with another secret. */
export async function decodeSession({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_S });
  return payload as JWT;
}
