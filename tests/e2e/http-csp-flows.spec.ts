import { childrenOf, expect, expectAccessible, query, signIn, test } from "./fixtures";
import { screen } from "./env";
import { watchViolations } from "./http-helpers";

// The Content-Security-Policy must not break what the pages do with scripts:
// client forms with server actions, the role switch, the language switch,
// fetch-driven pages. Each flow runs with CSP violations collected.

test("a mentor logs a contact moment, the teacher switches roles and language, under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, "mentor@demo.test");
  await expect(page).toHaveURL(/\/mentor$/);
  await page.locator("main a[href^='/mentor/pupils/']").filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/mentor\/pupils\//);
  await page.getByLabel("Positief").check();
  await page.getByLabel("Korte samenvatting").fill("Gebeld over de toetsweek: het gaat goed.");
  await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
  await expect(page.getByRole("status")).toHaveText("Het contactmoment is opgeslagen.");

  // The header's language switch (a plain form) and back.
  await page.getByLabel("Taal").selectOption("ar");
  await page.getByRole("button", { name: "Opslaan", exact: true }).first().click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.locator("#language-select").selectOption("nl");
  await page.locator("form[action='/api/language'] button[type=submit]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");

  await page.context().clearCookies();
  await signIn(page, "docent@demo.test");
  await expect(page).toHaveURL(/\/mentor$/);
  await page.getByLabel("Rol").selectOption({ label: "Ouder/verzorger" });
  await page.getByRole("button", { name: "Wisselen" }).click();
  await expect(page).toHaveURL(/\/parent$/);
  await page.getByLabel("Rol").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Wisselen" }).click();
  await expect(page).toHaveURL(/\/mentor$/);
  expect(violations).toEqual([]);
});

test("parent, leader, attendance officer and administrator pages with client components, under the policy", async ({ page }) => {
  const violations = await watchViolations(page);
  const [child] = await childrenOf("ouder@demo.test");
  await signIn(page, "ouder@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  await page.goto(`/parent/children/${child.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/parent/settings");
  await page.getByRole("button", { name: "Opslaan", exact: true }).last().click();
  await expect(page.getByRole("status").last()).toBeVisible();

  for (const [email, pages] of [
    ["leider@demo.test", ["/leader", "/leader/indicators", "/attendance/messages"]],
    ["verzuim@demo.test", ["/attendance", "/attendance/pupils"]],
    ["beheer@demo.test", ["/admin", "/admin/benchmarks", "/account", "/account/two-step"]],
  ] as const) {
    await page.context().clearCookies();
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`${pages[0]}$`));
    for (const address of pages) {
      await page.goto(address);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
  }
  // The import page uploads with fetch and polls the run's progress.
  const [school] = await query<{ id: string }>(`SELECT id FROM "School" WHERE name LIKE 'Lindenhorst%' LIMIT 1`);
  await page.goto(`/admin/schools/${school.id}/imports`);
  await page.locator("#files").setInputFiles({ name: "leerlingen.csv", mimeType: "text/csv", buffer: Buffer.from("Leerlingnummer;Roepnaam\n1;Sam\n") });
  // While the run is being checked its progress bar polls (components/imports/run-progress.tsx, every 2.5 s).
  const firstPoll = page
    .waitForResponse((r) => r.request().resourceType() === "fetch" && r.request().method() === "GET" && new URL(r.url()).pathname.startsWith("/api/imports/"), { timeout: 30_000 })
    .catch(() => null);
  await page.getByRole("button", { name: "Controleren" }).click();
  await expect(page).toHaveURL(/\/imports\/[^/]+$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // A poll answered (a fetch the policy refused never is); a run already checked has no bar and does not poll.
  if (await page.locator("#run-progress").count()) expect(await firstPoll, "the progress bar's first poll").not.toBeNull();
  expect(violations).toEqual([]);
});

test("the refusal pages read well in Dutch and Arabic, on a phone and a desktop", async ({ browser }) => {
  for (const [locale, width] of [["nl", 320], ["ar", 320], ["ar", 1280]] as const) {
    const context = await browser.newContext({ viewport: { width, height: 640 }, locale });
    const page = await context.newPage();
    const response = await page.goto("/schools/%E0%A4%A");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page).toHaveTitle(/\S/);
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screen(`refusal-${locale}-${width}.png`), fullPage: true });
    await page.getByRole("link").click();
    await expect(page).toHaveURL(/\/$/);
    await context.close();
  }
});
