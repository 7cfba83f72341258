// Which address a request came from, for the per-address sign-in limit.
//
// Next's server fills X-Forwarded-For with the socket's address only when the
// request has none (`??=` in next/dist/server/base-server.js), so on a direct
// connection a client could name any address it likes. scripts/serve.ts
// therefore appends the socket address to X-Forwarded-For before Next sees
// the request, as a proxy does (peer-address.cjs). The client's address is
// then the entry TRUSTED_PROXY_HOPS places from the end: 0 without a proxy
// (the socket itself), 1 behind one load balancer or reverse proxy that
// appends the address it saw, and so on. Entries further left are whatever
// the client wrote and are never used.

/** Proxies in front of the app that append to X-Forwarded-For (env TRUSTED_PROXY_HOPS, default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/**
 * The client's address from the X-Forwarded-For header, or "unknown" when the
 * header has fewer entries than the proxies we trust (a misconfiguration: all
 * such requests then share one counter, which errs on the side of refusing).
 */
export function clientAddress(forwardedFor: string | null | undefined, hops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - 1 - hops];
  if (!entry) return "unknown";
  // IPv4-mapped IPv6 ("::ffff:127.0.0.1") is the same client as its IPv4 form.
  return entry.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}
