import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, expectNoHorizontalScroll, gotoUntilCached, query, test } from "./fixtures";

// The public Schoolkompas: search, a school's profile, and the comparison.
// Slugs and years come from the demo database, except the one school the
// search test types by name.

type School = { slug: string; name: string };
/** Public schools: those that have published a figure (a school just added by the board is not public yet). */
const schools = () =>
  query<School>(`SELECT slug, name FROM "School" s
    WHERE EXISTS (SELECT 1 FROM "IndicatorValue" v WHERE v."schoolId" = s.id AND v."publishedAt" IS NOT NULL AND v."publishedValue" IS NOT NULL) ORDER BY name`);

/** A school and a school year of which nothing is published: the draft year of the demo data. */
async function draftOnlyYear(): Promise<{ slug: string; year: string }> {
  const [row] = await query<{ slug: string; year: string }>(
    `SELECT s.slug, y.name AS year FROM "IndicatorValue" v
       JOIN "School" s ON s.id = v."schoolId" JOIN "SchoolYear" y ON y.id = v."schoolYearId"
     GROUP BY s.slug, y.name HAVING bool_and(v."publishedAt" IS NULL) ORDER BY y.name DESC, s.slug LIMIT 1`,
  );
  return row;
}

async function publishedYears(slug: string): Promise<string[]> {
  const rows = await query<{ year: string }>(
    `SELECT DISTINCT y.name AS year FROM "IndicatorValue" v JOIN "School" s ON s.id = v."schoolId"
       JOIN "SchoolYear" y ON y.id = v."schoolYearId" WHERE s.slug = $1 AND v."publishedAt" IS NOT NULL ORDER BY 1`,
    [slug],
  );
  return rows.map((r) => r.year).slice(-3);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

async function arabicPage(browser: Browser, baseURL: string | undefined, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: baseURL! }]);
  return { context, page: await context.newPage() };
}

test("search with a typo finds a demo school, and builds a comparison in the address", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vind een middelbare school");
  await expectAccessible(page);
  await page.getByLabel("Naam van de school of plaats").fill("lindenhørst colege");
  await page.getByLabel("Schooltype").selectOption("VWO");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const result = page.getByRole("article").filter({ has: page.getByRole("link", { name: "Lindenhorst College" }) });
  await expect(result).toBeVisible();
  await expect(result.getByText("Slagingspercentage")).toBeVisible();
  await result.getByRole("link", { name: "Lindenhorst College vergelijken" }).click();
  await expect(page).toHaveURL(/compare=lindenhorst-college/);
  await expect(page.getByRole("heading", { name: /Jouw vergelijking: 1 van 3/ })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "public-search-nl");

  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await shot(page, "public-search-320");
});

test("a profile shows published indicators with benchmark, trend and table, never the draft year", async ({ page }) => {
  const draft = await draftOnlyYear();
  const years = await publishedYears(draft.slug);
  expect(years).toHaveLength(3);
  const [school] = (await schools()).filter((s) => s.slug === draft.slug);
  await page.goto(`/schools/${draft.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(school.name);
  await expect(page.getByRole("heading", { level: 2, name: "Examens" })).toBeVisible();
  const passRate = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Slagingspercentage" }) });
  await expect(passRate.getByText(/^Landelijk: \d+(,\d)? %$/).first()).toBeVisible();
  await expect(passRate.getByText(/(Beter dan|Minder goed dan|Ongeveer gelijk aan) landelijk/).first()).toBeVisible();
  await expect(passRate.getByRole("img", { name: /Slagingspercentage/ }).first()).toBeVisible();
  await passRate.getByText("Cijfers per schooljaar als tabel").click();
  const table = passRate.getByRole("table", { name: "Slagingspercentage per schooljaar" });
  await expect(table.getByRole("columnheader", { name: "Landelijk" })).toBeVisible();
  for (const year of years) await expect(table.getByRole("rowheader", { name: year }).first()).toBeVisible();
  await passRate.getByText("Wat betekent dit voor mijn kind?").click();
  await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(draft.year);
  await expectAccessible(page);
  await shot(page, "public-profile-nl");

  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(page);
  await shot(page, "public-profile-320");
});

test("a profile in Arabic is right-to-left and translated", async ({ browser, baseURL }) => {
  const [school] = await schools();
  for (const width of [1280, 390]) {
    const { context, page } = await arabicPage(browser, baseURL, width);
    await page.goto(`/schools/${school.slug}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("heading", { level: 2, name: "الامتحانات" })).toBeVisible();
    await expect(page.getByText("ماذا يعني هذا لطفلي؟").first()).toBeVisible();
    await expect(page.getByText(/^المعدل الوطني: /).first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await shot(page, `public-profile-ar-${width}`);
    await context.close();
  }
});

