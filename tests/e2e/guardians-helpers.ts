import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { E2E, MAIL_DIR, screen } from "./env";
import { expect, expectAccessible, expectNoHorizontalScroll, query, signIn } from "./fixtures";

// Helpers for tests/e2e/guardians.spec.ts (the one guardian-rights rule and
// its workflows): a browser per person, the language switch, the shared
// checks of every page, e-mail from the test SMTP receiver.

export type Mail = { id: string; to: string; subject: string; text: string; language: string };

/** A browser of its own for one person, signed in (and away from the sign-in page). */
export async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://localhost:${E2E.port}`, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** The header's language switch (stored in the profile: messages follow it too). */
export async function chooseLanguage(page: Page, locale: "nl" | "ar", label: string, save: string) {
  await page.getByLabel(label, { exact: true }).selectOption(locale);
  await page.getByRole("button", { name: save, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** axe, no horizontal scrolling at 320 px, and screenshots at 320 px and on a desktop to look at. */
export async function checkPage(page: Page, name: string) {
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 720 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen(`${name}-320.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: screen(`${name}-desktop.png`), fullPage: true });
}

const mails = (): Mail[] =>
  existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), "utf8")) as Mail) : [];

/** The e-mail to `to` whose subject matches, waiting up to a minute for the job worker. */
export async function mailTo(to: string, subject: string): Promise<Mail> {
  await expect.poll(() => mails().some((m) => m.to === to && m.subject === subject), { timeout: 60_000, message: `an e-mail "${subject}"` }).toBe(true);
  return mails().filter((m) => m.to === to && m.subject === subject).at(-1)!;
}

export const mailsTo = (to: string) => mails().filter((m) => m.to === to);

/** A demo guardian's link to a pupil, by the guardian's e-mail and the pupil's first name. */
export async function linkOf(email: string, firstName: string) {
  const [row] = await query<{ id: string; pupilId: string; schoolName: string }>(
    `SELECT l.id, l."pupilId", s.name AS "schoolName" FROM "GuardianLink" l JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" u ON u.id = g."userId"
       JOIN "Pupil" p ON p.id = l."pupilId" JOIN "School" s ON s.id = p."schoolId" WHERE u.email = $1 AND p."firstName" = $2`,
    [email, firstName],
  );
  return row;
}

/** The guardians of a pupil with an account, by the pupil's e-mail: name, e-mail and link id, first linked first. */
export async function guardiansOfPupil(email: string) {
  return query<{ linkId: string; name: string; email: string; relationship: string }>(
    `SELECT l.id AS "linkId", gu.name, gu.email, l.relationship FROM "Pupil" p JOIN "User" pu ON pu.id = p."userId"
       JOIN "GuardianLink" l ON l."pupilId" = p.id JOIN "Guardian" g ON g.id = l."guardianId" JOIN "User" gu ON gu.id = g."userId"
     WHERE pu.email = $1 ORDER BY l."createdAt", l.id`,
    [email],
  );
}

/** The most recent school day up to today in Amsterdam (weekends and the school's holidays skipped), YYYY-MM-DD. */
export async function lastSchoolDay(schoolName: string): Promise<string> {
  const holidays = await query<{ startsOn: string; endsOn: string }>(
    `SELECT to_char(h."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(h."endsOn", 'YYYY-MM-DD') AS "endsOn"
       FROM "SchoolHoliday" h JOIN "School" s ON s.id = h."schoolId" WHERE s.name = $1`,
    [schoolName],
  );
  const today = new Date(new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Amsterdam" }));
  for (let d = today; ; d = new Date(d.getTime() - 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.some((h) => h.startsOn <= iso && iso <= h.endsOn)) return iso;
  }
}
