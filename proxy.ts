import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { ABSOLUTE_LIFETIME_S, ACTIVITY_RENEWAL_S, claimsOf, isWithinLifetime, sessionSecret } from "@/lib/auth/session-token";
import { sessionCookieFor, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { decodeSession, encodeSession } from "@/lib/auth/session-jwt";
import { noncePolicy } from "@/lib/http/content-security-policy.cjs";
import { isUnreadableAddress } from "@/lib/http/address";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id.cjs";
import { isReadableActionBody } from "@/lib/http/action-body";
import { refusalResponse } from "@/lib/http/refusal";
import { isSameOrigin } from "@/lib/http/same-origin";
import { strictTransportSecurity } from "@/lib/http/transport";
import { LOCALE_COOKIE, visitorLocale } from "@/lib/i18n/config";
import { publicRewrite } from "@/lib/i18n/public-paths";

// Not a security boundary (every page and query checks the session itself).
// It refuses what no page can answer (an unreadable address or form: 400; a
// form posted from another site: 403), gives every page its Content-Security-Policy
// nonce, gives public pages their language in the path, and — on portal pages
// only — sends anonymous visitors to sign-in and keeps the idle timer running.
// Public pages never touch the session, so a response a shared cache may keep
// never carries a cookie (docs/decisions/0020, 0021).

const PORTAL = /^\/(parent|mentor|leader|admin|pupil|account|attendance)(\/|$)/;
/** Rewritten public pages served from Next's page cache: their policy comes with the cached copy (hashes, lib/cache/shared-tags.cjs). */
const CACHED_PUBLIC = /^\/site\/[^/]+\/(schools|compare)(\/|$)/;
const DEV = process.env.NODE_ENV === "development";

export async function proxy(request: NextRequest) {
  // The request id: the well-formed one that came (from nginx, or scripts/request-id.cjs under
  // scripts/serve.ts), else a new one passed on to the page; echoed on the response.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const response = await answer(request, requestId);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

async function answer(request: NextRequest, requestId: string): Promise<Response> {
  const { nextUrl, headers } = request;
  const locale = visitorLocale(request.cookies.get(LOCALE_COOKIE)?.value, headers.get("accept-language"));
  const hsts = strictTransportSecurity(headers);
  const transport: Record<string, string> = hsts ? { "Strict-Transport-Security": hsts } : {};

  if (isUnreadableAddress(nextUrl.pathname, nextUrl.search)) return refusalResponse("badAddress", locale, transport);
  // API routes reach here only with a %-escape in the path (see the matcher); readable ones go on.
  if (nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  // The only posts a page takes are server actions: from another site, or in a body Next cannot
  // decode, they are refused before Next decodes them.
  if (request.method !== "GET" && request.method !== "HEAD") {
    if (!isSameOrigin(headers)) return refusalResponse("crossSite", locale, transport);
    if (!(await isReadableActionBody(request))) return refusalResponse("badForm", locale, transport);
  }

  const rewrite = publicRewrite(nextUrl, locale);
  // A nonce would be baked into a cached page; in development nothing is cached.
  const cached = rewrite !== null && CACHED_PUBLIC.test(rewrite.pathname) && !DEV;
  const policy = cached ? null : noncePolicy(randomBytes(18).toString("base64"), { dev: DEV });
  // Next.js reads the nonce from the request's policy header and puts it on its own scripts
  // (one sent by the client is dropped). A cached page's request goes on untouched: its policy is the cached one.
  const newId = headers.get(REQUEST_ID_HEADER) !== requestId;
  const forwarded = policy || newId || headers.has("content-security-policy") || headers.has("content-security-policy-report-only") ? new Headers(headers) : null;
  if (newId) forwarded?.set(REQUEST_ID_HEADER, requestId);
  forwarded?.delete("content-security-policy-report-only");
  if (policy) forwarded?.set("content-security-policy", policy);
  else forwarded?.delete("content-security-policy");
  const init = forwarded ? { request: { headers: forwarded } } : undefined;
  const response = rewrite ? NextResponse.rewrite(rewrite, init) : NextResponse.next(init);
  if (policy) response.headers.set("Content-Security-Policy", policy);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return PORTAL.test(nextUrl.pathname) ? portalSession(request, response, transport) : response;
}

/** Portal pages: anonymous → sign-in; an active session's last-activity claim renewed at most every 5 minutes. */
async function portalSession(request: NextRequest, response: NextResponse, transport: Record<string, string>): Promise<NextResponse> {
  // Exactly one cookie name, the one the configuration implies (lib/auth/session-cookie.ts).
  const cookie = sessionCookieFor(request.headers);
  const value = request.cookies.get(cookie.name)?.value;
  // A token that is forged, expired or made with another secret fails to decrypt: signed out.
  const token = value ? await decodeSession({ token: value, secret: sessionSecret() }).catch(() => null) : null;
  const claims = claimsOf(token);
  const now = Math.floor(Date.now() / 1000);

  if (!claims || !isWithinLifetime(claims, now)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname);
    if (value) login.searchParams.set("expired", "1");
    const redirect = NextResponse.redirect(login, { headers: { "Cache-Control": "private, no-store", ...transport } });
    if (value) redirect.cookies.set(cookie.name, "", sessionCookieOptions(cookie, 0));
    return redirect;
  }
  if (token && now - claims.lastActivity >= ACTIVITY_RENEWAL_S) {
    const remaining = ABSOLUTE_LIFETIME_S - (now - claims.authTime);
    const renewed = await encodeSession({ token: { ...token, lastActivity: now }, secret: sessionSecret(), maxAge: remaining });
    response.cookies.set(cookie.name, renewed, sessionCookieOptions(cookie, remaining));
    // Portal pages are rendered per request and private anyway; said here too, because this response carries a cookie.
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
}

export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico).*)",
    // API routes only when the path holds a %-escape (so NUL bytes and broken escapes are refused);
    // other API requests skip the proxy, which would otherwise buffer every upload's body.
    "/api/(.*%.*)",
  ],
};
