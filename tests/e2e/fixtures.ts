import AxeBuilder from "@axe-core/playwright";
import { appendFileSync } from "node:fs";
import { test as base, expect, type Browser, type Cookie, type Page } from "@playwright/test";
import path from "node:path";
import pg from "pg";
import { E2E } from "./env";

export const PASSWORD = "schoolkompas";
// The embedded database playwright.config.ts starts for the e2e server
// (E2E_DB_PORT: a second instance, e.g. for a run beside another one).
const databaseUrl = (port: number) => `postgresql://postgres:schoolkompas-local@127.0.0.1:${port}/schoolkompas`;

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return queryAt<T>(E2E.dbPort, sql, params);
}

/** A query on the database of another test server (e.g. the empty one, E2E.emptyDbPort). */
export async function queryAt<T extends pg.QueryResultRow>(port: number, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl(port) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function childrenOf(email: string): Promise<{ id: string; firstName: string; school: string }[]> {
  return query(
    `SELECT p.id, p."firstName", s.name AS school FROM "Pupil" p
       JOIN "School" s ON s.id = p."schoolId"
       JOIN "GuardianLink" l ON l."pupilId" = p.id
       JOIN "Guardian" g ON g.id = l."guardianId"
       JOIN "User" u ON u.id = g."userId"
     WHERE u.email = $1 ORDER BY p."birthDate"`,
    [email],
  );
}

export async function auditRows(email: string, outcome: "ALLOWED" | "DENIED") {
  return query<{ action: string; pupilId: string | null; targetId: string | null; role: string | null; category: string | null; route: string | null }>(
    `SELECT a.action, a."pupilId", a."targetId", a.role::text AS role, a.category, a.route FROM "AuditLog" a JOIN "User" u ON u.id = a."actorUserId"
     WHERE u.email = $1 AND a.outcome = $2::"AuditOutcome" ORDER BY a.at`,
    [email, outcome],
  );
}

/**
 * What a run costs, whatever the machine's speed: with E2E_COUNT=<file>, each
 * test appends one JSON line — its page loads (main-frame navigations in any
 * browser context it opened), sign-in attempts through the form (posts to
 * next-auth's credentials callback) and kept sign-ins used (signIn below) — to
 * that file (scripts/e2e-counts.ts adds them up; docs/decisions/0047).
 */
const counted = new WeakSet<Browser>();
const counts = { pageLoads: 0, signIns: 0, keptSignIns: 0 };
function countIn(browser: Browser) {
  if (counted.has(browser)) return;
  counted.add(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext(...args);
    context.on("request", (request) => {
      if (request.isNavigationRequest() && request.frame().parentFrame() === null) counts.pageLoads++;
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/auth/callback/credentials") counts.signIns++;
    });
    return context;
  };
}

/**
 * Session cookies of earlier sign-ins with the demo password, per server and
 * e-mail address: a test that is not about signing in reuses one instead of
 * going through the form (page load, argon2, next-auth's round trips) again.
 * A kept cookie that no longer works (signed out, password changed, idle) is
 * dropped, and the form is used.
 */
const keptSessions = new Map<string, { origin: string; cookies: Cookie[] }>();
const SESSION_COOKIE = "next-auth.session-token";

/**
 * Signs in as `email`, ending on the role's home (or on /login with the form's
 * error). With the demo password and a kept session cookie of an earlier
 * sign-in, that cookie is used: the same session the form would give, as the
 * login page sends a signed-in visitor home. `{ form: true }` always uses the
 * form — for tests of signing in itself.
 */
export async function signIn(page: Page, email: string, password = PASSWORD, options: { form?: boolean } = {}) {
  const key = email.trim().toLowerCase();
  const kept = password === PASSWORD && !options.form ? keptSessions.get(key) : undefined;
  if (kept) {
    await page.context().addCookies(kept.cookies);
    await page.goto("/login");
    const at = new URL(page.url());
    if (at.origin === kept.origin && !at.pathname.startsWith("/login")) {
      counts.keptSignIns++;
      return;
    }
    keptSessions.delete(key);
  } else {
    await page.goto("/login");
  }
  const sessionOf = async () => (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  const before = await sessionOf();
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  const answered = page
    .waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/auth/callback/credentials", { timeout: 30_000 })
    .then((response) => response.finished())
    .catch(() => null);
  await page.locator("main form button[type=submit]").click();
  await answered;
  // Kept only when this sign-in issued a new session (not a refused password, not a two-step account asking for its code).
  const after = await sessionOf();
  if (password === PASSWORD && after && after.value !== before?.value) keptSessions.set(key, { origin: new URL(page.url()).origin, cookies: [after] });
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  // After a server action the page's <title> is streamed in again: check the page as the user gets it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** After a rejected submit: the error summary has focus, is in view, and names the problem. */
export async function expectErrorSummary(page: Page, text: string | RegExp) {
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary).toContainText(text);
}

/** Nothing wider than the viewport: no horizontal scrolling. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Opens a cached public page until a response comes from the cache: each
 * server process (one per core) renders a page once before it serves it from
 * its cache. Returns how the last response was served.
 */
export async function gotoUntilCached(page: Page, address: string, tries = 8): Promise<string | undefined> {
  let served: string | undefined;
  for (let i = 0; i < tries && served !== "HIT"; i++) served = (await page.goto(address))?.headers()["x-nextjs-cache"];
  return served;
}

export const test = base.extend<{ costCounter: void }>({
  costCounter: [
    async ({ browser }, use, testInfo) => {
      const file = process.env.E2E_COUNT;
      if (file) countIn(browser);
      const before = { ...counts };
      await use();
      if (file) {
        const line = { file: path.basename(testInfo.file), title: testInfo.title, seconds: testInfo.duration / 1000, pageLoads: counts.pageLoads - before.pageLoads, signIns: counts.signIns - before.signIns, keptSignIns: counts.keptSignIns - before.keptSignIns };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
      }
    },
    { auto: true },
  ],
});
export { expect };
