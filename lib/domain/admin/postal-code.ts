/** A Dutch postal code in its written form "1234 AB" (accepts "1234ab", " 1234  ab "); null when it is none. */
export function normalisePostalCode(raw: string): string | null {
  const match = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/.exec(raw.trim());
  return match ? `${match[1]} ${match[2].toUpperCase()}` : null;
}
