import path from "node:path";
import { readdirSync } from "node:fs";
import { expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";
import { E2E, screen } from "./env";
import { latestTeachingDay, writeSampleSets } from "../../scripts/import-samples/sets";

// The administrator imports a demo school's data: first the sample set with
// typical errors (the preview lists them with their lines, nothing is written),
// then the clean set (preview, apply, progress, done). One pass in Arabic.

// The sample sets as `npm run samples:import` writes them, as of the latest school day, so the
// test does not depend on the date of the shipped files (results must lie in the current school year).
const SAMPLES = path.resolve(`${E2E.outputDir}-samples`);
const filesOf = (set: string) => readdirSync(path.join(SAMPLES, set)).sort().map((f) => path.join(SAMPLES, set, f));
test.beforeAll(async () => {
  await writeSampleSets(SAMPLES, latestTeachingDay());
});
const ADMIN = "beheer@demo.test";

async function school() {
  const [row] = await query<{ id: string }>(`SELECT id FROM "School" WHERE name = 'Het Beukenhout'`);
  return row.id;
}
const importedPupils = async (schoolId: string) =>
  Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Pupil" WHERE "schoolId" = $1 AND "studentNumber" BETWEEN '230001' AND '230150' AND length("studentNumber") = 6`, [schoolId]))[0].n);

test.describe.configure({ mode: "serial" });

test("an administrator checks an export with errors, then imports the clean one", async ({ page }) => {
  test.setTimeout(150_000);
  const schoolId = await school();
  // 0 on a fresh server; a run against a server kept from an earlier run starts from what that one imported.
  const before = await importedPupils(schoolId);
  await signIn(page, ADMIN);
  await page.waitForURL("**/admin");
  await page.goto(`/admin/schools/${schoolId}/imports`);
  await expect(page).toHaveTitle(/Gegevens inlezen/);
  await expectAccessible(page);
  await page.screenshot({ path: screen("import-nl-desktop.png"), fullPage: true });

  // A submit without files is refused; the error summary takes focus and is in view.
  await page.getByRole("button", { name: "Controleren" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Kies een of meer bestanden.");
  await expect(summary).toBeInViewport();

  // A file over 10 MB is refused in the browser with its name, before anything is sent.
  await page.locator("#files").setInputFiles({ name: "groot.csv", mimeType: "text/csv", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 65) });
  await page.getByRole("button", { name: "Controleren" }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("groot.csv is groter dan 10 MB");

  // The set with errors: every error with its file and line, and nothing written.
  await page.locator("#files").setInputFiles(filesOf("met-fouten"));
  await page.getByRole("button", { name: "Controleren" }).click();
  await page.waitForURL(/\/imports\/[^/]+$/);
  await expect(page.getByText("Bevat fouten").first()).toBeVisible({ timeout: 60_000 });
  const rows = page.locator("#errors-heading ~ div table tbody tr");
  await expect(rows).toHaveCount(5);
  const lines = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent).join(":")));
  expect(lines.sort()).toEqual(["cijfers.csv:16", "leerlingen.xlsx:11", "leerlingen.xlsx:152", "leerlingen.xlsx:21", "verzorgers.csv:38"]);
  await expect(rows.filter({ hasText: "H4Z" })).toContainText("Klas H4Z bestaat niet");
  await expect(page.getByRole("button", { name: "Nu inlezen" })).toHaveCount(0);
  expect(await importedPupils(schoolId)).toBe(before);
  await expectAccessible(page);
  await page.screenshot({ path: screen("import-errors-nl-desktop.png"), fullPage: true });

  // The clean set: preview, apply, progress, done.
  await page.goto(`/admin/schools/${schoolId}/imports`);
  await page.locator("#files").setInputFiles(filesOf("voorbeeld"));
  await page.getByRole("button", { name: "Controleren" }).click();
  await page.waitForURL(/\/imports\/[^/]+$/);
  await expect(page.getByText("Klaar om in te lezen").first()).toBeVisible({ timeout: 60_000 });
  const preview = page.locator("#preview-heading ~ div table");
  await expect(preview.getByRole("row", { name: /^Leerlingen/ })).toContainText("150");
  await expect(page.getByText("Ingelezen verzuim is geschiedenis")).toBeVisible();
  expect(await importedPupils(schoolId)).toBe(before);
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("import-preview-nl-320.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Nu inlezen" }).click();
  await expect(page.locator("progress#run-progress")).toBeVisible();
  await expect(page.getByText(/^Ingelezen op/)).toBeVisible({ timeout: 90_000 });
  expect(await importedPupils(schoolId)).toBe(150);
  await page.screenshot({ path: screen("import-applied-nl-desktop.png"), fullPage: true });

  // The list of earlier imports shows both.
  await page.getByRole("link", { name: "Terug naar gegevens inlezen" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/schools/${schoolId}/imports$`));
  await expect(page.locator("#previous-heading + ul > li").nth(1)).toBeVisible();
});

test("the import pages in Arabic, right to left, at 320 px", async ({ page }) => {
  const schoolId = await school();
  await query(`UPDATE "User" SET locale = 'ar' WHERE email = $1`, [ADMIN]);
  try {
    await signIn(page, ADMIN);
    await page.waitForURL("**/admin");
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/admin/schools/${schoolId}/imports`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("استيراد البيانات");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen("import-ar-320.png"), fullPage: true });
    await page.locator("#previous-heading + ul a").first().click();
    await expect(page.getByText("تم الاستيراد").first()).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen("import-run-ar-320.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: screen("import-run-ar-desktop.png"), fullPage: true });
  } finally {
    await query(`UPDATE "User" SET locale = 'nl' WHERE email = $1`, [ADMIN]);
  }
});

test("another board's school answers 404", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.waitForURL("**/admin");
  const response = await page.goto("/admin/schools/not-a-school-of-this-board/imports");
  expect(response?.status()).toBe(404);
  const progress = await page.request.get("/api/imports/not-a-school-of-this-board/some-run");
  expect(progress.status()).toBe(404);
});
