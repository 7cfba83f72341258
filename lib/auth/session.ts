import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import NextAuth, { type AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { clientAddress, trustedProxyHops } from "@/lib/auth/client-address";
import { CODE_FAILED, CODE_NEEDED, throttledError } from "@/lib/auth/retry-time";
import { loadActor } from "@/lib/auth/actor";
import { decodeSession, encodeSession } from "@/lib/auth/session-jwt";
import { sessionCookieFor, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { jsonNoStore } from "@/lib/http/responses";
import type { Actor } from "@/lib/auth/types";
import {
  ABSOLUTE_LIFETIME_S,
  claimsOf,
  isWithinLifetime,
  sessionSecret,
  type SessionClaims,
} from "@/lib/auth/session-token";

// The only module that knows next-auth (with session-token.ts and session-jwt.ts for proxy.ts).

export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: ABSOLUTE_LIFETIME_S },
  jwt: { maxAge: ABSOLUTE_LIFETIME_S, encode: encodeSession, decode: decodeSession },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      // Errors thrown here reach the form as signIn()'s `error` (next-auth puts
      // the message in the redirect URL): codes only, never personal data.
      async authorize(input, request) {
        const forwardedFor = (request?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
        const outcome = await attemptSignIn({
          email: input?.email,
          password: input?.password,
          code: input?.code,
          address: clientAddress(forwardedFor, trustedProxyHops()),
        });
        if (outcome.ok) return { id: outcome.user.id, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion };
        if (outcome.reason === "throttled") throw new Error(throttledError(outcome.retryAt));
        if (outcome.reason === "codeNeeded") throw new Error(CODE_NEEDED);
        if (outcome.reason === "codeFailed") throw new Error(CODE_FAILED);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const now = Math.floor(Date.now() / 1000);
        token.sv = (user as unknown as { sessionVersion: number }).sessionVersion;
        token.authTime = now;
        token.lastActivity = now;
      }
      return token;
    },
  },
  events: {
    // next-auth's own sign-out (POST /api/auth/signout, signOut() of next-auth/react)
    // ends every session like ours does; a copied cookie stops working (decision 0020).
    signOut: ({ token }) => revokeSessions(token),
  },
};

/**
 * next-auth's routes, with the cookie names of this request (`__Secure-…` over
 * https, lib/auth/session-cookie.ts) and our own answer to GET /api/auth/session.
 */
export async function authRouteHandler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const { nextauth } = await context.params;
  // GET reads the session, POST would "update" it: both get our answer, which never issues the cookie again.
  if (nextauth?.join("/") === "session") return sessionAnswer();
  const { secure } = sessionCookieFor(request.headers);
  return NextAuth(request as never, context as never, { ...authOptions, useSecureCookies: secure }) as Promise<Response>;
}

/**
 * What the browser may know of its session: the name and when it ends, only
 * while the session is valid (checked like every page: version, lifetime,
 * blocked account). A revoked or expired cookie gets `{}`, no ids ever, and
 * the cookie is not issued again.
 */
async function sessionAnswer(): Promise<Response> {
  const claims = await currentClaims();
  const actor = claims ? await getActor() : null;
  if (!claims || !actor) return jsonNoStore({});
  return jsonNoStore({ user: { name: actor.name }, expires: new Date((claims.authTime + ABSOLUTE_LIFETIME_S) * 1000).toISOString() });
}

/** Raises the session version of a still-valid token's user; a revoked or foreign token changes nothing. */
async function revokeSessions(token: JWT | null): Promise<void> {
  const claims = claimsOf(token);
  if (!claims || !isWithinLifetime(claims)) return;
  await db.user.updateMany({ where: { id: claims.userId, sessionVersion: claims.sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}

/** This request's session cookie (its one name, by configuration) and the jar to read and write it. */
async function sessionCookie() {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  const cookie = sessionCookieFor(incoming);
  return { jar, cookie, value: jar.get(cookie.name)?.value };
}

/**
 * The session's claims from the cookie, or null. Reads the token directly
 * instead of through getServerSession, which would also re-encrypt a renewed
 * token that a page cannot send anyway (proxy.ts renews the cookie).
 */
async function currentClaims(): Promise<SessionClaims | null> {
  const { value } = await sessionCookie();
  if (!value) return null;
  // A token that is forged, expired or made with another secret fails to decrypt: signed out.
  const token = await decodeSession({ token: value, secret: sessionSecret() }).catch(() => null);
  const claims = claimsOf(token);
  return claims && isWithinLifetime(claims) ? claims : null;
}

/**
 * The signed-in user, loaded fresh from the database once per request, or null.
 * A token from before a sign-out, password change or account block no longer
 * matches the user's session version and counts as signed out.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await currentClaims();
  return claims ? loadActor(claims.userId, claims.sessionVersion, claims.membershipId) : null;
});

/**
 * Makes another of the user's roles the active one for this session: the
 * session cookie is issued again with the chosen membership (the rest of the
 * token unchanged, so the lifetime limits still count from sign-in). The
 * caller has checked that the membership is the user's own; loadActor checks
 * it again on every request.
 */
export async function setActiveMembership(membershipId: string): Promise<void> {
  const { jar, cookie, value } = await sessionCookie();
  if (!value) return;
  const token = await decodeSession({ token: value, secret: sessionSecret() }).catch(() => null);
  const claims = claimsOf(token);
  if (!token || !claims || !isWithinLifetime(claims)) return;
  const now = Math.floor(Date.now() / 1000);
  const remaining = ABSOLUTE_LIFETIME_S - (now - claims.authTime);
  const renewed = await encodeSession({ token: { ...token, rm: membershipId, lastActivity: now }, secret: sessionSecret(), maxAge: remaining });
  jar.set(cookie.name, renewed, sessionCookieOptions(cookie, remaining));
}

/** Ends every session of the user (all devices) and clears this browser's cookie. */
export async function endSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const { jar, cookie } = await sessionCookie();
  jar.set(cookie.name, "", sessionCookieOptions(cookie, 0));
}

/**
 * After the user changed their own password: every session of the user ends
 * (the session version went up) except this browser's, whose cookie is issued
 * again with the new version. The lifetime limits still count from sign-in.
 */
export async function keepThisSession(userId: string, sessionVersion: number): Promise<void> {
  const { jar, cookie, value } = await sessionCookie();
  if (!value) return;
  const token = await decodeSession({ token: value, secret: sessionSecret() }).catch(() => null);
  const claims = claimsOf(token);
  if (!token || !claims || claims.userId !== userId || !isWithinLifetime(claims)) return;
  const now = Math.floor(Date.now() / 1000);
  const remaining = ABSOLUTE_LIFETIME_S - (now - claims.authTime);
  const renewed = await encodeSession({ token: { ...token, sv: sessionVersion, lastActivity: now }, secret: sessionSecret(), maxAge: remaining });
  jar.set(cookie.name, renewed, sessionCookieOptions(cookie, remaining));
}
