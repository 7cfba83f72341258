import { isHttpsRequest } from "@/lib/http/transport";

// The session cookie's one name and its attributes. Exactly one name is read
// per request — the one the configuration implies — so a cookie planted under
// the other name (a non-secure `next-auth.session-token` next to the real
// `__Secure-` one) is never taken for the session (docs/decisions/0020).
// Shared by session.ts, the next-auth route and proxy.ts (no Prisma here).

export const PLAIN_SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";

export type SessionCookie = { name: string; secure: boolean };

/** The session cookie this request uses: `__Secure-…` (and the Secure flag) when it came over https. */
export function sessionCookieFor(headers: Headers, env: Record<string, string | undefined> = process.env): SessionCookie {
  const secure = isHttpsRequest(headers, env);
  return { name: secure ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE, secure };
}

/** The attributes every session cookie we write carries (next-auth writes the same at sign-in). */
export function sessionCookieOptions(cookie: SessionCookie, maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: cookie.secure, maxAge };
}
