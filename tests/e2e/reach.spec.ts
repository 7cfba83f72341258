import type { BrowserContext, Page } from "@playwright/test";
import { screen } from "./env";
import { expect, expectAccessible, expectNoHorizontalScroll, query, signIn, test } from "./fixtures";

// The reach dashboard (issue 19 part 1): the school leader sees which families
// the school reaches, sorts and filters the classes, drills into the worst
// class and sees the families nobody reached by name (each one audited); in
// Dutch on a desktop and in Arabic at 320 px. Figures are pinned by
// tests/integration/reach.test.ts; here only the real UI.

async function switchLanguage(page: Page, locale: "nl" | "ar") {
  await page.locator("#language-select").selectOption(locale);
  await page.locator('form[action="/api/language"] button[type=submit]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

const reachAudits = async () => (await query<{ n: number }>(
  `SELECT count(*)::int AS n FROM "AuditLog" a JOIN "User" u ON u.id = a."actorUserId" WHERE u.email = 'leider@demo.test' AND a.action = 'reach:view' AND a.outcome = 'ALLOWED'`,
))[0].n;

test.describe.serial("the reach dashboard", () => {
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", baseURL: test.info().project.use.baseURL });
    page = await context.newPage();
    await signIn(page, "leider@demo.test");
    await expect(page).toHaveURL(/\/leader$/);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("shows the school's reach, sorts and filters, and drills into the worst class", async () => {
    // Two pages checked with axe, two sorts, a filter and a drill-down.
    test.setTimeout(150_000);
    await expect(page.getByRole("heading", { level: 2, name: "Bereik van gezinnen" })).toBeVisible();
    const classes = page.getByRole("table", { name: "Per klas" });
    await expect(classes.getByRole("row")).not.toHaveCount(1);
    await expect(page.getByRole("table", { name: "Per mentor" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Staafdiagram/ })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: screen("reach-leader-nl-desktop.png"), fullPage: true });

    // Sort by "never reached", most first.
    await classes.getByRole("link", { name: "Nooit bereikt" }).click();
    await expect(page).toHaveURL(/sort=never/);
    await expect(classes.getByRole("columnheader", { name: "Nooit bereikt" })).toHaveAttribute("aria-sort", "ascending");
    await classes.getByRole("link", { name: "Nooit bereikt" }).click();
    await expect(page).toHaveURL(/sort=never&dir=desc/);
    await expect(classes.getByRole("columnheader", { name: /Nooit bereikt/ })).toHaveAttribute("aria-sort", "descending");

    // Filter on one year: every class shown is of that year (keyboard: choose, then the button).
    const year = page.getByLabel("Leerjaar");
    const option = await year.locator("option").nth(1).getAttribute("value");
    await year.selectOption(option!);
    await page.getByRole("button", { name: "Toon" }).click();
    await expect(page).toHaveURL(new RegExp(`year=${option}`));
    await expect(page.getByLabel("Leerjaar")).toHaveValue(option!);

    // Back to the default order (worst reach first) and into the first class.
    await page.goto("/leader");
    const worst = page.getByRole("table", { name: "Per klas" }).getByRole("rowheader").first().getByRole("link");
    const name = (await worst.textContent())!.trim();
    const before = await reachAudits();
    await worst.click();
    await expect(page.getByRole("heading", { level: 1, name: `Bereik in klas ${name}` })).toBeVisible();
    const families = page.getByTestId("reach-family");
    await expect(families.first()).toBeVisible();
    await expect(families.filter({ hasText: "Nooit dit schooljaar" }).first()).toBeVisible();
    const shown = await families.count();
    expect(await reachAudits()).toBe(before + shown);
    await expectAccessible(page);
    await page.screenshot({ path: screen("reach-class-nl-desktop.png"), fullPage: true });
  });

  test("works in Arabic at 320 px", async () => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/leader");
    await switchLanguage(page, "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 2, name: "الوصول إلى العائلات" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: screen("reach-leader-ar-320.png"), fullPage: true });
    await page.getByRole("table", { name: "حسب الصف" }).getByRole("rowheader").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("الوصول في الصف");
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: screen("reach-class-ar-320.png"), fullPage: true });
    await switchLanguage(page, "nl");
  });
});