test("three demo schools side by side, with the benchmark and a way to remove or add one", async ({ page, browser, baseURL }) => {
  const three = (await schools()).slice(0, 3);
  await page.goto(`/compare?schools=${three.map((s) => s.slug).join(",")}`);
  const table = page.getByRole("table", { name: "Cijfers naast elkaar" });
  for (const school of three) await expect(table.getByRole("columnheader", { name: school.name })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Landelijk" })).toBeVisible();
  await expect(table.getByText(/(Beter dan|Minder goed dan) landelijk/).first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, "public-compare-nl");

  await page.getByRole("link", { name: `${three[0].name} weghalen uit de vergelijking` }).click();
  await expect(page).toHaveURL(new RegExp(`schools=${three[1].slug},${three[2].slug}$`));
  await page.getByRole("link", { name: "School toevoegen" }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?compare=${three[1].slug},${three[2].slug}$`));
  await expect(page.getByRole("heading", { name: /Jouw vergelijking: 2 van 3/ })).toBeVisible();

  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/compare?schools=${three.map((s) => s.slug).join(",")}`);
  await expectNoHorizontalScroll(page);
  // On a phone the same table shows one card per indicator, each value with its school's name.
  const phone = page.getByRole("table", { name: "Cijfers naast elkaar" });
  await expect(phone.getByRole("rowheader", { name: /Slagingspercentage/ }).first()).toBeVisible();
  await expect(phone.getByText(/(Beter dan|Minder goed dan) landelijk/).first()).toBeVisible();
  const passRate = phone.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Slagingspercentage/ }) }).first();
  const labels = await passRate.getByRole("cell").evaluateAll((cells) =>
    cells.map((cell) => getComputedStyle(cell, "::before").content.replace(/ \/ ""$/, "")),
  );
  expect(labels).toEqual([...three.map((s) => JSON.stringify(s.name)), JSON.stringify("Landelijk")]);
  await expectAccessible(page);
  await shot(page, "public-compare-320");

  const { context, page: arabic } = await arabicPage(browser, baseURL);
  await arabic.goto(`/compare?schools=${three.map((s) => s.slug).join(",")}`);
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("table", { name: "الأرقام جنبًا إلى جنب" })).toBeVisible();
  await expectAccessible(arabic);
  await shot(arabic, "public-compare-ar");
  await arabic.setViewportSize({ width: 320, height: 640 });
  await expectNoHorizontalScroll(arabic);
  await expectAccessible(arabic);
  await shot(arabic, "public-compare-ar-320");
  await context.close();
});

