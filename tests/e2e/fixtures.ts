import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
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

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("main form button[type=submit]").click();
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

export const test = base;
export { expect };
