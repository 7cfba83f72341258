import type { BrowserContext, Page } from "@playwright/test";
import { screen } from "./env";
import { expect, expectAccessible, expectNoHorizontalScroll, gotoUntilCached, query, signIn, test } from "./fixtures";

// The involvement self-assessment (issue 19 part 4, decision 0038): the demo
// leader scores one domain with the keyboard, saves and publishes; the public
// profile shows the summary at once (the publication expires its cache) and
// sets no cookie; Dutch and Arabic, 320 px, axe. Details: tests/integration/self-assessment.test.ts.

async function switchLanguage(page: Page, locale: "nl" | "ar") {
  await page.locator("#language-select").selectOption(locale);
  await page.locator('form[action="/api/language"] button[type=submit]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

async function leaderSchoolSlug(): Promise<string> {
  const [row] = await query<{ slug: string }>(
    `SELECT s.slug FROM "School" s JOIN "RoleMembership" r ON r."schoolId" = s.id JOIN "User" u ON u.id = r."userId"
      WHERE u.email = 'leider@demo.test' AND r.role = 'LEADER'`);
  return row.slug;
}

const SENTENCE = "De schoolleiding volgt de vraag van ouders en past het beleid daarop aan.";

test.describe.serial("the school leader's self-assessment", () => {
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

  test("scores a domain with the keyboard, saves, publishes; the public profile shows it at once", async ({ browser }) => {
    const slug = await leaderSchoolSlug();
    // The public profile is cached before the publication (the demo's summary is there).
    const visitor = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const publicPage = await visitor.newPage();
    expect(await gotoUntilCached(publicPage, `/schools/${slug}`)).toBe("HIT");
    await expect(publicPage.locator("#involvement-heading")).toHaveText("Ouderbetrokkenheid");
    await expect(publicPage.locator("main")).not.toContainText(SENTENCE);

    await page.getByRole("link", { name: "Ouderbetrokkenheid: waar staan we?" }).click();
    await expect(page).toHaveURL(/\/leader\/self-assessment$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ouderbetrokkenheid: waar staan we?");
    // The demo: last year's scores as history, reach figures beside the domains they evidence.
    await expect(page.locator("#history-heading")).toBeVisible();
    await expect(page.locator("main")).toContainText("Cijfers over bereik");
    await expectAccessible(page);

    // Keyboard only: from the note back into the radio group (the checked level, 2), arrow down to 4.
    await page.locator("#note-management").focus();
    await page.keyboard.press("Shift+Tab");
    await expect(page.locator('input[name="level-management"][value="2"]')).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.locator('input[name="level-management"][value="4"]')).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.locator("#note-management")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Scholing voor het team gepland.");
    await page.keyboard.press("Tab");
    await expect(page.locator("#sentence-management")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(SENTENCE);
    await page.locator("#main").getByRole("button", { name: "Opslaan" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "De zelfevaluatie is opgeslagen." })).toBeVisible();
    await expect(page.locator('input[name="level-management"][value="4"]')).toBeChecked();

    await page.getByRole("button", { name: "Samenvatting publiceren" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "De samenvatting staat nu op de schoolpagina." })).toBeVisible();

    // The publication expires the cached page: every server process shows it now, without a cookie.
    for (let i = 0; i < 4; i++) {
      const response = await publicPage.goto(`/schools/${slug}`);
      expect(response?.headers()["set-cookie"]).toBeUndefined();
      await expect(publicPage.locator("main")).toContainText(SENTENCE);
      await expect(publicPage.locator("main")).toContainText("Niveau 4 van 5: Participatiegericht");
    }
    await expect(publicPage.locator("main")).not.toContainText("Scholing voor het team gepland.");
    await publicPage.screenshot({ path: screen("self-assessment-public-nl-1280.png"), fullPage: true });
    await visitor.close();
  });

  test("reads well at 320 px and in Arabic, right to left, on the leader's page and the public profile", async ({ browser }) => {
    const slug = await leaderSchoolSlug();
    await page.goto("/leader/self-assessment");
    await page.screenshot({ path: screen("self-assessment-nl-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: screen("self-assessment-nl-320.png"), fullPage: true });
    await switchLanguage(page, "ar");
    try {
      await page.goto("/leader/self-assessment");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("مشاركة الوالدين: أين نحن؟");
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: screen("self-assessment-ar-320.png"), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: screen("self-assessment-ar-1280.png"), fullPage: true });
    } finally {
      await switchLanguage(page, "nl");
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    const visitor = await browser.newContext({ locale: "ar", viewport: { width: 320, height: 900 }, baseURL: test.info().project.use.baseURL });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`/schools/${slug}`);
    await expect(publicPage.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(publicPage.locator("#involvement-heading")).toHaveText("مشاركة الوالدين");
    await expectAccessible(publicPage);
    await expectNoHorizontalScroll(publicPage);
    await publicPage.locator("#involvement-heading").scrollIntoViewIfNeeded();
    await publicPage.screenshot({ path: screen("self-assessment-public-ar-320.png"), fullPage: true });
    await publicPage.setViewportSize({ width: 1280, height: 900 });
    await publicPage.screenshot({ path: screen("self-assessment-public-ar-1280.png"), fullPage: true });
    await visitor.close();
  });

  test("a mentor and a parent get 404 and a refused row", async ({ browser }) => {
    for (const [email, home] of [["mentor@demo.test", /\/mentor$/], ["ouder@demo.test", /\/parent$/]] as const) {
      const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const otherPage = await other.newPage();
      await signIn(otherPage, email);
      await expect(otherPage).toHaveURL(home);
      expect((await otherPage.goto("/leader/self-assessment"))?.status()).toBe(404);
      const [row] = await query<{ outcome: string; route: string }>(
        `SELECT a.outcome::text, a.route FROM "AuditLog" a JOIN "User" u ON u.id = a."actorUserId"
          WHERE u.email = $1 AND a.action = 'route:view' ORDER BY a.at DESC LIMIT 1`, [email]);
      expect(row).toEqual({ outcome: "DENIED", route: "/leader/self-assessment" });
      await other.close();
    }
  });
});
