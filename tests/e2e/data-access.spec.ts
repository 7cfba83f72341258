import { screen } from "./env";
import { auditRows, childrenOf, expect, expectAccessible, expectNoHorizontalScroll, signIn, test } from "./fixtures";

// The right of access (AVG art. 15): a parent sees and downloads everything the
// school keeps about them and their children.

test("a parent reads their data on a page and downloads it as a file; others get 404", async ({ page, browser }) => {
  const children = await childrenOf("ouder@demo.test");
  await signIn(page, "ouder@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  await page.goto("/account");
  await page.getByRole("link", { name: "Bekijk en download je gegevens" }).click();
  await expect(page).toHaveURL(/\/account\/data$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jouw gegevens bij school" })).toBeVisible();
  for (const child of children) await expect(page.getByRole("heading", { level: 2, name: new RegExp(child.firstName) })).toBeVisible();
  await expect(page.getByRole("region", { name: new RegExp(`^Cijfers — ${children[0].firstName}`) }).locator("tbody tr").first()).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("data-access-nl-320.png"), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  const file = await page.request.get("/api/account/data");
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toBe("private, no-store");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="schoolkompas-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
  const data = (await file.json()) as { you: { email: string }; pupils: { id: string; results: unknown[] }[] };
  expect(data.you.email).toBe("ouder@demo.test");
  expect(data.pupils.map((p) => p.id).sort()).toEqual(children.map((c) => c.id).sort());
  expect(data.pupils.every((p) => p.results.length > 0)).toBe(true);
  expect((await auditRows("ouder@demo.test", "ALLOWED")).filter((r) => r.action === "data:export").length).toBeGreaterThanOrEqual(4);

  // Not signed in, or staff: 404, and nothing to read.
  const anonymous = await browser.newContext({ baseURL: page.url().replace(/\/account\/data$/, "") });
  expect((await anonymous.request.get("/api/account/data")).status()).toBe(404);
  await anonymous.close();
  const mentor = await browser.newContext({ baseURL: page.url().replace(/\/account\/data$/, "") });
  const mentorPage = await mentor.newPage();
  await signIn(mentorPage, "mentor@demo.test");
  await expect(mentorPage).toHaveURL(/\/mentor$/);
  expect((await mentorPage.request.get("/api/account/data")).status()).toBe(404);
  expect((await mentorPage.goto("/account/data"))?.status()).toBe(404);
  await mentor.close();
});

test("the data page in Arabic, right to left, on a phone", async ({ page }) => {
  await signIn(page, "ouder2@demo.test");
  await expect(page).toHaveURL(/\/parent$/);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/account/data");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("بياناتك لدى المدرسة");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: screen("data-access-ar-320.png"), fullPage: true });
});
