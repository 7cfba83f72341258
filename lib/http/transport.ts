import { trustedProxyHops } from "@/lib/auth/client-address";

// Whether the browser reached the app over https. Decides the session
// cookie's name and Secure flag (lib/auth/session-cookie.ts) and whether
// responses carry HSTS. Kept free of server-only imports: proxy.ts uses it.
//
// Two sources, nothing else (docs/decisions/0020):
// - the configuration: NEXTAUTH_URL (the app's public address) starts with https://;
// - a proxy we trust (TRUSTED_PROXY_HOPS ≥ 1, the same setting that decides
//   which X-Forwarded-For entry is the client) says so in X-Forwarded-Proto.
//   Proxies set it or append to it; the entry of the outermost trusted proxy
//   counts, found like the client's address: TRUSTED_PROXY_HOPS places from the end.
// Without a trusted proxy the header is ignored: anyone can send it.

type Env = Record<string, string | undefined>;

/** The scheme the outermost trusted proxy received the request on, or null when no proxy is trusted or it said nothing. */
export function forwardedProto(headers: Headers, env: Env = process.env): string | null {
  const hops = trustedProxyHops(env);
  if (hops < 1) return null;
  const entries = (headers.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  if (!entries.length) return null;
  // A proxy that overwrites leaves one entry; proxies that append leave one each.
  return entries[Math.max(0, entries.length - hops)];
}

/** True when the app's public address is https, or a trusted proxy received this request over https. */
export function isHttpsRequest(headers: Headers, env: Env = process.env): boolean {
  if ((env.NEXTAUTH_URL ?? "").toLowerCase().startsWith("https://")) return true;
  return forwardedProto(headers, env) === "https";
}

/** HSTS for a request that came over https (HSTS_MAX_AGE seconds, default one year; 0 turns it off), else null. */
export function strictTransportSecurity(headers: Headers, env: Env = process.env): string | null {
  if (!isHttpsRequest(headers, env)) return null;
  const configured = env.HSTS_MAX_AGE === undefined || env.HSTS_MAX_AGE === "" ? 31_536_000 : Number(env.HSTS_MAX_AGE);
  const maxAge = Number.isInteger(configured) && configured >= 0 ? configured : 31_536_000;
  return maxAge > 0 ? `max-age=${maxAge}` : null;
}
