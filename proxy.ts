import { NextResponse, type NextRequest } from "next/server";
import {
  ABSOLUTE_LIFETIME_S,
  ACTIVITY_RENEWAL_S,
  SESSION_COOKIE_NAMES,
  claimsOf,
  isWithinLifetime,
  sessionSecret,
} from "@/lib/auth/session-token";
import { decodeSession, encodeSession } from "@/lib/auth/session-jwt";
import { LOCALE_COOKIE, visitorLocale } from "@/lib/i18n/config";
import { publicRewrite } from "@/lib/i18n/public-paths";

// Not a security boundary (every page and query checks the session itself):
// this only sends anonymous visitors of portal pages to sign-in, keeps the
// idle timer of an active session running, and gives public pages their
// language in the path (below).

const PORTAL = /^\/(parent|mentor|leader|admin|pupil|account)(\/|$)/;

export async function proxy(request: NextRequest) {
  const rewrite = publicRewrite(request.nextUrl, visitorLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language")));
  const pass = () => {
    if (!rewrite) return NextResponse.next();
    const response = NextResponse.rewrite(rewrite);
    // The same address answers in several languages: shared caches must keep them apart.
    response.headers.set("Vary", "Cookie, Accept-Language");
    return response;
  };

  const cookieName = SESSION_COOKIE_NAMES.find((name) => request.cookies.has(name));
  // A token that is forged, expired or made with another secret fails to decrypt: signed out.
  const token = cookieName ? await decodeSession({ token: request.cookies.get(cookieName)!.value, secret: sessionSecret() }).catch(() => null) : null;
  const claims = claimsOf(token);
  const now = Math.floor(Date.now() / 1000);
  const isPortal = PORTAL.test(request.nextUrl.pathname);

  if (!claims || !isWithinLifetime(claims, now)) {
    if (!isPortal) return pass();
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname);
    if (cookieName) login.searchParams.set("expired", "1");
    const response = NextResponse.redirect(login);
    if (cookieName) response.cookies.delete(cookieName);
    return response;
  }

  const response = pass();
  if (token && cookieName && now - claims.lastActivity >= ACTIVITY_RENEWAL_S) {
    const remaining = ABSOLUTE_LIFETIME_S - (now - claims.authTime);
    const renewed = await encodeSession({ token: { ...token, lastActivity: now }, secret: sessionSecret(), maxAge: remaining });
    response.cookies.set(cookieName, renewed, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookieName.startsWith("__Secure-"),
      maxAge: remaining,
    });
  }
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
