import argon2 from "argon2";

// argon2id with the library's defaults (m=64 MiB, t=3, p=4), as OWASP advises.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  // Hash something anyway for unknown users so the answer takes as long.
  if (!hash) {
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
