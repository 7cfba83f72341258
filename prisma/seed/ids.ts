import { randomBytes } from "node:crypto";

// Ids are generated here rather than by the database so rows can reference
// each other before anything is written. They are cryptographically random
// (never from the seeded Rng, never sequential) and shaped like Prisma's
// cuid(): "c" + 24 lowercase base-36 characters, about 124 bits of entropy,
// so validators written for cuids accept them.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 24;
// 252 = 7 × 36: bytes at or above it are skipped so every character is equally likely.
const UNBIASED_LIMIT = 252;

let pool = randomBytes(0);
let offset = 0;

function nextByte(): number {
  if (offset >= pool.length) {
    pool = randomBytes(64 * 1024);
    offset = 0;
  }
  return pool[offset++];
}

export function newId(): string {
  let id = "c";
  while (id.length <= ID_LENGTH) {
    const byte = nextByte();
    if (byte < UNBIASED_LIMIT) id += ALPHABET[byte % 36];
  }
  return id;
}
