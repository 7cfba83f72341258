import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { sessionSecret } from "@/lib/auth/session-token";

// Two-step sign-in with an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits,
// 30 s — what every app supports), through otpauth (docs/decisions/0009).
// The shared secret is stored encrypted (AES-256-GCM, key derived from
// NEXTAUTH_SECRET with HKDF); recovery codes are stored as SHA-256 hashes.

const ISSUER = "Schoolkompas";
const PERIOD = 30;
/** One step either side: a phone clock 30 s off, or a code typed just as it changed. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function key(secret = sessionSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "Schoolkompas two-step secret", 32));
}

export function encryptTotpSecret(base32: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const data = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** Throws when the value was tampered with or made with another secret. */
export function decryptTotpSecret(stored: string, secret?: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown two-step secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the QR code holds; the label is what the app shows. */
export function totpUri(base32: string, label: string): string {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(base32), period: PERIOD }).toString();
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / PERIOD);
}

/**
 * The time step of a valid code, or null. A code whose step is not newer than
 * `lastStep` (already used) is refused, so a code seen over a shoulder cannot
 * be used a second time.
 */
export function acceptTotp(base32: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(base32), period: PERIOD, timestamp: nowMs, window: WINDOW });
  if (delta === null) return null;
  const step = totpStep(nowMs) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code an app shows at `nowMs` (tests, and the set-up page's self-check). */
export function totpCode(base32: string, nowMs: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32), period: PERIOD, timestamp: nowMs });
}

// Recovery codes: 10 letters/digits without look-alikes (no 0/o, 1/l/i), shown as xxxxx-xxxxx.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(`recovery\u0000${normaliseRecoveryCode(code)}`).digest("hex");
}

/** Six digits is an app code; ten letters/digits a recovery code. */
export function codeKind(code: string): "totp" | "recovery" | null {
  if (/^\d{6}$/.test(code.replace(/\s/g, ""))) return "totp";
  return normaliseRecoveryCode(code).length === 10 ? "recovery" : null;
}
