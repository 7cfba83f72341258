import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (m=19 MiB, t=2, p=1).
// (The `argon2` package's prebuilt binary crashes on these machines: docs/decisions/0002.)
// Algorithm.Argon2id is an ambient const enum, unusable with isolatedModules: 2 is its value.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  // Hash something anyway for unknown users so the answer takes as long.
  if (!storedHash) {
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
