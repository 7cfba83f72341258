// Addresses no page of the app can answer: broken percent-encoding in the
// path (Next.js fails on it with a 500 while decoding the route's
// parameters), or a NUL byte anywhere (PostgreSQL refuses text with one, so a
// NUL in a search or an id would fail the query). proxy.ts answers these 400
// before anything runs. A broken escape in a query value is left alone: pages
// read it literally (someone typed "100%").

const ESCAPE = /%(?![0-9a-f]{2})/i;
const NUL = /%00/i;

/** True when the raw (still percent-encoded) path and query cannot be an address of this site. */
export function isUnreadableAddress(rawPath: string, rawQuery: string): boolean {
  if (NUL.test(rawPath) || NUL.test(rawQuery) || rawPath.includes("\u0000") || rawQuery.includes("\u0000")) return true;
  if (ESCAPE.test(rawPath)) return true;
  try {
    // Also refuses escapes that are not UTF-8 (%C0%AF, a cut-off %E0%A4).
    decodeURIComponent(rawPath);
    return false;
  } catch {
    return true;
  }
}