test("compare explains unknown schools, too many schools and an empty address, without failing", async ({ page }) => {
  const all = await schools();
  const unknown = await page.goto(`/compare?schools=${all[0].slug},does-not-exist`);
  expect(unknown?.status()).toBe(200);
  await expect(page.getByText("Deze school vonden we niet:")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "does-not-exist" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("columnheader", { name: all[0].name })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/compare?schools=${all.slice(0, 4).map((s) => s.slug).join(",")}`);
  await expect(page.getByText("Je kunt maximaal 3 scholen tegelijk vergelijken. We laten de eerste 3 zien.")).toBeVisible();
  await expect(page.getByRole("table").getByRole("columnheader", { name: all[3].name })).toHaveCount(0);

  for (const address of ["/compare", "/compare?schools=", "/compare?schools=%3Cscript%3E"]) {
    await page.goto(address);
    await expect(page.getByRole("heading", { name: "Nog geen scholen gekozen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Naar zoeken" })).toHaveAttribute("href", "/");
  }
  await expectAccessible(page);
});

test("an unknown school answers 404", async ({ page }) => {
  const response = await page.goto("/schools/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
});

test("the public pages work without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const [first, second] = await schools();
  await page.goto("/");
  await page.getByLabel("Naam van de school of plaats").fill(first.name.slice(0, 8));
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("link", { name: first.name, exact: true })).toBeVisible();
  await page.getByRole("link", { name: `${first.name} vergelijken` }).click();
  await expect(page).toHaveURL(new RegExp(`compare=${first.slug}`));

  await page.goto(`/schools/${first.slug}`);
  await page.getByText("Cijfers per schooljaar als tabel").first().click();
  await expect(page.getByRole("table").first()).toBeVisible();
  await page.goto(`/compare?schools=${first.slug},${second.slug}`);
  await expect(page.getByRole("table", { name: "Cijfers naast elkaar" })).toBeVisible();
  await context.close();
});

test("a comparison is rendered once per language and then served from cache; the language switch works on it without JavaScript", async ({ browser, baseURL }) => {
  const [first, second] = await schools();
  const address = `/compare?schools=${second.slug},${first.slug}`;
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  expect(await gotoUntilCached(page, address)).toBe("HIT");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("table", { name: "Cijfers naast elkaar" })).toBeVisible();

  // The cached Dutch page does not answer an Arabic visitor.
  await page.getByLabel("Taal").selectOption("ar");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(address);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[\u0600-\u06FF]/);
  const names = page.getByRole("table").first().getByRole("columnheader");
  await expect(names.nth(1)).toContainText(second.name);
  await expect(names.nth(2)).toContainText(first.name);
  await context.close();

  // The internal addresses behind the public ones are not pages of the site.
  const internal = await browser.newContext({ baseURL });
  const response = await (await internal.newPage()).goto(`/site/nl/compare/~${first.slug}`);
  expect(response?.status()).toBe(404);
  await internal.close();
});

test("the language switch refuses an unknown language or a form from another site, and changes nothing", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/");
  const unknown = await page.request.post("/api/language", { form: { locale: "xx" }, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toBe("Kies een taal uit de lijst.");
  const missing = await page.request.post("/api/language", { form: {}, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(missing.status()).toBe(400);
  const foreign = await page.request.post("/api/language", { form: { locale: "ar" }, headers: { origin: "https://elders.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")).toBeUndefined();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");

  // A good choice goes back to the page it came from, never to another site.
  const chosen = await page.request.post("/api/language", { form: { locale: "en" }, headers: { origin: baseURL!, referer: "https://elders.example/x" }, maxRedirects: 0 });
  expect(chosen.status()).toBe(303);
  expect(chosen.headers()["location"]).toBe("/");
  await context.close();
});

test("a draft written after the cache is warm does not show", async ({ page }) => {
  const [row] = await query<{ id: string; slug: string; draft: string | null; explanation: string | null }>(
    `SELECT v.id, s.slug, v."draftValue"::text AS draft, v."draftExplanation" AS explanation FROM "IndicatorValue" v
       JOIN "School" s ON s.id = v."schoolId" JOIN "QualityIndicator" i ON i.id = v."indicatorId"
     WHERE v."publishedAt" IS NOT NULL AND i.code = 'SOCIAL_SAFETY' ORDER BY s.name DESC, v."schoolYearId" LIMIT 1`,
  );
  await page.goto(`/schools/${row.slug}`);
  await page.goto(`/compare?schools=${row.slug}`);
  const marker = "Concept-tekst die niemand mag zien";
  await query(`UPDATE "IndicatorValue" SET "draftValue" = 3.33, "draftExplanation" = $2 WHERE id = $1`, [row.id, marker]);
  try {
    for (const address of [`/schools/${row.slug}`, `/compare?schools=${row.slug}`, "/"]) {
      await page.goto(address);
      await expect(page.locator("main")).not.toContainText(marker);
      await expect(page.locator("main")).not.toContainText(/(^|[^\d,])3,3 %/);
    }
  } finally {
    await query(`UPDATE "IndicatorValue" SET "draftValue" = $2::numeric, "draftExplanation" = $3 WHERE id = $1`, [row.id, row.draft, row.explanation]);
  }
});
