import { encode } from "next-auth/jwt";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { query } from "./fixtures";

// Helpers for the HTTP specs (http-*.spec.ts): session cookies made the way
// the server makes them, and reading what a response allows a cache to do.

const SECRET = process.env.E2E_NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-000000";
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * A valid session cookie for a demo account, signed in `signedInAgo` seconds
 * ago and last active `idle` seconds ago (the server renews the activity
 * claim after 5 minutes, and ends the session after 60).
 */
export async function sessionCookie(email: string, options: { idle?: number; signedInAgo?: number } = {}): Promise<string> {
  const idle = options.idle ?? 0;
  const signedInAgo = options.signedInAgo ?? idle + 60;
  const [user] = await query<{ id: string; sessionVersion: number }>(`SELECT id, "sessionVersion" FROM "User" WHERE email = $1`, [email]);
  const now = Math.floor(Date.now() / 1000);
  return encode({ token: { sub: user.id, sv: user.sessionVersion, authTime: now - signedInAgo, lastActivity: now - idle }, secret: SECRET, maxAge: 12 * 3600 });
}

/** A response as it arrived: status, headers (lower-case names), every Set-Cookie, the body. */
export type Fetched = { status: number; headers: Record<string, string>; cookies: string[]; text: string };

/**
 * Whether a shared cache (a CDN, a proxy) may store this response: anything
 * not marked private or no-store. A response without Cache-Control counts as
 * storable too (caches may store a 200 heuristically).
 */
export function sharedCacheMayStore(response: Fetched): boolean {
  const directives = (response.headers["cache-control"] ?? "").toLowerCase().split(",").map((d) => d.trim().split("=")[0]);
  return !directives.includes("private") && !directives.includes("no-store");
}

/** Public schools (those with a published figure), by name. */
export async function publicSlugs(): Promise<string[]> {
  const rows = await query<{ slug: string }>(
    `SELECT slug FROM "School" s WHERE EXISTS (SELECT 1 FROM "IndicatorValue" v WHERE v."schoolId" = s.id AND v."publishedAt" IS NOT NULL) ORDER BY name`,
  );
  return rows.map((r) => r.slug);
}

/** The directives of a Content-Security-Policy header, by name. */
export function cspDirectives(header: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/**
 * One GET in a fresh request context, so no cookie a previous response set
 * rides along: the request carries exactly the headers given.
 */
export async function freshGet(baseURL: string, address: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    const response = await context.get(address, { headers, maxRedirects: 0 });
    const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    return { status: response.status(), headers: response.headers(), cookies, text: await response.text() };
  } finally {
    await context.dispose();
  }
}

/** Collects CSP violations the page reports, from before its first script runs. */
export async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${document.location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}
