import path from "node:path";
import { readdirSync } from "node:fs";
import { E2E, screen } from "./env";
import { expect, expectAccessible, expectNoHorizontalScroll, queryAt, signIn, test } from "./fixtures";
import { linkIn, waitForMail } from "./accounts-helpers";
import { latestTeachingDay, writeSampleSets } from "../../scripts/import-samples/sets";

// The "done when": from an EMPTY database (the second test server, started
// like `npm run demo -- --empty`: only the board and beheer@demo.test), the board
// administrator creates a school, imports the sample files — first the set with
// errors (the preview shows them, nothing is written), then the clean set — and
// invites the guardians; the invitation arrives at the test SMTP receiver; a
// guardian chooses a password from it and sees their child's results.

const BASE = `http://localhost:${E2E.emptyPort}`;
const SAMPLES = path.resolve(`${E2E.outputDir}-onboarding-samples`);
const filesOf = (set: string) => readdirSync(path.join(SAMPLES, set)).sort().map((f) => path.join(SAMPLES, set, f));
const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryAt<T>(E2E.emptyDbPort, sql, params);
const count = async (table: string) => Number((await db<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n);
const NEW_PASSWORD = "zonnebloem-fiets-kastanje";

test("from an empty database to a parent who sees their child's results", async ({ browser }) => {
  test.setTimeout(300_000);
  await writeSampleSets(SAMPLES, latestTeachingDay());
  const admin = await browser.newContext({ baseURL: BASE });
  const page = await admin.newPage();

  // An empty board: no school, no pupil, no parent.
  expect(await count("School")).toBe(0);
  expect(await count("Pupil")).toBe(0);
  await signIn(page, "beheer@demo.test");
  await expect(page).toHaveURL(/\/admin$/);
  await expectAccessible(page);

  // 1. The school.
  await page.getByRole("link", { name: "School toevoegen" }).click();
  await page.getByLabel("Naam", { exact: true }).fill("Zonnewijzer College");
  await page.getByLabel("BRIN-nummer").fill("12ZW");
  await page.getByLabel("Vestigingsnummer").fill("00");
  await page.getByLabel("havo", { exact: true }).check();
  await page.getByLabel("vwo", { exact: true }).check();
  await page.getByLabel("Plaats").fill("Amersfoort");
  await page.locator("main").getByRole("button", { name: "School toevoegen" }).click();
  await expect(page).toHaveURL(/\/admin\/schools\/[^/]+\?created=1$/);
  const schoolId = new URL(page.url()).pathname.split("/")[3];

  // 2. The import: the set with errors first — its errors with their lines, nothing written.
  await page.getByRole("link", { name: "Gegevens inlezen" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/schools/${schoolId}/imports$`));
  await page.locator("#files").setInputFiles(filesOf("met-fouten"));
  await page.getByRole("button", { name: "Controleren" }).click();
  await page.waitForURL(/\/imports\/[^/]+$/);
  await expect(page.getByText("Bevat fouten").first()).toBeVisible({ timeout: 90_000 });
  const errors = page.locator("#errors-heading ~ div table tbody tr");
  await expect(errors).toHaveCount(5);
  await expect(errors.filter({ hasText: "H4Z" })).toContainText("Klas H4Z bestaat niet");
  await expect(page.getByRole("button", { name: "Nu inlezen" })).toHaveCount(0);
  for (const table of ["ClassGroup", "Pupil", "Guardian", "GuardianLink", "Result", "AbsenceRecord"]) expect(await count(table), table).toBe(0);
  await page.screenshot({ path: screen("onboarding-import-errors.png"), fullPage: true });

  // …then the clean set: preview, apply, done.
  await page.getByRole("link", { name: "Terug naar gegevens inlezen" }).click();
  await page.locator("#files").setInputFiles(filesOf("voorbeeld"));
  await page.getByRole("button", { name: "Controleren" }).click();
  await page.waitForURL(/\/imports\/[^/]+$/);
  await expect(page.getByText("Klaar om in te lezen").first()).toBeVisible({ timeout: 90_000 });
  await page.getByRole("button", { name: "Nu inlezen" }).click();
  await expect(page.getByText(/^Ingelezen op/)).toBeVisible({ timeout: 120_000 });
  expect(await count("Pupil")).toBe(150);
  expect(await count("Result")).toBeGreaterThan(1000);

  // 3. The invitations: everyone not yet active, for the whole school.
  const since = Date.now();
  await page.getByRole("link", { name: "Uitnodigingen" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/schools/${schoolId}/invitations`));
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Nodig iedereen uit die nog niet actief is/ }).click();
  // One action queues 271 invitations (a token and an outbox row each): on a busy 2-core machine that took over 10 s.
  await expect(page.getByRole("status").first()).toContainText(/uitnodigingen? (is|zijn) onderweg/, { timeout: 30_000 });
  await page.screenshot({ path: screen("onboarding-invitations.png"), fullPage: false });

  // A guardian with parental authority of a pupil who has results, and an e-mail address.
  const [guardian] = await db<{ email: string; pupilId: string; firstName: string }>(
    `SELECT u.email, p.id AS "pupilId", p."firstName" FROM "User" u JOIN "Guardian" g ON g."userId" = u.id
       JOIN "GuardianLink" l ON l."guardianId" = g.id AND l."hasParentalAuthority" JOIN "Pupil" p ON p.id = l."pupilId"
      WHERE u.email IS NOT NULL AND u.locale = 'nl' AND EXISTS (SELECT 1 FROM "Result" r WHERE r."pupilId" = p.id)
        AND (SELECT count(*) FROM "GuardianLink" x WHERE x."guardianId" = g.id) = 1
      ORDER BY u.email LIMIT 1`,
  );
  const mail = await waitForMail(guardian.email, /nodigt je uit voor Schoolkompas/, since);
  expect(mail.subject).toContain("Zonnewijzer College");
  await admin.close();

  // 4. The guardian, in a browser of their own: a password from the e-mail, then their child's results.
  const parent = await browser.newContext({ baseURL: BASE });
  const guardianPage = await parent.newPage();
  await guardianPage.goto(linkIn(mail));
  await guardianPage.locator("#password").fill(NEW_PASSWORD);
  await guardianPage.locator("#confirm").fill(NEW_PASSWORD);
  await guardianPage.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(guardianPage).toHaveURL(/\/login\?passwordSet=1/);
  await signIn(guardianPage, guardian.email, NEW_PASSWORD);
  await expect(guardianPage).toHaveURL(/\/parent$/);
  await expect(guardianPage.getByRole("region", { name: "Welkom bij Schoolkompas" })).toBeVisible();
  await expect(guardianPage.getByRole("heading", { level: 2, name: new RegExp(guardian.firstName) })).toBeVisible();
  await guardianPage.goto(`/parent/children/${guardian.pupilId}`);
  await expect(guardianPage.getByRole("heading", { level: 2, name: "Cijfers" })).toBeVisible();
  await expect(guardianPage.locator("section[aria-labelledby=results-heading] details > summary").filter({ hasText: "Gemiddelde" }).first()).toBeVisible();
  await expectAccessible(guardianPage);
  await guardianPage.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(guardianPage);
  await guardianPage.screenshot({ path: screen("onboarding-child-320.png"), fullPage: true });
  // The link was used: a second visit explains that it no longer works, and changes nothing.
  await parent.clearCookies();
  await guardianPage.goto(linkIn(mail));
  await expect(guardianPage.locator("#password")).toHaveCount(0);
  await parent.close();
});
