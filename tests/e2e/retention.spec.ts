import { screen } from "./env";
import { expect, expectAccessible, expectErrorSummary, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";

// The board administrator sets a school's retention terms and sees what the
// nightly clean-up would remove (a former pupil who left three years ago).

const ADMIN = "beheer@demo.test";
let schoolId = "";
let pupilId = "";

test.beforeAll(async () => {
  const [row] = await query<{ schoolId: string; pupilId: string }>(
    `SELECT s.id AS "schoolId", p.id AS "pupilId" FROM "School" s JOIN "Pupil" p ON p."schoolId" = s.id
      WHERE s.name = 'Scholengemeenschap Eikenrode' AND p."userId" IS NULL AND EXISTS (SELECT 1 FROM "Result" r WHERE r."pupilId" = p.id)
      ORDER BY p."studentNumber" DESC LIMIT 1`,
  );
  ({ schoolId, pupilId } = row);
  await query(`UPDATE "Pupil" SET "leftOn" = current_date - interval '3 years' WHERE id = $1`, [pupilId]);
});

test.afterAll(async () => {
  await query(`UPDATE "Pupil" SET "leftOn" = NULL WHERE id = $1`, [pupilId]);
  await query(`UPDATE "School" SET "retentionResultsYears" = 2 WHERE id = $1`, [schoolId]);
  await query(`UPDATE "User" SET locale = 'nl' WHERE email = $1`, [ADMIN]);
});

test("a board administrator sets the retention terms and sees what would be removed, in Dutch and Arabic", async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/schools/${schoolId}`);
  await page.getByRole("navigation", { name: "Beheer van deze school" }).getByRole("link", { name: "Bewaartermijnen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bewaartermijnen" })).toBeVisible();
  const preview = page.getByRole("region", { name: "Als het vannacht zou draaien" });
  await expect(preview).toContainText("1 oud-leerling met gegevens die weg kunnen.");
  const results = Number((await preview.getByRole("row", { name: /^Cijfers/ }).locator("td").first().innerText()).replace(/\D/g, ""));
  expect(results).toBeGreaterThan(0);
  await expectAccessible(page);
  await page.screenshot({ path: screen("retention-nl-desktop.png"), fullPage: true });

  // A term out of range is refused: the summary takes focus; nothing changes.
  await page.getByLabel("Cijfers bewaren (jaren na vertrek)").fill("0");
  await page.getByRole("button", { name: "Termijnen opslaan" }).click();
  await expectErrorSummary(page, "Kies een heel aantal jaren van 1 tot 10.");
  expect((await query<{ n: number }>(`SELECT "retentionResultsYears" AS n FROM "School" WHERE id = $1`, [schoolId]))[0].n).toBe(2);

  // Four years: the former pupil's results stay; audited with old and new.
  await page.getByLabel("Cijfers bewaren (jaren na vertrek)").fill("4");
  await page.getByRole("button", { name: "Termijnen opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De termijnen zijn opgeslagen." })).toBeVisible();
  const [audit] = await query<{ details: Record<string, unknown> }>(
    `SELECT details FROM "AuditLog" WHERE action = 'school:update' AND "targetId" = $1 ORDER BY at DESC LIMIT 1`, [schoolId]);
  expect(audit.details).toEqual({ "retention.results": { old: 2, new: 4 } });
  await page.reload();
  await expect(page.getByRole("region", { name: "Als het vannacht zou draaien" }).getByRole("row", { name: /^Cijfers/ }).locator("td").first()).toHaveText("0");

  // Arabic, right to left, on a phone.
  await query(`UPDATE "User" SET locale = 'ar' WHERE email = $1`, [ADMIN]);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("مدد الحفظ");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("retention-ar-320.png"), fullPage: true });
});
